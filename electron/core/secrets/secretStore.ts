/** Where secrets (access tokens, app secrets) live: the OS keychain, one entry per profile. */

export const KEYCHAIN_SERVICE = 'koodrive-lock-admin';

export type SecretStoreFailure = 'unavailable' | 'locked' | 'failed';

export class SecretStoreError extends Error {
  constructor(
    readonly failure: SecretStoreFailure,
    /** What is wrong and what to do, in words a user can act on. Never contains the secret. */
    message: string,
  ) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

export interface SecretStore {
  /** Human name of the backing store, shown in the UI. */
  readonly label: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** true when an entry was removed. */
  delete(account: string): Promise<boolean>;
}
