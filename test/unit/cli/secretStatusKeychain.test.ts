import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import { removeTempDirs, runCli, tempDir } from './harness';

let dataDir: string;
let store: MemorySecretStore;

beforeEach(async () => {
  dataDir = await tempDir();
  store = new MemorySecretStore({ label: 'Test keychain' });
});
afterAll(removeTempDirs);

const run = (argv: string[]) => runCli([...argv, '--data-dir', dataDir], { deps: { secretStore: store } });

async function addAppProfile(): Promise<void> {
  const added = await run([
    'profile',
    'add',
    '--name',
    'Prod',
    '--base-url',
    'https://intl.myhuaweicloud-koodrive.com',
    '--auth',
    'app',
    '--app-id',
    'abc123',
  ]);
  expect(added.code).toBe(0);
}

describe('secret status with a keychain that cannot tell', () => {
  it('a locked keychain exits 2 and names the ways around it, never "not stored"', async () => {
    await addAppProfile();
    store.failure = new SecretStoreError('locked', 'Could not read the secret: the OS keychain is locked.');
    const status = await run(['secret', 'status', '--profile', 'Prod']);
    expect(status.code).toBe(2);
    expect(status.stdout).toBe('');
    expect(status.stderr).toContain(
      'koodrive-lock: the keychain is locked, so it cannot say whether an App secret is stored for profile "Prod": unlock it (',
    );
    expect(status.stderr).toContain(
      'or pass the App secret through KOODRIVE_APP_SECRET or on standard input with --secret-stdin.',
    );
    expect(status.stderr).not.toMatch(/No App secret is stored/);

    const json = await run(['secret', 'status', '--profile', 'Prod', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      profile: 'prod',
      stored: null,
      keychain: 'locked',
      store: 'Test keychain',
    });
  });

  it('no keychain at all exits 2 with "unavailable"; an unlocked one still says "not stored" with 0', async () => {
    await addAppProfile();
    store.failure = new SecretStoreError('unavailable', 'No Secret Service is running.');
    const json = await run(['secret', 'status', '--profile', 'Prod', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ stored: null, keychain: 'unavailable' });
    expect(json.stderr).toContain('the keychain (Test keychain) is not available');

    store.failure = null;
    const absent = await run(['secret', 'status', '--profile', 'Prod']);
    expect(absent.code).toBe(0);
    expect(absent.stdout).toContain('No App secret is stored for profile "Prod" in Test keychain.');
  });

  it('a release with a locked keychain says it is locked, not that nothing is stored', async () => {
    await addAppProfile();
    store.failure = new SecretStoreError('locked', 'Could not read the secret: the OS keychain is locked.');
    const release = await run(['release', 'lock-1@102', '--profile', 'Prod', '--user-id', '1505084218764547200', '-y']);
    expect(release.code).toBe(2);
    expect(release.stderr).toContain('is locked, so the App secret of profile "Prod" cannot be read');
    expect(release.stderr).toContain('KOODRIVE_APP_SECRET');
  });
});
