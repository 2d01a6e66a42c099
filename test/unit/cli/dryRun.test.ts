import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock';
import { createHttpTransport } from '../../../electron/core/koodrive/httpTransport';
import { redactHeaders } from '../../../electron/core/koodrive/redactHeaders';
import type { HttpRequest, Transport } from '../../../electron/core/koodrive/transport';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { filesContaining, removeTempDirs, runCli, tempDir } from './harness';

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
const tokenEnv = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });
const appEnv = () => ({ KOODRIVE_APP_SECRET: sandbox.credentials.appSecret });

async function expectNothingSentOrAudited(sentBefore: number): Promise<void> {
  expect(sandbox.received().length).toBe(sentBefore);
  expect(await fs.readdir(dataDir)).toEqual([]);
}

describe('release, renew and create --dry-run', () => {
  it('prints the signed release request with the token redacted, sends nothing and writes no audit entry', async () => {
    const lockId = sandbox.addLock('102');
    const sentBefore = sandbox.received().length;
    const { code, stdout, stderr } = await runCli(['release', ...connection('bearer'), '--dry-run', lockId], {
      env: tokenEnv(),
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^DELETE ${sandbox.url}/koodrive/ose/v1/backup/lock\\n`));
    expect(stdout).toMatch(/^Authorization: Bearer <redacted>$/m);
    expect(stdout).toMatch(new RegExp(`^x-backup-lock-id: ${lockId}$`, 'im'));
    expect(stdout).toMatch(new RegExp(`^X-User-Id: ${sandbox.credentials.userId}$`, 'im'));
    expect(stdout).toMatch(/^X-Date: \d{8}T\d{6}Z$/im);
    expect(stderr).toBe(
      'koodrive-lock: dry run: the request above was signed but not sent; no audit entry was written.\n',
    );
    expect(`${stdout}${stderr}`).not.toContain(sandbox.credentials.token);
    await expectNothingSentOrAudited(sentBefore);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('redacts the HMAC signature in app mode and shows the canonical request and string to sign', async () => {
    const lockId = sandbox.addLock('100');
    const sentBefore = sandbox.received().length;
    const { code, stdout } = await runCli(['renew', ...connection('app'), '--dry-run', lockId], { env: appEnv() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PATCH /);
    expect(stdout).toMatch(
      new RegExp(
        `^Authorization: HMAC-SHA256 AppId=${sandbox.credentials.appId},SignedHeaders=[a-z;-]+,Signature=<redacted>$`,
        'm',
      ),
    );
    const [request, signing] = stdout.split('\nCanonical request:\n');
    // The sandbox's App ID is 64 hex digits too; no other such value (a signature) may be left.
    expect(request.replaceAll(sandbox.credentials.appId, '')).not.toMatch(/[0-9a-f]{64}/);
    const [canonical, stringToSign] = signing.split('\n\nString to sign:\n');
    expect(canonical).toMatch(/^PATCH\n/);
    const canonicalHash = createHash('sha256').update(canonical).digest('hex');
    expect(stringToSign).toBe(`HMAC-SHA256\n${canonicalHash}\n`);
    expect(stdout).not.toContain(sandbox.credentials.appSecret);
    await expectNothingSentOrAudited(sentBefore);
  });

  it('prints the create body, and --json gives one object per request', async () => {
    const sentBefore = sandbox.received().length;
    const { code, stdout } = await runCli(
      ['create', ...connection('bearer'), '--module', '100', '--dry-run', '--json'],
      { env: tokenEnv() },
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const printed = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(printed).toMatchObject({
      dryRun: true,
      operation: 'create',
      userId: sandbox.credentials.userId,
      lockId: null,
      method: 'POST',
      url: `${sandbox.url}/koodrive/ose/v1/backup/lock`,
      body: '{"moduleCode":"100"}',
      canonicalRequest: null,
    });
    expect((printed.headers as Record<string, string>).Authorization).toBe('Bearer <redacted>');
    await expectNothingSentOrAudited(sentBefore);
  });

  it('prints every row of a batch file without asking for confirmation', async () => {
    const first = sandbox.addLock();
    const second = sandbox.addLock();
    const file = path.join(await tempDir(), 'locks.txt');
    await fs.writeFile(file, `${first}\n${second}\n`);
    const sentBefore = sandbox.received().length;
    const { code, stdout, stderr } = await runCli(['release', ...connection('bearer'), '--dry-run', '--file', file], {
      env: tokenEnv(),
    });
    expect(code).toBe(0);
    expect(stdout.match(/^DELETE /gm)).toHaveLength(2);
    expect(stdout).toContain(first);
    expect(stdout).toContain(second);
    expect(stderr).toContain('the 2 requests above were signed but not sent');
    await expectNothingSentOrAudited(sentBefore);
    expect(await filesContaining(dataDir, sandbox.credentials.token)).toEqual([]);
  });

  it('prints exactly the request a real run then sends (same clock): method, URL, headers and body', async () => {
    const now = new Date();
    const clock = { ...systemClock, now: () => now };
    const sent: HttpRequest[] = [];
    const http = createHttpTransport();
    const transport: Transport = (request) => {
      sent.push(request);
      return http(request);
    };
    const lockId = sandbox.addLock('101');
    const argv = ['release', ...connection('app'), '--json', lockId];
    const dry = await runCli([...argv, '--dry-run'], { env: appEnv(), deps: { clock, transport } });
    expect(sent).toEqual([]);
    const printed = JSON.parse(dry.stdout) as { method: string; url: string; headers: Record<string, string> };

    const real = await runCli(argv, { env: appEnv(), deps: { clock, transport } });
    expect(real.code).toBe(0);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect({ method: request.method, url: request.url.href, headers: redactHeaders(request.headers) }).toEqual({
      method: printed.method,
      url: printed.url,
      headers: printed.headers,
    });
    expect(request.body).toBeUndefined();
  });

  it('validates like a real run: an invalid lock ID or a missing secret exits 2 with nothing printed on stdout', async () => {
    const invalid = await runCli(['renew', ...connection('bearer'), '--dry-run', 'not a lock'], { env: tokenEnv() });
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('Invalid lock ID');

    const noSecret = await runCli(['release', ...connection('bearer'), '--dry-run', sandbox.addLock()]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stdout).toBe('');
  });

  it('refuses --dry-run on a command that does not send a lock request', async () => {
    const { code, stderr } = await runCli(['history', '--data-dir', dataDir, '--dry-run']);
    expect(code).toBe(2);
    expect(stderr).toContain('does not take --dry-run');
  });
});
