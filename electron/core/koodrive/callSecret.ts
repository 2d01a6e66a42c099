/** The first step of a signed call: the profile's secret, checked before anything is signed. */
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { Profile } from '../../../shared/profile';
import type { ResultKind } from '../../../shared/result';
import { SecretDestinationError } from '../secrets/boundSecret';
import { secretProblemMessage } from './requestBuilder';

/** Supplies the secret for a profile at the moment of the request (keychain, env, stdin). */
export type SecretSource = (profile: Profile) => Promise<string>;

export type CallSecret =
  | { ok: true; secret: string }
  | {
      ok: false;
      kind: Extract<ResultKind, 'destination-changed' | 'invalid-input'>;
      /** In English; problemMessage is the same for the reader's language. */
      problem: string;
      problemMessage: Message;
    };

/** A secret bound to another destination, or one that cannot be sent, is a result; other failures throw. */
export async function callSecret(secretFor: SecretSource, profile: Profile): Promise<CallSecret> {
  let secret: string;
  try {
    secret = await secretFor(profile);
  } catch (error) {
    if (!(error instanceof SecretDestinationError)) throw error;
    const problemMessage = message('remedy.destinationChanged', {
      profile: profile.name,
      changed: error.changed.join(', '),
    });
    return { ok: false, kind: 'destination-changed', problem: error.message, problemMessage };
  }
  const problemMessage = secretProblemMessage(secret, profile.authMode);
  return problemMessage
    ? { ok: false, kind: 'invalid-input', problem: english(problemMessage), problemMessage }
    : { ok: true, secret };
}
