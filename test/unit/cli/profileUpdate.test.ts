import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/core/profiles/profileStore';
import { readProfileSecret, storeProfileSecret } from '../../../electron/core/secrets/boundSecret';
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { storeProxyCredential } from '../../../electron/core/secrets/proxyCredential';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import type { Profile } from '../../../shared/profile';
import { removeTempDirs, runCli, tempDir } from './harness';

const SECRET = 'app-secret-never-printed-4242';
let dataDir: string;
let store: MemorySecretStore;

afterAll(removeTempDirs);
beforeEach(async () => {
  dataDir = await tempDir();
  store = new MemorySecretStore({ label: 'Test keychain' });
});

const run = (argv: string[]) => runCli([...argv, '--data-dir', dataDir], { deps: { secretStore: store } });

async function profileNamed(name: string): Promise<Profile> {
  const found = await new ProfileStore(dataDir).findByName(name);
  if (!found) throw new Error(`no profile ${name}`);
  return found;
}

/** A saved app profile "prod" with its secret stored for its destination. */
async function prodWithSecret(): Promise<Profile> {
  const added = await run([
    'profile',
    'add',
    '--name',
    'prod',
    '--base-url',
    'https://intl.myhuaweicloud-koodrive.com',
    '--auth',
    'app',
    '--app-id',
    'abc123',
    '--user-id',
    '1505084218764547200',
  ]);
  expect(added.code).toBe(0);
  const profile = await profileNamed('prod');
  await storeProfileSecret(store, profile, SECRET);
  return profile;
}

describe('profile update', () => {
  it('changes only the given fields and keeps the secret when the destination is the same', async () => {
    await prodWithSecret();
    const result = await run(['profile', 'update', 'prod', '--module', '101', '--environment', 'staging']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Updated profile "prod" (id prod; changed: --module, --environment).\nIts secret, if stored, is kept (the destination is unchanged).\n',
    );
    const updated = await profileNamed('prod');
    expect(updated).toMatchObject({ moduleCode: '101', environment: 'staging', appId: 'abc123', authMode: 'app' });
    expect(await readProfileSecret(store, updated)).toBe(SECRET);
  });

  it('renames without touching the id, the secret or the default profile', async () => {
    await prodWithSecret();
    expect((await run(['profile', 'use', 'prod'])).code).toBe(0);
    const result = await run(['profile', 'update', 'prod', '--name', 'Prod Intl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Updated profile "Prod Intl" (id prod; changed: --name)');
    expect(await readProfileSecret(store, await profileNamed('Prod Intl'))).toBe(SECRET);
    expect((await run(['profile', 'use'])).stdout).toBe('Default profile: Prod Intl\n');
  });

  it('a changed destination removes the secret and says so', async () => {
    await prodWithSecret();
    const result = await run(['profile', 'update', 'prod', '--base-url', 'https://other.example', '--app-id', 'zzz9']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Its secret was removed from the keychain because the destination changed (base URL, App ID). Store it again: koodrive-lock secret set --profile prod',
    );
    expect(await store.get('prod')).toBeNull();
    expect(result.stdout + result.stderr).not.toContain(SECRET);

    const json = await run(['profile', 'update', 'prod', '--auth', 'bearer', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: 'prod',
      authMode: 'bearer',
      changed: ['authMode'],
      destinationChanged: true,
      secretCleared: false,
    });
  });

  it('a changed proxy removes the proxy password; an empty value removes the proxy', async () => {
    await prodWithSecret();
    expect((await run(['profile', 'update', 'prod', '--proxy', 'http://proxy.corp:3128'])).code).toBe(0);
    await storeProxyCredential(store, 'prod', { proxy: 'http://proxy.corp:3128', user: 'u', password: 'pw-9876' });
    const result = await run(['profile', 'update', 'prod', '--proxy', '']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('changed: --proxy');
    expect(result.stdout).toContain('Its proxy password was removed');
    expect(await store.get('prod:proxy')).toBeNull();
    expect((await profileNamed('prod')).proxyUrl).toBeUndefined();
  });

  it('refuses invalid values, unknown profiles, clashing names and no fields, changing nothing', async () => {
    const before = await prodWithSecret();
    await run([
      'profile',
      'add',
      '--name',
      'staging',
      '--base-url',
      'https://s.example',
      '--auth',
      'app',
      '--app-id',
      'a',
    ]);
    const cases: [string[], RegExp][] = [
      [['profile', 'update', 'prod', '--base-url', 'ftp://x'], /^koodrive-lock: --base-url: /],
      [
        ['profile', 'update', 'prod', '--proxy', 'http://u:p@proxy:3128'],
        /^koodrive-lock: --proxy: Remove the user name/,
      ],
      [['profile', 'update', 'prod', '--auth', 'bearer', '--user-id', ''], /A bearer token belongs to one user/],
      [['profile', 'update', 'prod', '--base-url', ''], /--base-url cannot be empty/],
      [['profile', 'update', 'prod', '--name', 'Staging'], /a profile named "staging" already exists/],
      [['profile', 'update', 'prod'], /Nothing to change/],
      [
        ['profile', 'update', 'Prod', '--module', '101'],
        /There is no profile named "Prod".*Did you mean --profile prod/,
      ],
      [['profile', 'update', 'prod', '--pac', 'x.pac'], /does not take --pac/],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
    }
    expect(await profileNamed('prod')).toEqual(before);
    expect(await readProfileSecret(store, before)).toBe(SECRET);
  });

  it('without a reachable keychain the profile is saved and the note says the old secret will not be used', async () => {
    await prodWithSecret();
    store.failure = new SecretStoreError('unavailable', 'no keychain here');
    const result = await run(['profile', 'update', 'prod', '--base-url', 'https://other.example']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The keychain could not be reached, so a secret stored for it was not removed');
    store.failure = null;
    const updated = await profileNamed('prod');
    expect(updated.baseUrl).toBe('https://other.example');
    await expect(readProfileSecret(store, updated)).rejects.toThrow(/changed: base URL/);
  });
});
