import type { Handlers, SecretStatus } from '../../shared/contract';
import { profileProblem } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import type { LockRequest } from '../core/lockRequest';
import { destinationChanged, profileSecretState, storeProfileSecret } from '../core/secrets/boundSecret';
import { proxyCredentialAccount, proxyOriginOf } from '../core/secrets/proxyCredential';
import { AppError } from './appError';
import type { HandlerServices } from './handlerServices';
import { SecretStoreError } from '../core/secrets/secretStore';
import { profileById } from '../core/profiles/profileById';

export type CoreMethod =
  | 'listProfiles'
  | 'saveProfile'
  | 'deleteProfile'
  | 'secretStatus'
  | 'setSecret'
  | 'clearSecret'
  | 'releaseLock'
  | 'renewLock'
  | 'createLock'
  | 'cancelRequest'
  | 'startSandbox'
  | 'stopSandbox'
  | 'sandboxStatus';

/** Profiles, secrets, single lock operations and the sandbox. Arguments arrive already validated by dispatch. */
export function createCoreHandlers(services: HandlerServices): Pick<Handlers, CoreMethod> {
  const { profiles, secrets, locks, inflight, sandbox } = services;

  /**
   * Removes a keychain entry that must not follow the profile. Without a reachable keychain the profile is
   * still saved: an entry left there stays bound to its old destination, so it can never be used for this one.
   */
  async function deleteIfReachable(profileId: string): Promise<boolean> {
    try {
      return await secrets.delete(profileId);
    } catch (error) {
      if (error instanceof SecretStoreError) return false;
      throw error;
    }
  }

  function secretStatus(stored: boolean, destinationChanged: boolean): SecretStatus {
    return { stored, destinationChanged, store: secrets.label };
  }

  async function runLock(
    operation: LockRequest['operation'],
    profileId: string,
    requestTag: string | undefined,
    extra: Pick<LockRequest, 'lockId' | 'moduleCode' | 'userId' | 'clockOffsetMs'>,
  ): Promise<LockResult> {
    // Registered before the first await, so a cancel sent right after the request finds it.
    const ticket = inflight.register(requestTag);
    try {
      const profile = await profileById(profiles, profileId);
      return await locks.run({ operation, profile, ...extra, signal: ticket.signal });
    } finally {
      ticket.done();
    }
  }

  return {
    listProfiles: () => profiles.list(),

    async saveProfile(input) {
      const problem = profileProblem(input);
      if (problem) throw new AppError('invalid-argument', problem);
      const previous = input.id === undefined ? undefined : (await profiles.list()).find((p) => p.id === input.id);
      const saved = await profiles.save(input);
      // A new profile never inherits an entry left under its id; a changed destination never keeps its secret.
      const stale = previous === undefined || destinationChanged(previous, saved);
      const secretCleared = stale && (await deleteIfReachable(saved.id));
      // The proxy password follows the same rule for the proxy: a re-pointed proxy never keeps it.
      if (previous === undefined || proxyOriginOf(previous.proxyUrl ?? '') !== proxyOriginOf(saved.proxyUrl ?? '')) {
        await deleteIfReachable(proxyCredentialAccount(saved.id));
      }
      return { ...saved, secretCleared: previous !== undefined && secretCleared };
    },

    async deleteProfile({ profileId }) {
      // The keychain entry goes first: a failure then leaves nothing half-deleted or orphaned.
      await secrets.delete(profileId);
      await secrets.delete(proxyCredentialAccount(profileId));
      return { deleted: await profiles.remove(profileId) };
    },

    async secretStatus({ profileId }) {
      const profile = await profileById(profiles, profileId);
      try {
        const state = await profileSecretState(secrets, profile);
        return secretStatus(state.stored, state.stored && !state.usable);
      } catch (error) {
        // A keychain that cannot look is a state the badge shows ("Keychain locked"), not "no secret stored".
        if (!(error instanceof SecretStoreError) || error.failure === 'failed') throw error;
        return { ...secretStatus(false, false), keychain: error.failure };
      }
    },

    async setSecret({ profileId, secret }) {
      const profile = await profileById(profiles, profileId);
      const value = secret.trim();
      if (value.length === 0) throw new AppError('invalid-argument', 'secret: is required');
      await storeProfileSecret(secrets, profile, value);
      return secretStatus(true, false);
    },

    async clearSecret({ profileId }) {
      await secrets.delete(profileId);
      return secretStatus(false, false);
    },

    releaseLock: ({ profileId, lockId, userId, requestTag, clockOffsetMs }) =>
      runLock('release', profileId, requestTag, { lockId, userId, clockOffsetMs }),
    renewLock: ({ profileId, lockId, userId, requestTag, clockOffsetMs }) =>
      runLock('renew', profileId, requestTag, { lockId, userId, clockOffsetMs }),
    createLock: ({ profileId, moduleCode, userId, requestTag, clockOffsetMs }) =>
      runLock('create', profileId, requestTag, { moduleCode, userId, clockOffsetMs }),

    cancelRequest: async ({ requestTag }) => ({ cancelled: inflight.cancel(requestTag) }),

    startSandbox: () => sandbox.start(),
    stopSandbox: () => sandbox.stop(),
    sandboxStatus: async () => sandbox.status(),
  };
}
