/**
 * What saving a changed profile does to its keychain entries, as the window's saveProfile does
 * (electron/ipc/coreHandlers.ts): a changed destination removes the secret, a changed proxy the proxy
 * password. Without a reachable keychain the profile stays saved: an entry left there is bound to its
 * old destination, so it is never used for the new one (docs/security.md).
 */
import type { Profile } from '../../../shared/profile';
import { destinationChanges, destinationOf } from '../../core/secrets/boundSecret';
import { proxyCredentialAccount, proxyOriginOf } from '../../core/secrets/proxyCredential';
import { type SecretStore, SecretStoreError } from '../../core/secrets/secretStore';

export interface KeychainAfterSave {
  /** What of the destination changed, in words; empty when the secret is kept. */
  destinationChanges: string[];
  /** true removed, false none was stored (or it was kept), null the keychain could not be reached. */
  secretCleared: boolean | null;
  proxyPasswordCleared: boolean;
}

async function deleteIfReachable(store: SecretStore, account: string): Promise<boolean | null> {
  try {
    return await store.delete(account);
  } catch (error) {
    if (error instanceof SecretStoreError) return null;
    throw error;
  }
}

/** A new profile never inherits an entry left under its id (a profile removed without a reachable keychain). */
export async function clearLeftoverEntries(store: SecretStore, created: Profile): Promise<void> {
  await deleteIfReachable(store, created.id);
  await deleteIfReachable(store, proxyCredentialAccount(created.id));
}

export async function keychainAfterSave(
  store: SecretStore,
  previous: Profile,
  saved: Profile,
): Promise<KeychainAfterSave> {
  const changes = destinationChanges(destinationOf(previous), destinationOf(saved));
  const secretCleared = changes.length === 0 ? false : await deleteIfReachable(store, saved.id);
  const proxyChanged = proxyOriginOf(previous.proxyUrl ?? '') !== proxyOriginOf(saved.proxyUrl ?? '');
  const proxyPasswordCleared =
    proxyChanged && (await deleteIfReachable(store, proxyCredentialAccount(saved.id))) === true;
  return { destinationChanges: changes, secretCleared, proxyPasswordCleared };
}
