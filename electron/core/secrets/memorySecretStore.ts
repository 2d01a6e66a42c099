import type { SecretStore, SecretStoreError } from './secretStore';

/**
 * FOR UNIT TESTS OF OTHER COMPONENTS ONLY (IPC handlers, LockService, CLI). Holds secrets in a Map that
 * dies with the process. Never wire it into the app or the CLI: the real store is createKeytarStore().
 */
export class MemorySecretStore implements SecretStore {
  readonly label: string;
  private readonly entries = new Map<string, string>();
  /** When set, every call rejects with this error (simulates a missing or locked keychain). */
  failure: SecretStoreError | null = null;

  constructor(options: { label?: string; entries?: Record<string, string> } = {}) {
    this.label = options.label ?? 'In-memory test store';
    for (const [account, secret] of Object.entries(options.entries ?? {})) this.entries.set(account, secret);
  }

  get size(): number {
    return this.entries.size;
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  async get(account: string): Promise<string | null> {
    this.check();
    return this.entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(account);
  }
}

/** See MemorySecretStore: for unit tests of other components only. */
export function createMemorySecretStore(options?: {
  label?: string;
  entries?: Record<string, string>;
}): MemorySecretStore {
  return new MemorySecretStore(options);
}
