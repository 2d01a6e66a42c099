import { describe, expect, test } from 'vitest';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore';
import { SecretStoreError } from '../../../../electron/core/secrets/secretStore';

describe('MemorySecretStore (test double for other components)', () => {
  test('behaves like a SecretStore', async () => {
    const store = createMemorySecretStore({ entries: { a: 'one' } });
    expect(await store.get('a')).toBe('one');
    await store.set('b', 'two');
    expect(store.size).toBe(2);
    expect(await store.delete('a')).toBe(true);
    expect(await store.delete('a')).toBe(false);
    expect(await store.get('a')).toBeNull();
    expect(store.label).toBe('In-memory test store');
  });

  test('can simulate an unavailable keychain', async () => {
    const store = createMemorySecretStore();
    store.failure = new SecretStoreError('unavailable', 'no keychain');
    await expect(store.get('a')).rejects.toMatchObject({ failure: 'unavailable' });
    await expect(store.set('a', 's')).rejects.toBeInstanceOf(SecretStoreError);
    store.failure = null;
    await store.set('a', 's');
    expect(await store.get('a')).toBe('s');
  });
});
