// Real keytar against a real Secret Service. Run through the harness, which starts a private, unlocked
// gnome-keyring on a private D-Bus session with a temporary HOME:
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/keychain.test.ts
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createKeytarStore, loadKeytar } from '../../electron/core/secrets/keytarStore';
import { KEYCHAIN_SERVICE } from '../../electron/core/secrets/secretStore';

const ready = process.env.KOODRIVE_KEYRING === 'ready';
const reason =
  process.env.KOODRIVE_KEYRING_REASON ??
  'no keyring: run through `node test/support/with-keyring.mjs` (KOODRIVE_KEYRING is not "ready")';
/** The harness keyring is private and thrown away; a session keyring is the user's own. */
const privateKeyring = ready && process.env.KOODRIVE_USE_SESSION_KEYRING !== '1';

if (!ready) console.warn(`keychain.test.ts skipped: ${reason}`);

const service = `${KEYCHAIN_SERVICE}-test-${randomBytes(4).toString('hex')}`;
const usedAccounts = new Set<string>();

function account(name: string): string {
  const id = `${name}-${randomBytes(3).toString('hex')}`;
  usedAccounts.add(id);
  return id;
}

function secret(): string {
  return `tok-${randomBytes(16).toString('hex')}`;
}

/** Every regular file under `dir` whose content contains `needle` (symlinks are not followed). */
async function filesContaining(dir: string, needle: string, depth = 0): Promise<string[]> {
  if (depth > 12) return [];
  const found: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...(await filesContaining(full, needle, depth + 1)));
    else if (item.isFile() && (await fs.readFile(full).catch(() => Buffer.alloc(0))).includes(needle)) {
      found.push(full);
    }
  }
  return found;
}

describe.skipIf(!ready)(ready ? 'keytar store, real Secret Service' : `keytar store (skipped: ${reason})`, () => {
  const store = createKeytarStore({ service });

  afterAll(async () => {
    for (const id of usedAccounts) await store.delete(id).catch(() => false);
  });

  test('is labelled for this platform', () => {
    if (process.platform === 'linux') expect(store.label).toBe('Secret Service (GNOME Keyring / KWallet)');
  });

  test('set, get, overwrite, delete: a full round trip', async () => {
    const id = account('round-trip');
    const first = secret();
    const second = secret();
    expect(await store.get(id)).toBeNull();
    await store.set(id, first);
    expect(await store.get(id)).toBe(first);
    await store.set(id, second);
    expect(await store.get(id)).toBe(second);
    expect(await store.delete(id)).toBe(true);
    expect(await store.get(id)).toBeNull();
  });

  test('entries for two profiles are independent', async () => {
    const a = account('profile-a');
    const b = account('profile-b');
    const secretA = secret();
    const secretB = secret();
    await store.set(a, secretA);
    await store.set(b, secretB);
    expect(await store.get(a)).toBe(secretA);
    expect(await store.get(b)).toBe(secretB);
    expect(await store.delete(a)).toBe(true);
    expect(await store.get(a)).toBeNull();
    expect(await store.get(b)).toBe(secretB);
  });

  test('deleting an entry that does not exist returns false', async () => {
    expect(await store.delete(account('never-stored'))).toBe(false);
  });

  test('long and non-ASCII secrets survive unchanged', async () => {
    const id = account('long');
    const long = `ключ-🔑-${'x'.repeat(4000)}`;
    await store.set(id, long);
    expect(await store.get(id)).toBe(long);
  });

  test('the default store uses service "koodrive-lock-admin" and the profile id as account', async (context) => {
    if (!privateKeyring) context.skip('only in the private keyring of the harness, never the user’s own');
    const id = account('default-service');
    const value = secret();
    await createKeytarStore().set(id, value);
    const keytar = await loadKeytar();
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBe(value);
    expect(await createKeytarStore().delete(id)).toBe(true);
  });

  test('the secret is not written in plain text anywhere under HOME', async (context) => {
    const home = process.env.HOME ?? '';
    if (!privateKeyring || !home.startsWith(os.tmpdir())) context.skip('only with the harness’s temporary HOME');
    const id = account('plaintext');
    const value = secret();
    await store.set(id, value);
    expect(await filesContaining(home, value)).toEqual([]);
  });
});
