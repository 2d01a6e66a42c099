import type { Handlers } from '../../shared/contract';
import type { Profile } from '../../shared/profile';
import type { SecretLookup } from '../core/diagnostics/authStep';
import { checkServerClock } from '../core/diagnostics/clockCheck';
import { checkConnection } from '../core/diagnostics/connectionCheck';
import { previewLockRequest } from '../core/diagnostics/requestPreview';
import { RequestBuildError, secretProblem } from '../core/koodrive/requestBuilder';
import { checkLockRequest } from '../core/lockService';
import { SecretDestinationError, readProfileSecret } from '../core/secrets/boundSecret';
import { SecretStoreError } from '../core/secrets/secretStore';
import { profileById } from '../core/profiles/profileById';
import { AppError } from './appError';
import type { HandlerServices } from './handlerServices';
import { secretSourceFor } from './secretSource';

export type DiagnosticsMethod = 'previewRequest' | 'checkClock' | 'checkConnection';

/** Request preview, clock check and connection check for support staff. Arguments arrive validated by dispatch. */
export function createDiagnosticsHandlers(services: HandlerServices): Pick<Handlers, DiagnosticsMethod> {
  const { profiles, secrets, transport, clock } = services;
  const secretFor = secretSourceFor(secrets);

  async function lookupSecret(profile: Profile): Promise<SecretLookup> {
    try {
      return { ok: true, secret: await readProfileSecret(secrets, profile) };
    } catch (error) {
      if (error instanceof SecretStoreError || error instanceof SecretDestinationError)
        return { ok: false, problem: error.message };
      return { ok: false, problem: 'The keychain could not be read.' };
    }
  }

  return {
    async previewRequest({ profileId, operation, lockId, moduleCode, userId, clockOffsetMs }) {
      const profile = await profileById(profiles, profileId);
      const checked = checkLockRequest({ operation, profile, lockId, moduleCode, userId });
      if (!checked.ok) throw new AppError('invalid-argument', checked.problem);
      const secret = await secretFor(profile);
      const problem = secretProblem(secret, profile.authMode);
      if (problem) throw new AppError('invalid-argument', problem);
      try {
        return previewLockRequest({
          profile,
          userId: checked.userId,
          operation,
          lockId: checked.lockId ?? undefined,
          moduleCode: checked.moduleCode ?? undefined,
          secret,
          now: clock.now(),
          clockOffsetMs,
        });
      } catch (error) {
        // The builder's messages name the profile field to fix and never contain the secret.
        if (error instanceof RequestBuildError) throw new AppError('invalid-argument', error.message);
        throw error;
      }
    },

    async checkClock({ profileId }) {
      return checkServerClock(await profileById(profiles, profileId), { ...services.routing, transport, clock });
    },

    async checkConnection({ profileId, userId }) {
      const deps = { ...services.routing, transport, clock, secretFor: lookupSecret };
      return checkConnection(await profileById(profiles, profileId), deps, userId);
    },
  };
}
