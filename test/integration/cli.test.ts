// The built CLI (`node out/main/cli.js`, run `npx electron-vite build` first) as a user runs it, against the real
// sandbox over loopback and, for the keychain tests, a real Secret Service:
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/cli.test.ts
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import type { AuditEntry } from '../../electron/core/audit/auditEntry';
import type { LockResult } from '../../shared/result';

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
const keyringReady = process.env.KOODRIVE_KEYRING === 'ready';
const keyringReason =
  process.env.KOODRIVE_KEYRING_REASON ??
  'no keyring: run through `node test/support/with-keyring.mjs` (KOODRIVE_KEYRING is not "ready")';
if (!keyringReady) console.warn(`cli.test.ts keychain tests skipped: ${keyringReason}`);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let sandbox: RunningSandbox;
let dataDir: string;
/** Every stdout and stderr of every run, to check that no secret was ever printed. */
const transcripts: string[] = [];

const SECRET_ENV = new Set(['KOODRIVE_TOKEN', 'KOODRIVE_APP_SECRET']);

/** The test's environment without any secret variable, plus the data folder and `extra`. */
function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SECRET_ENV.has(name)));
  return { ...inherited, KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir, ...extra };
}

/** Spawns the built CLI; `whileRunning` gets the child (e.g. to send SIGINT). Killed after 20 s. */
function cli(
  args: string[],
  options: {
    env?: Record<string, string>;
    stdin?: string;
    whileRunning?: (child: ChildProcess, out: () => string) => void;
  } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: cliEnv(options.env ?? {}), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      transcripts.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
    options.whileRunning?.(child, () => stdout);
  });
}

const bearerFlags = () => ['--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
const appFlags = () => [
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'app',
  '--app-id',
  sandbox.credentials.appId,
];
const tokenEnv = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });

