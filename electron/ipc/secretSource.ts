import type { SecretSource } from '../core/lockRequest';
import { readProfileSecret } from '../core/secrets/boundSecret';
import type { SecretStore } from '../core/secrets/secretStore';
import { AppError } from './appError';

/** Reads a profile's secret from the store; none stored is an AppError that says what to do. */
export function secretSourceFor(secrets: SecretStore): SecretSource {
  return async (profile) => {
    const secret = await readProfileSecret(secrets, profile);
    if (secret === null) {
      const what = profile.authMode === 'app' ? 'app secret' : 'access token';
      throw new AppError(
        'not-found',
        `No ${what} is stored for the profile "${profile.name}" yet. Open the profile, paste the ${what} and save it. ` +
          'If you stored one before, your keychain may be locked: unlock it and try again.',
      );
    }
    return secret;
  };
}
