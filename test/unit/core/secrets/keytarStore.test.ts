import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  createKeytarStore,
  type KeytarApi,
  loadKeytar,
  requireKeytar,
} from '../../../../electron/core/secrets/keytarStore';
import { KEYCHAIN_SERVICE, SecretStoreError } from '../../../../electron/core/secrets/secretStore';

/** The Secret Service's answer when a lookup finds nothing: unlocked, so nothing means absent. */
const unlocked = { probe: async () => 'unlocked' as const };

/** A keytar stand-in that records calls and can fail like the real one does. */
function fakeKeytar(failWith?: string) {
  const calls: string[] = [];
  const entries = new Map<string, string>();
  const api: KeytarApi = {
    async getPassword(service, account) {
      calls.push(`get ${service} ${account}`);
      if (failWith) throw new Error(failWith);
      return entries.get(`${service}/${account}`) ?? null;
    },
    async setPassword(service, account, password) {
      calls.push(`set ${service} ${account}`);
      if (failWith) throw new Error(failWith);
      entries.set(`${service}/${account}`, password);
    },
    async deletePassword(service, account) {
      calls.push(`delete ${service} ${account}`);
      if (failWith) throw new Error(failWith);
      return entries.delete(`${service}/${account}`);
    },
  };
  return { api, calls };
}

describe('createKeytarStore', () => {
  test('uses service koodrive-lock-admin and the profile id as the account', async () => {
    const { api, calls } = fakeKeytar();
    const store = createKeytarStore({ load: async () => api, platform: 'linux', ...unlocked });
    await store.set('prod-eu', 'secret-1');
    expect(await store.get('prod-eu')).toBe('secret-1');
    expect(await store.delete('prod-eu')).toBe(true);
    expect(await store.delete('prod-eu')).toBe(false);
    expect(calls[0]).toBe(`set ${KEYCHAIN_SERVICE} prod-eu`);
    expect(KEYCHAIN_SERVICE).toBe('koodrive-lock-admin');
  });

  test('loads keytar only when first used', async () => {
    let loads = 0;
    const { api } = fakeKeytar();
    const store = createKeytarStore({
      ...unlocked,
      load: async () => {
        loads += 1;
        return api;
      },
    });
    expect(loads).toBe(0);
    await store.get('a');
    await store.get('b');
    expect(loads).toBe(1);
  });

  test('a keytar that cannot be loaded becomes SecretStoreError "unavailable", and is retried later', async () => {
    let attempts = 0;
    const { api } = fakeKeytar();
    const store = createKeytarStore({
      platform: 'linux',
      ...unlocked,
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('libsecret-1.so.0: cannot open shared object file');
        return api;
      },
    });
    const error = await store.get('a').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as SecretStoreError).failure).toBe('unavailable');
    expect((error as SecretStoreError).message).toContain('libsecret-1.so.0');
    expect(await store.get('a')).toBeNull();
  });

  test('keychain failures are translated with platform advice and never carry the secret', async () => {
    const secret = 'abc-very-secret-123';
    const { api } = fakeKeytar(`Cannot autolaunch D-Bus without X11 $DISPLAY; had ${secret}`);
    const store = createKeytarStore({ load: async () => api, platform: 'linux' });
    const error = await store.set('p', secret).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as SecretStoreError).failure).toBe('unavailable');
    expect((error as SecretStoreError).message).toContain('gnome-keyring');
    expect((error as SecretStoreError).message).not.toContain(secret);
    await expect(store.get('p')).rejects.toMatchObject({ failure: 'unavailable' });
    await expect(store.delete('p')).rejects.toMatchObject({ failure: 'unavailable' });
  });

  test('an empty secret or account is refused before keytar is asked', async () => {
    const { api, calls } = fakeKeytar();
    const store = createKeytarStore({ load: async () => api });
    await expect(store.set('p', '')).rejects.toMatchObject({ name: 'SecretStoreError', failure: 'failed' });
    await expect(store.get('')).rejects.toBeInstanceOf(SecretStoreError);
    expect(calls).toEqual([]);
  });

  test('a custom service keeps test entries apart from the real ones', async () => {
    const { api, calls } = fakeKeytar();
    await createKeytarStore({ load: async () => api, service: 'koodrive-test', ...unlocked }).get('p');
    expect(calls).toEqual(['get koodrive-test p']);
  });

  test('nothing found in a locked keychain is an error that says so, not "absent" (Linux)', async () => {
    const { api } = fakeKeytar();
    const store = createKeytarStore({ load: async () => api, platform: 'linux', probe: async () => 'locked' });
    const read = await store.get('p').catch((caught: unknown) => caught);
    expect(read).toMatchObject({ name: 'SecretStoreError', failure: 'locked' });
    expect((read as Error).message).toMatch(
      /^Could not read the secret: the OS keychain, .*, is locked, so it cannot tell/,
    );
    await expect(store.delete('p')).rejects.toMatchObject({ failure: 'locked' });
    await store.set('p', 'stored-secret');
    expect(await store.get('p')).toBe('stored-secret');
  });

  test('no default collection counts as locked, no Secret Service as unavailable, an unknown answer as absent', async () => {
    const { api } = fakeKeytar();
    const answer = (probe: 'no-collection' | 'no-service' | 'unknown' | 'unlocked') =>
      createKeytarStore({ load: async () => api, platform: 'linux', probe: async () => probe }).get('p');
    await expect(answer('no-collection')).rejects.toMatchObject({ failure: 'locked' });
    await expect(answer('no-service')).rejects.toMatchObject({ failure: 'unavailable' });
    expect(await answer('unknown')).toBeNull();
    expect(await answer('unlocked')).toBeNull();
  });

  test('macOS and Windows are not probed: their keychains report a locked state themselves', async () => {
    const { api } = fakeKeytar();
    for (const platform of ['darwin', 'win32'] as const) {
      expect(await createKeytarStore({ load: async () => api, platform }).get('p')).toBeNull();
    }
  });

  test('the label names the platform store', () => {
    expect(createKeytarStore({ platform: 'darwin' }).label).toBe('macOS Keychain');
    expect(createKeytarStore({ platform: 'win32' }).label).toBe('Windows Credential Manager');
    expect(createKeytarStore({ platform: 'linux' }).label).toBe('Secret Service (GNOME Keyring / KWallet)');
  });
});