/** Every regular file under `dir`, recursively. */
async function allFiles(dir: string, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const out: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...(await allFiles(full, depth + 1)));
    else if (item.isFile()) out.push(full);
  }
  return out;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first.`);
  sandbox = await startSandbox({ seedLocks: 3 });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'koodrive-cli-int-'));
});

afterAll(async () => {
  await sandbox?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('koodrive-lock (built) against the sandbox', () => {
  it('releases a lock in bearer mode with the token from KOODRIVE_TOKEN (exit 0)', async () => {
    const lockId = sandbox.seededLockIds[0];
    const run = await cli(['release', ...bearerFlags(), lockId], { env: tokenEnv() });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^released ${lockId} for user ${sandbox.credentials.userId} \\(HTTP 200, code 0, .* ms\\)\\n$`),
    );
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('releases a lock in app mode with the App secret from KOODRIVE_APP_SECRET (exit 0)', async () => {
    const lockId = sandbox.seededLockIds[1];
    const run = await cli(['release', '--json', ...appFlags(), lockId], {
      env: { KOODRIVE_APP_SECRET: sandbox.credentials.appSecret },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, kind: 'success', lockId, httpStatus: 200 });
  });

  it('--verbose prints the request with Authorization redacted (and no secret)', async () => {
    const run = await cli(['release', '--verbose', ...appFlags(), sandbox.addLock()], {
      env: { KOODRIVE_APP_SECRET: sandbox.credentials.appSecret },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Authorization: HMAC-SHA256 AppId=');
    expect(run.stderr).toContain('Signature=<redacted>');
    expect(run.stderr).toContain('string to sign:');
    const bearerRun = await cli(['release', '--verbose', ...bearerFlags(), sandbox.addLock()], { env: tokenEnv() });
    expect(bearerRun.code).toBe(0);
    expect(bearerRun.stderr).toContain('Authorization: Bearer <redacted>');
  });

  it('an invalid lock ID exits 2 and sends nothing', async () => {
    const quiet = await startSandbox({ seedLocks: 0 });
    try {
      const flags = ['--base-url', quiet.url, '--user-id', quiet.credentials.userId, '--auth', 'bearer'];
      const run = await cli(['release', ...flags, 'not a lock id'], {
        env: { KOODRIVE_TOKEN: quiet.credentials.token },
      });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('1 invalid row:');
      expect(run.stderr).toContain('argument 1: "not a lock id"');
      const missingSecret = await cli(['release', ...flags, 'a@1']);
      expect(missingSecret.code).toBe(2);
      expect(missingSecret.stderr).toContain('KOODRIVE_TOKEN');
      expect(quiet.received()).toEqual([]);
    } finally {
      await quiet.stop();
    }
  });

  it('a refusal by the server exits 1', async () => {
    const run = await cli(['release', ...bearerFlags(), '00000000-0000-4000-8000-000000000000@102'], {
      env: tokenEnv(),
    });
    expect(run.code).toBe(1);
    // "Not found" for a release means the lock is already gone: not a FAILED line, but still exit 1.
    expect(run.stdout).toMatch(
      /^already gone 00000000-0000-4000-8000-000000000000@102 for user \d+: .*\(HTTP 400, code 13000309/,
    );
    const wrongToken = await cli(['release', ...bearerFlags(), sandbox.addLock()], {
      env: { KOODRIVE_TOKEN: 'wrong-token-0123456789' },
    });
    expect(wrongToken.code).toBe(1);
    expect(wrongToken.stdout).toContain('HTTP 401');
  });

  it('a server that is down exits 3', async () => {
    const down = await startSandbox({ seedLocks: 0 });
    await down.stop();
    const run = await cli(['release', '--base-url', down.url, '--user-id', '1', '--auth', 'bearer', 'a@1'], {
      env: { KOODRIVE_TOKEN: 'some-token' },
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^FAILED a@1 for user 1: .*no HTTP response/);
  });

  it('releases a batch of 50 with --concurrency 8 and --json: 50 JSON lines, exit 0', async () => {
    const ids = Array.from({ length: 50 }, () => sandbox.addLock());
    const file = path.join(dataDir, 'batch.txt');
    await fs.writeFile(file, `# stuck locks\n${ids.slice(0, 25).join('\n')}\n${ids.slice(25).join(', ')}\n`);
    const run = await cli(['release', '--json', '--yes', '--concurrency', '8', ...bearerFlags(), '--file', file], {
      env: tokenEnv(),
    });
    expect(run.code).toBe(0);
    const results = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LockResult);
    expect(results).toHaveLength(50);
    expect(results.every((r) => r.ok && r.operation === 'release')).toBe(true);
    expect(new Set(results.map((r) => r.lockId))).toEqual(new Set(ids));
    expect(sandbox.activeLockIds().filter((id) => ids.includes(id))).toEqual([]);
    expect(run.stderr).toMatch(/Done in [\d.]+ s: 50 released, 0 retryable, 0 need a fix\./);
  });

  it('Ctrl-C (SIGINT) stops a batch: requests in flight finish, the rest are not sent, exit 130', async () => {
    const ids = Array.from({ length: 40 }, () => sandbox.addLock());
    sandbox.setFault({ kind: 'delay', ms: 60 }, 1000);
    const before = sandbox.received().length;
    let signalled = false;
    const run = await cli(['release', '--json', '--yes', '--concurrency', '2', ...bearerFlags(), ...ids], {
      env: tokenEnv(),
      whileRunning: (child, out) => {
        const poll = setInterval(() => {
          if (!signalled && out().split('\n').length > 3) {
            signalled = true;
            child.kill('SIGINT');
          }
          if (signalled || child.exitCode !== null) clearInterval(poll);
        }, 5);
      },
    });
    sandbox.setFault(null);
    expect(signalled).toBe(true);
    expect(run.code).toBe(130);
    const printed = run.stdout.trimEnd().split('\n');
    const sent = sandbox.received().slice(before);
    expect(printed.length).toBe(sent.length);
    expect(sent.length).toBeLessThan(40);
    expect(run.stderr).toContain(`${40 - sent.length} not sent`);
  });

  it('history lists what was done, newest first', async () => {
    const run = await cli(['history', '--json', '--limit', '1000']);
    expect(run.code).toBe(0);
    const entries = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditEntry);
    expect(entries.every((e) => e.source === 'cli' && e.phase === 'result')).toBe(true);
    expect(entries.find((e) => e.lockId === sandbox.seededLockIds[0])).toMatchObject({
      ok: true,
      operation: 'release',
    });
    expect(entries.filter((e) => e.httpStatus === 401).length).toBeGreaterThanOrEqual(1);
    const times = entries.map((e) => Date.parse(e.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const table = await cli(['history', '--lock', sandbox.seededLockIds[0]]);
    expect(table.stdout).toMatch(
      new RegExp(
        `cli +\\S+ +command-line +release +${sandbox.credentials.userId} +${sandbox.seededLockIds[0]} +ok +200`,
      ),
    );
  });
});

describe.skipIf(!keyringReady)(
  keyringReady
    ? 'koodrive-lock with the real keychain'
    : `koodrive-lock with the real keychain (skipped: ${keyringReason})`,
  () => {
    const suffix = randomBytes(3).toString('hex');
    const appProfile = `cli-app-${suffix}`;
    const bearerProfile = `cli-bearer-${suffix}`;

    afterAll(async () => {
      for (const name of [appProfile, bearerProfile]) await cli(['profile', 'remove', name, '--yes']);
    });

    it('app mode: secret set via stdin, then release with the App secret read from the keychain', async () => {
      const add = await cli(['profile', 'add', '--name', appProfile, ...appFlags()]);
      expect(add.code).toBe(0);
      const set = await cli(['secret', 'set', '--profile', appProfile], {
        stdin: `${sandbox.credentials.appSecret}\n`,
      });
      expect(set.stderr).toBe('');
      expect(set.code).toBe(0);
      expect(set.stdout).toContain(`Stored the App secret for profile "${appProfile}"`);
      const status = await cli(['secret', 'status', '--profile', appProfile, '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ profile: appProfile, stored: true });

      const lockId = sandbox.seededLockIds[2];
      const run = await cli(['release', '--profile', appProfile, lockId]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`released ${lockId}`);
      expect(sandbox.activeLockIds()).not.toContain(lockId);
    });

    it('bearer mode: the token from the keychain; secret clear removes it', async () => {
      expect((await cli(['profile', 'add', '--name', bearerProfile, ...bearerFlags()])).code).toBe(0);
      const set = await cli(['secret', 'set', '--profile', bearerProfile], { stdin: `${sandbox.credentials.token}\n` });
      expect(set.code).toBe(0);
      const run = await cli(['release', '--profile', bearerProfile, '--verbose', sandbox.addLock()]);
      expect(run.code).toBe(0);
      const clear = await cli(['secret', 'clear', '--profile', bearerProfile]);
      expect(clear.stdout).toContain('Removed the secret');
      const after = await cli(['release', '--profile', bearerProfile, sandbox.addLock()]);
      expect(after.code).toBe(2);
      expect(after.stderr).toContain(`No access token is stored for profile "${bearerProfile}"`);
    });

    it('profile remove also removes the keychain entry', async () => {
      const name = `cli-rm-${suffix}`;
      expect((await cli(['profile', 'add', '--name', name, ...bearerFlags()])).code).toBe(0);
      expect((await cli(['secret', 'set', '--profile', name], { stdin: 'remove-me-token-123\n' })).code).toBe(0);
      const removed = await cli(['profile', 'remove', name, '--yes']);
      expect(removed.stdout).toContain('and its secret from the keychain');
      expect((await cli(['profile', 'add', '--name', name, ...bearerFlags()])).code).toBe(0);
      const status = await cli(['secret', 'status', '--profile', name, '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ stored: false });
      await cli(['profile', 'remove', name, '--yes']);
    });
  },
);

describe('secrets stay secret', () => {
  it('no secret appears in any output or in any file under the data folder', async () => {
    const secrets = [sandbox.credentials.token, sandbox.credentials.appSecret, 'remove-me-token-123'];
    expect(transcripts.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(transcripts.filter((text) => text.includes(secret))).toEqual([]);
    }
    const files = await allFiles(dataDir);
    expect(files.some((file) => file.endsWith('audit.jsonl'))).toBe(true);
    for (const file of files) {
      const bytes = await fs.readFile(file);
      for (const secret of secrets) expect(bytes.includes(secret), `${file} contains a secret`).toBe(false);
    }
  });
});
