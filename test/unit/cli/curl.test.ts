import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { previewLockRequest } from '../../../electron/core/diagnostics/requestPreview';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { removeTempDirs, runCli, tempDir } from './harness';

const run = promisify(execFile);

let sandbox: RunningSandbox;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
});

const connection = (auth: 'bearer' | 'app') => [
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  auth,
  ...(auth === 'app' ? ['--app-id', sandbox.credentials.appId] : []),
];

/** Runs the printed script with sh, the secret only in the environment; resolves with curl's output. */
async function runScript(script: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await run('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', ...env } });
  return stdout;
}

describe('koodrive-lock curl', () => {
  it('prints a bearer script without the token that releases the lock when sh runs it', async () => {
    const lockId = sandbox.addLock('102');
    const sentBefore = sandbox.received().length;
    const { code, stdout, stderr } = await runCli(['curl', ...connection('bearer'), lockId], {
      env: { KOODRIVE_TOKEN: sandbox.credentials.token },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(sandbox.received().length).toBe(sentBefore);
    expect(stdout).not.toContain(sandbox.credentials.token);
    expect(stdout).toContain('"$KOODRIVE_TOKEN"');
    expect(stdout).toContain(lockId);
    expect(sandbox.activeLockIds()).toContain(lockId);

    const answer = await runScript(stdout, { KOODRIVE_TOKEN: sandbox.credentials.token });
    expect(answer).toContain('"msg":"success"');
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('prints an app-auth script that computes the HMAC itself and releases the lock', async () => {
    const lockId = sandbox.addLock('100');
    const { code, stdout } = await runCli(['curl', ...connection('app'), lockId]);
    expect(code).toBe(0);
    expect(stdout).toContain('KOODRIVE_APP_SECRET');
    expect(stdout).not.toContain(sandbox.credentials.appSecret);
    await runScript(stdout, { KOODRIVE_APP_SECRET: sandbox.credentials.appSecret });
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it("--shell powershell prints exactly the window's PowerShell script", async () => {
    const lockId = sandbox.addLock();
    const { code, stdout } = await runCli(['curl', ...connection('app'), '--shell', 'powershell', lockId]);
    expect(code).toBe(0);
    expect(stdout).toContain('Read-Host -AsSecureString');
    expect(stdout).toContain('Invoke-WebRequest');
    const profile = {
      id: 'command-line',
      name: 'command line',
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'app' as const,
      appId: sandbox.credentials.appId,
      moduleCode: '102',
      environment: 'sandbox' as const,
    };
    const window = previewLockRequest({
      profile,
      operation: 'release',
      lockId,
      secret: 'any-secret',
      now: new Date(),
    });
    expect(stdout).toBe(`${window.powershell}\n`);
  });

  it('refuses an invalid lock ID, an unknown shell and a proxy with credentials (exit 2)', async () => {
    const invalid = await runCli(['curl', ...connection('bearer'), 'not a lock']);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    const shell = await runCli(['curl', ...connection('bearer'), '--shell', 'fish', sandbox.addLock()]);
    expect(shell.code).toBe(2);
    expect(shell.stderr).toContain('--shell must be sh or powershell');
    const proxy = await runCli([
      'curl',
      ...connection('bearer'),
      '--proxy',
      'http://alice:s3cret-pw@127.0.0.1:3128',
      sandbox.addLock(),
    ]);
    expect(proxy.code).toBe(2);
    expect(`${proxy.stdout}${proxy.stderr}`).not.toContain('s3cret-pw');
  });
});
