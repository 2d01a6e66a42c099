import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { LockResult } from '../../../shared/result';
import { filesContaining, runCli, removeTempDirs, tempDir } from './harness';

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
  sandbox.setFault(null);
});

const bearer = () => [
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
];
const app = () => [
  '--data-dir',
  dataDir,
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
const sentSince = (before: number) => sandbox.received().slice(before);

describe('release, renew and create against the sandbox', () => {
  it('releases a lock in bearer mode with the token from KOODRIVE_TOKEN', async () => {
    const lockId = sandbox.addLock('102');
    const { code, stdout, stderr } = await runCli(['release', ...bearer(), lockId], { env: tokenEnv() });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      new RegExp(`^released ${lockId} for user \\d{19} \\(HTTP 200, code 0, request [^,]+, \\d+ ms\\)\\n$`),
    );
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('releases a lock in app mode with the secret from KOODRIVE_APP_SECRET', async () => {
    const lockId = sandbox.addLock('100');
    const { code, stdout } = await runCli(['release', ...app(), lockId], {
      env: { KOODRIVE_APP_SECRET: sandbox.credentials.appSecret, KOODRIVE_TOKEN: 'not-used' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain(`released ${lockId}`);
  });

  it('reads the secret from stdin with --secret-stdin (first line only)', async () => {
    const lockId = sandbox.addLock();
    const { code } = await runCli(['release', ...bearer(), '--secret-stdin', lockId], {
      stdin: `${sandbox.credentials.token}\nsecond line\n`,
    });
    expect(code).toBe(0);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('exits 1 with the server message and a remedy when the lock is already gone', async () => {
    const lockId = sandbox.addLock();
    await runCli(['release', ...bearer(), lockId], { env: tokenEnv() });
    const { code, stdout } = await runCli(['release', ...bearer(), lockId], { env: tokenEnv() });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      new RegExp(`^already gone ${lockId} for user \\d{19}: .+ \\(HTTP 400, code 13000309, .+\\)`),
    );
  });

  it('exits 1 when the token is wrong, and never prints the token it was given', async () => {
    const lockId = sandbox.addLock();
    const wrong = 'wrong-token-7f3a9c2e1b';
    const { code, stdout, stderr } = await runCli(['release', '--verbose', ...bearer(), lockId], {
      env: { KOODRIVE_TOKEN: wrong },
    });
    expect(code).toBe(1);
    expect(stdout).toContain('HTTP 401');
    expect(stdout + stderr).not.toContain(wrong);
  });

  it('exits 1 for a server error', async () => {
    sandbox.setFault({ kind: 'status', status: 500 }, 1);
    const { code, stdout } = await runCli(['release', ...bearer(), sandbox.addLock()], { env: tokenEnv() });
    expect(code).toBe(1);
    expect(stdout).toContain('HTTP 500');
  });

  it('exits 3 on a timeout', async () => {
    sandbox.setFault({ kind: 'hang' }, 1);
    const { code, stdout } = await runCli(['release', ...bearer(), '--timeout', '300', sandbox.addLock()], {
      env: tokenEnv(),
    });
    expect(code).toBe(3);
    expect(stdout).toContain('no HTTP response');
  });

  it('exits 3 when nothing listens at the base URL', async () => {
    const down = await startSandbox({ seedLocks: 0 });
    await down.stop();
    const args = ['release', '--data-dir', dataDir, '--base-url', down.url, '--user-id', '1', '--auth', 'bearer'];
    const { code, stdout } = await runCli([...args, 'a@1'], { env: { KOODRIVE_TOKEN: 't0ken' } });
    expect(code).toBe(3);
    expect(stdout).toMatch(/^FAILED a@1 for user 1: .*\(no HTTP response, \d+ ms\)/);
  });

  it('prints one JSON LockResult per line with --json', async () => {
    const lockId = sandbox.addLock();
    const { code, stdout } = await runCli(['release', '--json', ...bearer(), lockId], { env: tokenEnv() });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]) as LockResult;
    expect(result).toMatchObject({
      ok: true,
      kind: 'success',
      operation: 'release',
      lockId,
      httpStatus: 200,
      code: '0',
    });
  });

  it('renews a lock and creates one with the module from --module', async () => {
    const lockId = sandbox.addLock('101');
    const renew = await runCli(['renew', ...bearer(), lockId], { env: tokenEnv() });
    expect(renew.code).toBe(0);
    expect(renew.stdout).toMatch(new RegExp(`^renewed ${lockId} `));

    // Other tests leave locks held in this sandbox; a user holds one lock per module, so create on a fresh one.
    const fresh = await startSandbox({ seedLocks: 0 });
    try {
      const flags = ['--base-url', fresh.url, '--user-id', fresh.credentials.userId, '--auth', 'bearer'];
      const create = await runCli(['create', '--json', '--data-dir', dataDir, ...flags, '--module', '100'], {
        env: { KOODRIVE_TOKEN: fresh.credentials.token },
      });
      expect(create.code).toBe(0);
      const created = JSON.parse(create.stdout) as LockResult;
      expect(created.lockId).toMatch(/@100$/);
      expect(fresh.activeLockIds()).toEqual([created.lockId]);

      const again = await runCli(['create', '--data-dir', dataDir, ...flags, '--module', '100'], {
        env: { KOODRIVE_TOKEN: fresh.credentials.token },
      });
      expect(again.code).toBe(1);
      expect(again.stdout).toMatch(/^FAILED create for user \d{19}: /);
    } finally {
      await fresh.stop();
    }
  });

  it('--verbose shows the request with Authorization redacted, and the signed strings in app mode', async () => {
    const bearerRun = await runCli(['release', '--verbose', ...bearer(), sandbox.addLock()], { env: tokenEnv() });
    expect(bearerRun.stderr).toContain('> #1 DELETE ');
    expect(bearerRun.stderr).toContain('> #1 Authorization: Bearer <redacted>');
    expect(bearerRun.stderr).toContain('< #1 HTTP 200');
    expect(bearerRun.stdout + bearerRun.stderr).not.toContain(sandbox.credentials.token);

    const appRun = await runCli(['release', '--verbose', ...app(), sandbox.addLock()], {
      env: { KOODRIVE_APP_SECRET: sandbox.credentials.appSecret },
    });
    expect(appRun.code).toBe(0);
    expect(appRun.stderr).toContain('Signature=<redacted>');
    expect(appRun.stderr).toContain('canonical request:');
    expect(appRun.stderr).toContain('string to sign:');
    expect(appRun.stdout + appRun.stderr).not.toContain(sandbox.credentials.appSecret);
  });

  it('trusts an extra CA with --ca-file (the sandbox over HTTPS); without it the TLS failure exits 3', async () => {
    const secure = await startSandbox({ seedLocks: 2, https: true });
    try {
      const caFile = path.join(dataDir, 'sandbox-ca.pem');
      await fs.writeFile(caFile, secure.caPem ?? '');
      const flags = ['--data-dir', dataDir, '--base-url', secure.url, '--user-id', secure.credentials.userId];
      const env = { KOODRIVE_TOKEN: secure.credentials.token };
      const untrusted = await runCli(['release', ...flags, '--auth', 'bearer', secure.seededLockIds[0]], { env });
      expect(untrusted.code).toBe(3);
      expect(untrusted.stdout).toMatch(/^FAILED .*no HTTP response/);
      const trusted = await runCli(
        ['release', ...flags, '--auth', 'bearer', '--ca-file', caFile, secure.seededLockIds[0]],
        {
          env,
        },
      );
      expect(trusted.stdout).toContain(`released ${secure.seededLockIds[0]}`);
      expect(trusted.code).toBe(0);
      const missing = await runCli(['release', ...flags, '--auth', 'bearer', '--ca-file', `${caFile}.nope`, 'a@1'], {
        env,
      });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('Cannot read --ca-file');
    } finally {
      await secure.stop();
    }
  });

  it('writes an audit entry per operation (source cli) and no secret into the data folder', async () => {
    const lockId = sandbox.addLock();
    await runCli(['release', ...bearer(), lockId], { env: tokenEnv() });
    const history = await runCli(['history', '--json', '--data-dir', dataDir]);
    const entries = history.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ source: 'cli', osUser: 'tester', operation: 'release', lockId, ok: true });
    expect(await filesContaining(dataDir, sandbox.credentials.token)).toEqual([]);
  });
});

describe('nothing is sent when the command line or the configuration is wrong (exit 2)', () => {
  it.each([
    ['an invalid lock ID', ['release', 'bad id'], 'printable ASCII'],
    ['an over-long lock ID', ['release', 'x'.repeat(300)], 'at most 256'],
    ['no lock ID', ['release'], 'Give at least one lock ID'],
    ['two IDs for renew', ['renew', 'a@1', 'b@2'], 'exactly one lock ID'],
    ['a lock ID for create', ['create', 'a@1'], 'create takes no lock ID'],
    ['a bad --timeout', ['release', '--timeout', '5', 'a@1'], '--timeout 5 is out of range'],
    ['a missing --file', ['release', '--yes', '--file', '/nonexistent/ids.txt'], 'Cannot read the lock ID file'],
    ['a folder as --file', ['release', '--yes', '--file', '/'], 'the lock ID file / is not a file'],
  ])('%s', async (_label, argv, message) => {
    const before = sandbox.received().length;
    const [command, ...rest] = argv;
    const { code, stdout, stderr } = await runCli([command, ...bearer(), ...rest], { env: tokenEnv() });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(sentSince(before)).toEqual([]);
  });

  it('no secret: says where a secret can come from', async () => {
    const before = sandbox.received().length;
    const { code, stderr } = await runCli(['release', ...bearer(), 'a@1'], { env: {} });
    expect(code).toBe(2);
    expect(stderr).toContain('No access token: set KOODRIVE_TOKEN or pass it on standard input with --secret-stdin');
    expect(sentSince(before)).toEqual([]);
  });

  it('--secret-stdin with empty input', async () => {
    const { code, stderr } = await runCli(['release', ...bearer(), '--secret-stdin', 'a@1'], { stdin: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('standard input was empty');
  });

  it('a token with a line break in it', async () => {
    const { code, stderr } = await runCli(['release', ...bearer(), 'a@1'], { env: { KOODRIVE_TOKEN: 'ab\ncd' } });
    expect(code).toBe(2);
    expect(stderr).toContain('The access token from KOODRIVE_TOKEN must be one line');
    expect(stderr).not.toContain('ab\ncd');
  });

  it.each([
    [['--base-url', 'http://example.com', '--user-id', '1', '--auth', 'bearer'], '--base-url: Plain http://'],
    [['--base-url', 'https://example.com', '--user-id', 'abc', '--auth', 'bearer'], '--user-id: The user ID is digits'],
    [['--base-url', 'https://example.com', '--user-id', '1', '--auth', 'token'], '--auth: must be one of: bearer, app'],
    [['--base-url', 'https://example.com', '--user-id', '1', '--auth', 'app'], 'App ID'],
    [['--base-url', 'https://example.com', '--auth', 'bearer'], '--user-id is required'],
    [['--user-id', '1'], 'Say which KooDrive to use'],
    [['--profile', 'nope'], 'There is no profile named "nope"'],
    [['--profile', 'p', '--base-url', 'https://example.com'], 'cannot be combined with --profile'],
    [['--profile', 'p', '--proxy', 'http://proxy:3128'], '--proxy cannot be combined with --profile'],
    [
      ['--base-url', 'https://example.com', '--user-id', '1', '--auth', 'bearer', '--proxy', 'socks5://proxy:1080'],
      '--proxy: The proxy is http://host:port (or https://host:port',
    ],
  ])('connection flags %j', async (flags, message) => {
    const { code, stderr } = await runCli(['release', '--data-dir', dataDir, ...flags, 'a@1'], { env: tokenEnv() });
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});