describe('loadKeytar', () => {
  const api: KeytarApi = {
    getPassword: async () => null,
    setPassword: async () => undefined,
    deletePassword: async () => false,
  };

  test('returns the real native module through require (without touching any keychain)', async () => {
    const keytar = await loadKeytar();
    expect(typeof keytar.getPassword).toBe('function');
    expect(typeof keytar.setPassword).toBe('function');
    expect(typeof keytar.deletePassword).toBe('function');
    expect(await loadKeytar(requireKeytar)).toBe(keytar);
  });

  test('accepts CommonJS exports and an ES module default export', async () => {
    expect(await loadKeytar(() => api)).toBe(api);
    expect(await loadKeytar(() => ({ default: api }))).toBe(api);
  });

  test('rejects a module without the keychain functions, and passes a load failure on', async () => {
    await expect(loadKeytar(() => ({ getPassword: () => null }))).rejects.toThrow(/does not export/);
    await expect(loadKeytar(() => null)).rejects.toThrow(/does not export/);
    const missing = Object.assign(new Error("Cannot find module 'keytar'"), { code: 'MODULE_NOT_FOUND' });
    await expect(
      loadKeytar(() => {
        throw missing;
      }),
    ).rejects.toBe(missing);
  });

  test('a store whose loader throws reports the keychain as unavailable and tries again next time', async () => {
    let calls = 0;
    const store = createKeytarStore({
      platform: 'linux',
      ...unlocked,
      load: () => {
        calls += 1;
        return calls === 1
          ? loadKeytar(() => {
              throw new Error('libsecret-1.so.0: cannot open shared object file');
            })
          : loadKeytar(() => api);
      },
    });
    await expect(store.get('p1')).rejects.toMatchObject({ failure: 'unavailable' });
    expect(await store.get('p1')).toBeNull();
  });

  test('the loader source uses require, never a dynamic import of keytar', () => {
    const source = readFileSync(new URL('../../../../electron/core/secrets/keytarStore.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/require\('keytar'\)/);
    expect(source).not.toMatch(/import\(\s*['"]keytar['"]\s*\)/);
  });
});
