/**
 * Step 5: an authenticated, read-only call (list one backup record of the profile's module), made by the
 * same signed call as the lock operations. It shows whether the stored token or App secret, the App ID and
 * the user ID are accepted, without touching any lock.
 */
import { message } from '../../../shared/messages/message';
import type { Profile } from '../../../shared/profile';
import type { Clock } from '../clock';
import type { Routing } from '../koodrive/connectionFor';
import { LIST_RECORDS } from '../koodrive/recordOperations';
import { prepareRecordListRequest } from '../koodrive/recordRequests';
import { secretProblemMessage } from '../koodrive/requestBuilder';
import type { ParsedBody } from '../koodrive/responseParser';
import { type CallOutcome, signedCall } from '../koodrive/signedCall';
import type { Transport } from '../koodrive/transport';
import { DIAGNOSTIC_MAX_BODY_BYTES } from './stepLimits';
import { type StepOutcome, failed, passed } from './stepOutcome';
import { transportRemedy } from './transportRemedy';

export type SecretLookup = { ok: true; secret: string | null } | { ok: false; problem: string };

function credentialName(profile: Profile): string {
  return profile.authMode === 'app' ? 'App secret' : 'access token';
}

function scrub(text: string, secret: string): string {
  return secret.length >= 4 && text.includes(secret) ? text.split(secret).join('<redacted>') : text;
}

function answerText(status: number, body: ParsedBody): string {
  const code = body.code === null ? '' : `, code ${body.code}`;
  const msg = body.msg ? `: ${body.msg}` : '';
  const requestId = body.requestId ? ` (request ID ${body.requestId})` : '';
  return `HTTP ${status}${code}${msg}${requestId}`;
}

/** What the classified answer says about the credentials. */
function verdict(outcome: CallOutcome, status: number, body: ParsedBody, what: string, secret: string): StepOutcome {
  const { prepared, kind, remedyMessage: remedy } = outcome;
  const call = `GET ${prepared.url.pathname}${prepared.url.search}`;
  const answer = scrub(answerText(status, body), secret);
  const userId = prepared.headers['X-User-Id'];
  switch (kind) {
    case 'success':
      return passed(`KooDrive accepted the ${what} for user ${userId}: ${call} answered ${answer}.`);
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
      return failed(`KooDrive failed internally: ${answer}.`, message('step.auth.serverFailed'));
    default:
      return failed(`${call} answered ${answer}.`, remedy);
  }
}

export async function authStep(input: {
  profile: Profile;
  /** The end user the authenticated call is made for (X-User-Id). */
  userId: string;
  secret: SecretLookup;
  /** The route a lock operation takes (connectionFor.ts): env, system proxy or PAC, stored proxy password. */
  routing: Routing;
  transport: Transport;
  clock: Clock;
  timeoutMs: number;
}): Promise<StepOutcome> {
  const { profile } = input;
  const what = credentialName(profile);
  if (!input.secret.ok) return failed(input.secret.problem, message('step.fixKeychain'));
  const { secret } = input.secret;
  if (secret === null) {
    return failed(
      `No ${what} is stored for this profile, so the authenticated call was not made.`,
      message('step.storeSecret', {
        what: message(profile.authMode === 'bearer' ? 'step.secret.token' : 'step.secret.appSecret'),
      }),
    );
  }
  const badSecret = secretProblemMessage(secret, profile.authMode);
  if (badSecret) return failed('The stored secret cannot be used.', badSecret);

  let outcome: CallOutcome;
  try {
    outcome = await signedCall(
      {
        ...input.routing,
        transport: input.transport,
        clock: input.clock,
        timeoutMs: input.timeoutMs,
        maxBodyBytes: DIAGNOSTIC_MAX_BODY_BYTES,
      },
      {
        operation: LIST_RECORDS,
        profile,
        prepare: (now) => prepareRecordListRequest({ profile, userId: input.userId, secret, now }),
      },
    );
  } catch (error) {
    const reason = error instanceof Error ? scrub(error.message, secret) : 'unknown error';
    return failed('The request could not be built.', message('step.buildFailed', { reason }));
  }
  const { response, body, transportError } = outcome;
  if (transportError) return failed(scrub(transportError.message, secret), transportRemedy(transportError));
  if (!response || !body) return failed('No answer arrived.', message('step.tryAgain'));
  return verdict(outcome, response.status, body, what, secret);
}
