import { keychainLabel, keychainStateError, keytarLoadError, translateKeychainError } from './keychainErrors';
import { KEYCHAIN_SERVICE, SecretStoreError, type SecretStore } from './secretStore';
import { probeSecretService, type SecretServiceState } from './secretServiceProbe';

/** The part of keytar this store uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  /** Keychain service name; tests use their own so they never touch real entries. */
  service?: string;
  /** Chooses the label and the advice in error messages. */
  platform?: NodeJS.Platform;
  /** Loads keytar; injectable so a missing native module can be simulated. */
  load?: () => Promise<KeytarApi>;
  /**
   * Asked when a lookup or a removal finds nothing, to tell "absent" from "locked" or "no keychain service"
   * (libsecret answers "nothing" for both). Linux only by default: macOS and Windows report a locked keychain
   * as an error themselves.
   */
  probe?: () => Promise<SecretServiceState>;
}

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.getPassword === 'function' &&
    typeof candidate.setPassword === 'function' &&
    typeof candidate.deletePassword === 'function'
  );
}

/**
 * keytar through CommonJS `require`, never a dynamic import(): Node's ESM loader cannot be trusted
 * inside app.asar, while `require` follows Electron's asar patches to the `.node` binary that
 * electron-builder unpacks into app.asar.unpacked (docs/packaging.md). Every form this code runs in
 * is CommonJS or provides `require`: the built main and CLI, the bench bundle, Vitest, Playwright, tsx.
 */
export function requireKeytar(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: require is the point
  return require('keytar');
}

/** The keytar API from what `require` returned (CommonJS exports, or an ES module's default). */
export function keytarApiOf(loaded: unknown): KeytarApi {
  if (isKeytarApi(loaded)) return loaded;
  const fallback = typeof loaded === 'object' && loaded !== null ? (loaded as { default?: unknown }).default : null;
  if (isKeytarApi(fallback)) return fallback;
  throw new Error('the keytar module does not export getPassword/setPassword/deletePassword');
}

/** Loaded only when first needed, so a missing or broken native module cannot stop the app from starting. */
export async function loadKeytar(load: () => unknown = requireKeytar): Promise<KeytarApi> {
  return keytarApiOf(load());
}

/** The OS keychain via keytar: service KEYCHAIN_SERVICE, account = profile id. Never falls back to a file. */
export function createKeytarStore(options: KeytarStoreOptions = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const platform = options.platform ?? process.platform;
  const load = options.load ?? (() => loadKeytar());
  const probe = options.probe ?? (platform === 'linux' ? () => probeSecretService() : null);
  let keytar: Promise<KeytarApi> | null = null;

  function api(): Promise<KeytarApi> {
    keytar ??= load().catch((error: unknown) => {
      keytar = null;
      throw keytarLoadError(error, platform);
    });
    return keytar;
  }

  function requireAccount(account: string): void {
    if (typeof account !== 'string' || account.length === 0) {
      throw new SecretStoreError('failed', 'No profile was given for the secret (the keychain account is empty).');
    }
  }

  /** Nothing was found: throws when that is because the keychain could not look, not because nothing is there. */
  async function confirmAbsent(action: 'read' | 'delete'): Promise<void> {
    if (!probe) return;
    const error = keychainStateError(await probe(), action, platform);
    if (error) throw error;
  }

  return {
    label: keychainLabel(platform),

    async get(account) {
      requireAccount(account);
      const kt = await api();
      let secret: string | null;
      try {
        secret = await kt.getPassword(service, account);
      } catch (error) {
        throw translateKeychainError(error, { action: 'read', platform });
      }
      if (secret === null) await confirmAbsent('read');
      return secret;
    },

    async set(account, secret) {
      requireAccount(account);
      if (typeof secret !== 'string' || secret.length === 0) {
        throw new SecretStoreError('failed', 'The secret is empty, so nothing was saved.');
      }
      const kt = await api();
      try {
        await kt.setPassword(service, account, secret);
      } catch (error) {
        throw translateKeychainError(error, { action: 'save', platform, secret });
      }
    },

    async delete(account) {
      requireAccount(account);
      const kt = await api();
      let removed: boolean;
      try {
        removed = await kt.deletePassword(service, account);
      } catch (error) {
        throw translateKeychainError(error, { action: 'delete', platform });
      }
      if (!removed) await confirmAbsent('delete');
      return removed;
    },
  };
}
