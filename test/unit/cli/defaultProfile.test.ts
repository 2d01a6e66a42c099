import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { removeTempDirs, runCli, tempDir } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;
let store: MemorySecretStore;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
  store = new MemorySecretStore();
});

const run = (argv: string[], env: Record<string, string> = {}) =>
  runCli([...argv, '--data-dir', dataDir], {
    env: { KOODRIVE_TOKEN: sandbox.credentials.token, ...env },
    deps: { secretStore: store },
  });

/** Two bearer profiles: "Sand Box" reaches the sandbox, "elsewhere" a port where nothing listens. */
async function addProfiles(): Promise<void> {
  const common = ['--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
  expect((await run(['profile', 'add', '--name', 'Sand Box', '--base-url', sandbox.url, ...common])).code).toBe(0);
  const elsewhere = ['profile', 'add', '--name', 'elsewhere', '--base-url', 'http://127.0.0.1:1', ...common];
  expect((await run(elsewhere)).code).toBe(0);
}

/** The URL a dry run would send to: which profile was taken. */
async function urlOfDryRun(argv: string[], env: Record<string, string> = {}) {
  const result = await run(['release', '--dry-run', ...argv, sandbox.addLock()], env);
  return { ...result, url: result.stdout.split(' ')[1]?.split('/koodrive')[0] };
}

describe('KOODRIVE_PROFILE and the default profile', () => {
  it('profile use sets, shows and clears the default, kept in cli-settings.json (0600) by profile id', async () => {
    await addProfiles();
    const none = await run(['profile', 'use']);
    expect(none).toMatchObject({ code: 0, stdout: 'No default profile is set.\n' });

    expect(await run(['profile', 'use', 'Sand Box'])).toMatchObject({ code: 0, stdout: 'Default profile: Sand Box\n' });
    const file = path.join(dataDir, 'cli-settings.json');
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ defaultProfileId: 'sand-box' });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await run(['profile', 'use', '--json'])).toMatchObject({ stdout: '{"defaultProfile":"Sand Box"}\n' });

    expect((await run(['profile', 'use', '--clear'])).code).toBe(0);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({});
    expect((await run(['profile', 'use'])).stdout).toBe('No default profile is set.\n');
  });

  it('names must match exactly: profile use and KOODRIVE_PROFILE refuse a near miss (exit 2)', async () => {
    await addProfiles();
    const use = await run(['profile', 'use', 'sand box']);
    expect(use.code).toBe(2);
    expect(use.stderr).toContain('There is no profile named "sand box"');
    const env = await urlOfDryRun([], { KOODRIVE_PROFILE: 'sand-box' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('KOODRIVE_PROFILE: There is no profile named "sand-box"');
  });

  it('without --profile a release takes the default profile, and says so on stderr', async () => {
    await addProfiles();
    await run(['profile', 'use', 'Sand Box']);
    const lockId = sandbox.addLock();
    const { code, stderr } = await run(['release', lockId]);
    expect(stderr.split('\n')[0]).toBe(
      'koodrive-lock: using profile "Sand Box" (the default profile; `koodrive-lock profile use` changes it).',
    );
    expect(code).toBe(0);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('precedence: --profile > KOODRIVE_PROFILE > default; connection flags beat both', async () => {
    await addProfiles();
    await run(['profile', 'use', 'Sand Box']);

    const byDefault = await urlOfDryRun([]);
    expect(byDefault.url).toBe(sandbox.url);

    const byEnv = await urlOfDryRun([], { KOODRIVE_PROFILE: 'elsewhere' });
    expect(byEnv.url).toBe('http://127.0.0.1:1');
    expect(byEnv.stderr).toContain('koodrive-lock: using profile "elsewhere" (from KOODRIVE_PROFILE).\n');

    const byFlag = await urlOfDryRun(['--profile', 'Sand Box'], { KOODRIVE_PROFILE: 'elsewhere' });
    expect(byFlag.url).toBe(sandbox.url);
    expect(byFlag.stderr).not.toContain('using profile');

    const flags = ['--base-url', 'http://127.0.0.1:2', '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
    const byConnectionFlags = await urlOfDryRun(flags, { KOODRIVE_PROFILE: 'elsewhere' });
    expect(byConnectionFlags.url).toBe('http://127.0.0.1:2');
    expect(byConnectionFlags.stderr).not.toContain('using profile');
  });

  it('secret commands take the implicit profile too', async () => {
    await addProfiles();
    const status = await run(['secret', 'status', '--json'], { KOODRIVE_PROFILE: 'elsewhere' });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('using profile "elsewhere" (from KOODRIVE_PROFILE)');
  });

  it('a default whose profile is gone, or no profile at all, exits 2 naming the ways to choose one', async () => {
    await addProfiles();
    await fs.writeFile(path.join(dataDir, 'cli-settings.json'), '{"defaultProfileId":"removed-one"}\n');
    const stale = await urlOfDryRun([]);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('The default profile (id removed-one) no longer exists');

    await fs.rm(path.join(dataDir, 'cli-settings.json'));
    const none = await urlOfDryRun([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('KOODRIVE_PROFILE, a default profile (`koodrive-lock profile use NAME`)');
  });
});
