/**
 * "Copy as cURL" keeps the secret out of every process's arguments: recording `curl`, `openssl`, `od`,
 * `tr`, `awk` and `date` (each logs its argv, then runs the real program) come first on PATH, the
 * generated POSIX script runs in a real `sh` against the sandbox (HTTP and HTTPS), the request must
 * succeed, and no logged argv may contain the secret (or its hex form).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/profile';
import { curlCommand } from '../../electron/core/diagnostics/curlCommand';
import { prepareLockRequest } from '../../electron/core/koodrive/lockRequests';
import { DEFAULT_SIGNED_HEADERS } from '../../electron/core/koodrive/sign';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

const run = promisify(execFile);
const RECORDED = ['curl', 'openssl', 'od', 'tr', 'awk', 'date'];

function realPath(tool: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const real = Object.fromEntries(RECORDED.map((tool) => [tool, realPath(tool)]));
const missing = RECORDED.filter((tool) => !real[tool]);
if (missing.length > 0) console.warn(`Skipping the cURL argv tests: ${missing.join(', ')} not installed.`);

let dir: string;
let argvLog: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kla-curl-argv-'));
  argvLog = join(dir, 'argv.log');
  for (const tool of RECORDED) {
    if (!real[tool]) continue;
    const script = [
      '#!/bin/sh',
      // One write per line: the tools of a pipeline run at once, and piecewise writes interleaved in the log.
      `line='${tool}'; for a in "$@"; do line="$line [$a]"; done; printf '%s\\n' "$line" >> "$ARGV_LOG"`,
      `exec '${real[tool]}' "$@"`,
    ].join('\n');
    await writeFile(join(dir, tool), `${script}\n`);
    await chmod(join(dir, tool), 0o755);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(missing.length > 0).each([false, true])('Copy as cURL against the sandbox (https: %s)', (https) => {
  let sandbox: RunningSandbox;
  let caFile: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ https, seedLocks: 0 });
    caFile = join(dir, `ca-${https}.pem`);
    if (sandbox.caPem) await writeFile(caFile, sandbox.caPem);
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  function profileFor(authMode: 'bearer' | 'app'): Profile {
    return {
      id: 'curl',
      name: 'cURL',
      environment: 'sandbox',
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode,
      moduleCode: '102',
      ...(authMode === 'app' ? { appId: sandbox.credentials.appId } : {}),
      ...(sandbox.caPem ? { caPem: sandbox.caPem } : {}),
    } as Profile;
  }

  async function runScript(authMode: 'bearer' | 'app', operation: 'release' | 'create', lockId?: string) {
    const profile = profileFor(authMode);
    const secret = authMode === 'app' ? sandbox.credentials.appSecret : sandbox.credentials.token;
    const prepared = prepareLockRequest({ profile, operation, lockId, moduleCode: '200', secret, now: new Date() });
    const script = curlCommand({
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      body: prepared.body ? Buffer.from(prepared.body).toString('utf8') : null,
      profile,
      signedHeaders: DEFAULT_SIGNED_HEADERS,
    });
    expect(script).not.toContain(secret);
    await writeFile(argvLog, '');
    const variable = authMode === 'app' ? 'KOODRIVE_APP_SECRET' : 'KOODRIVE_TOKEN';
    const { stdout, stderr } = await run('sh', ['-c', `${script} -sS`], {
      cwd: dir,
      env: {
        PATH: `${dir}:${process.env.PATH ?? ''}`,
        HOME: dir,
        ARGV_LOG: argvLog,
        [variable]: secret,
        ...(sandbox.caPem ? { KOODRIVE_CA_FILE: caFile } : {}),
      },
      timeout: 20_000,
    });
    const log = await readFile(argvLog, 'utf8');
    // Says what went wrong if an expectation fails (the secret is never in stdout, stderr or the log).
    const context = `stdout: ${stdout}\nstderr: ${stderr}\nsandbox saw: ${JSON.stringify(sandbox.received().at(-1))}`;
    return { stdout, log, secret, context };
  }

  function expectNoSecret(log: string, secret: string): void {
    expect(log).toMatch(/^curl /m);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(Buffer.from(secret, 'utf8').toString('hex'));
    expect(log).not.toContain(Buffer.from(secret, 'utf8').toString('base64'));
  }

  it('bearer: the lock is released; no argv holds the token', async () => {
    const lockId = sandbox.addLock();
    const { stdout, log, secret, context } = await runScript('bearer', 'release', lockId);
    expect(stdout, context).toBe('{"code":0,"msg":"success"}');
    expect(sandbox.activeLockIds()).not.toContain(lockId);
    expect(log).toContain('[@-]');
    expectNoSecret(log, secret);
  });

  it('app: the lock is released and one is created; openssl ran, and no argv holds the App secret', async () => {
    const lockId = sandbox.addLock();
    const released = await runScript('app', 'release', lockId);
    expect(released.stdout, released.context).toBe('{"code":0,"msg":"success"}');
    expect(sandbox.activeLockIds()).not.toContain(lockId);
    expect(released.log).toMatch(/^openssl \[dgst\] \[-sha256\]$/m);
    expect(released.log).toMatch(/^od /m);
    expect(released.log).not.toMatch(/-hmac|macopt|hexkey/);
    expectNoSecret(released.log, released.secret);

    const created = await runScript('app', 'create');
    expect(created.stdout, created.context).toMatch(/^\{"code":0,/);
    const answer = JSON.parse(created.stdout) as { code: number; data: { lockId: string } };
    expect(sandbox.activeLockIds()).toContain(answer.data.lockId);
    expectNoSecret(created.log, created.secret);
  });
});
