/**
 * Step 5: an authenticated, read-only call (list one backup record of the profile's module), signed
 * exactly like the lock calls. It shows whether the stored token or App secret, the App ID and the user
 * ID are accepted, without touching any lock.
 */
import type { Profile } from '../../../shared/profile';
import type { Clock } from '../clock';
import { classify } from '../koodrive/classify';
import type { ConnectionSettings } from '../koodrive/connectionFor';
import { LIST_RECORDS } from '../koodrive/recordOperations';
import { type PreparedRequest, secretProblem } from '../koodrive/requestBuilder';
import { parseResponseBody } from '../koodrive/responseParser';
import { type Transport, TransportError } from '../koodrive/transport';
import { DIAGNOSTIC_MAX_BODY_BYTES } from './stepLimits';
import { prepareRecordListRequest } from '../koodrive/recordRequests';
import { type StepOutcome, failed, passed } from './stepOutcome';
import { transportRemedy } from './transportRemedy';

export type SecretLookup = { ok: true; secret: string | null } | { ok: false; problem: string };

function credentialName(profile: Profile): string {
  return profile.authMode === 'app' ? 'App secret' : 'access token';
}

function scrub(text: string, secret: string): string {
  return secret.length >= 4 && text.includes(secret) ? text.split(secret).join('<redacted>') : text;
}

export async function authStep(input: {
  profile: Profile;
  /** The end user the authenticated call is made for (X-User-Id). */
  userId: string;
  secret: SecretLookup;
  /** The profile's TLS and proxy settings (connectionFor), as a lock operation uses them. */
  connection: ConnectionSettings;
  transport: Transport;
  clock: Clock;
  timeoutMs: number;
}): Promise<StepOutcome> {
  const { profile } = input;
  const what = credentialName(profile);
  if (!input.secret.ok) return failed(input.secret.problem, 'Fix the keychain as described, then check again.');
  const { secret } = input.secret;
  if (secret === null) {
    return failed(
      `No ${what} is stored for this profile, so the authenticated call was not made.`,
      `Open the profile, paste the ${what} and save it, then check again.`,
    );
  }
  const badSecret = secretProblem(secret, profile.authMode);
  if (badSecret) return failed('The stored secret cannot be used.', badSecret);

  let prepared: PreparedRequest;
  try {
    prepared = prepareRecordListRequest({ profile, userId: input.userId, secret, now: input.clock.now() });
  } catch (error) {
    return failed('The request could not be built.', error instanceof Error ? scrub(error.message, secret) : '');
  }
  const call = `GET ${prepared.url.pathname}${prepared.url.search}`;
  try {
    const response = await input.transport({
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      timeoutMs: input.timeoutMs,
      maxBodyBytes: DIAGNOSTIC_MAX_BODY_BYTES,
      ...input.connection,
    });
    const body = parseResponseBody(response.body);
    const { kind, remedy } = classify({
      operation: LIST_RECORDS,
      httpStatus: response.status,
      body,
      xDate: prepared.headers['X-Date'],
      serverDate: response.headers.date,
      retryAfter: response.headers['retry-after'],
      authMode: profile.authMode,
    });
    const answer = scrub(
      `HTTP ${response.status}${body.code === null ? '' : `, code ${body.code}`}${body.msg ? `: ${body.msg}` : ''}${body.requestId ? ` (request ID ${body.requestId})` : ''}`,
      secret,
    );
    switch (kind) {
      case 'success':
        return passed(`KooDrive accepted the ${what} for user ${input.userId}: ${call} answered ${answer}.`);
      case 'auth':
      case 'clock':
        return failed(`KooDrive rejected the authenticated call ${call}: ${answer}.`, remedy);
      case 'not-found':
      case 'conflict':
        return passed(
          `KooDrive accepted the ${what} but refused the record listing itself (${answer}); authentication works.`,
        );
      case 'invalid-input':
        if (body.code === 'APIGW.0101') return failed(`${call} is not an API at this address: ${answer}.`, remedy);
        return passed(
          `KooDrive accepted the ${what} but refused the record listing's parameters (${answer}); authentication works.`,
        );
      case 'server':
        return failed(
          `KooDrive failed internally: ${answer}.`,
          `Try again in a few minutes; if it persists, escalate to KooDrive support with the request ID.`,
        );
      default:
        return failed(`${call} answered ${answer}.`, remedy);
    }
  } catch (error) {
    if (error instanceof TransportError) return failed(scrub(error.message, secret), transportRemedy(error));
    return failed('The request failed inside the HTTP client.', 'Try again; if it keeps happening, report it.');
  }
}
