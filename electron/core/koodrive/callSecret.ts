/** The first step of a signed call: the profile's secret, checked before anything is signed. */
import type { Profile } from '../../../shared/profile';
import type { ResultKind } from '../../../shared/result';
import { SecretDestinationError } from '../secrets/boundSecret';
import { secretProblem } from './requestBuilder';

/** Supplies the secret for a profile at the moment of the request (keychain, env, stdin). */
export type SecretSource = (profile: Profile) => Promise<string>;

export type CallSecret =
  | { ok: true; secret: string }
  | { ok: false; kind: Extract<ResultKind, 'destination-changed' | 'invalid-input'>; problem: string };

/** A secret bound to another destination, or one that cannot be sent, is a result; other failures throw. */
export async function callSecret(secretFor: SecretSource, profile: Profile): Promise<CallSecret> {
  let secret: string;
  try {
    secret = await secretFor(profile);
  } catch (error) {
    if (!(error instanceof SecretDestinationError)) throw error;
    return { ok: false, kind: 'destination-changed', problem: error.message };
  }
  const problem = secretProblem(secret, profile.authMode);
  return problem ? { ok: false, kind: 'invalid-input', problem } : { ok: true, secret };
}
