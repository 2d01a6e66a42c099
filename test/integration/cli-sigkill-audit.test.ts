// The audit-before-send guarantee under the worst interruption: the built CLI (`npx electron-vite build` first)
// runs a 300-lock batch against the sandbox and is killed with SIGKILL half-way. Every lock the sandbox saw
// must have at least its pending entry in the audit log; the ones that never got a result show as pending.
//   npx vitest run --project integration test/integration/cli-sigkill-audit.test.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAuditLog } from '../../electron/core/audit/auditLog';
import { createHistoryIndex } from '../../electron/core/history/historyIndex';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
const LOCKS = 300;
const CONCURRENCY = 8;
const DELAY_MS = 80;
/** Results printed before the kill: well into the batch, far from its end. */
const KILL_AFTER_RESULTS = 60;
const HANG_BEFORE_KILL_MS = 500;

let sandbox: RunningSandbox;
let dataDir: string;

beforeEach(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing. Build first: npx electron-vite build`);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-sigkill-'));
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seedLocks: 0 });
});

afterEach(async () => {
  await sandbox.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Runs the batch and SIGKILLs the CLI once `KILL_AFTER_RESULTS` result lines are out. */
function runAndKill(idsFile: string): Promise<{ signal: NodeJS.Signals | null; lines: number; stderr: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'KOODRIVE_TOKEN' && name !== 'KOODRIVE_APP_SECRET'),
  );
  const args = [
    CLI,
    'release',
    '--file',
    idsFile,
    '--concurrency',
    String(CONCURRENCY),
    '--base-url',
    sandbox.url,
    '--user-id',
    sandbox.credentials.userId,
    '--auth',
    'bearer',
    '--data-dir',
    dataDir,
    '--yes',
    '--json',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...env, KOODRIVE_TOKEN: sandbox.credentials.token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      lines += text.split('\n').length - 1;
      if (lines < KILL_AFTER_RESULTS || killing) return;
      killing = true;
      // From here on the server never answers, so the workers' next requests are surely in flight
      // (sent, audited as pending, unanswered) when the kill comes.
      sandbox.setFault({ kind: 'hang' });
      setTimeout(() => child.kill('SIGKILL'), HANG_BEFORE_KILL_MS);
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ signal, lines, stderr });
    });
  });
}

it('leaves a pending audit entry for every lock the server saw when the CLI is killed mid-batch', async () => {
  const lockIds = Array.from({ length: LOCKS }, () => sandbox.addLock('102'));
  const idsFile = path.join(dataDir, 'ids.txt');
  await fs.writeFile(idsFile, `${lockIds.join('\n')}\n`);
  sandbox.setFault({ kind: 'delay', ms: DELAY_MS });

  const run = await runAndKill(idsFile);
  expect(run.signal, run.stderr).toBe('SIGKILL');
  // Requests that were in flight at the kill reach the sandbox's log once their delay is over.
  await new Promise((resolve) => setTimeout(resolve, DELAY_MS * 3));

  const received = sandbox.received().map((request) => request.lockId);
  expect(received.length).toBeGreaterThanOrEqual(KILL_AFTER_RESULTS);
  expect(received.length).toBeLessThan(LOCKS);

  const log = createAuditLog({ dataDir });
  const { entries } = await log.readDetailed();
  await log.close();
  const pendingLocks = new Set(entries.filter((e) => e.phase === 'pending').map((e) => e.lockId));
  const missing = received.filter((lockId) => lockId === null || !pendingLocks.has(lockId));
  expect(missing, 'locks the server saw without a pending audit entry').toEqual([]);
  expect(entries.every((entry) => entry.source === 'cli')).toBe(true);

  // The operations cut off by the kill: sent (or about to be), never answered in the log. At most one per worker.
  const answered = new Set(entries.filter((e) => e.phase === 'result').map((e) => e.operationId));
  const unanswered = entries.filter((e) => e.phase === 'pending' && !answered.has(e.operationId));
  expect(unanswered.length).toBeGreaterThanOrEqual(1);
  expect(unanswered.length).toBeLessThanOrEqual(CONCURRENCY);

  // The history shows exactly those as pending.
  const history = await createHistoryIndex({ dataDir }).query({ outcome: 'pending' }, 0, 100);
  expect(history.rows.map((row) => row.operationId).sort()).toEqual(unanswered.map((e) => e.operationId).sort());
});
