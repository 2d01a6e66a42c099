/**
 * Step 5: an authenticated, read-only call (list one backup record of the profile's module), made by the
 * same signed call as the lock operations. It shows whether the stored token or App secret, the App ID and
 * the user ID are accepted, without touching any lock.
 */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
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
import { scrubMessage } from '../scrubMessage';
import { type StepOutcome, asReported, failed, passed } from './stepOutcome';
import { transportRemedy } from './transportRemedy';

export type SecretLookup = { ok: true; secret: string | null } | { ok: false; problem: string };

function credentialName(profile: Profile): Message {
  return message(profile.authMode === 'app' ? 'step.secret.appSecret' : 'step.secret.token');
}

/** "HTTP 401, code APIGW.0301: msg (request ID r)"; the server's msg is free text, scrubbed by the caller. */
function answerOf(status: number, body: ParsedBody): Message {
  let answer = message('detail.answer.status', { status });
  if (body.code !== null) answer = message('detail.answer.code', { answer, code: body.code });
  if (body.msg) answer = message('detail.answer.msg', { answer, msg: body.msg });
  if (body.requestId) answer = message('detail.answer.requestId', { answer, requestId: body.requestId });
  return answer;
}

/** What the classified answer says about the credentials. */
function verdict(outcome: CallOutcome, status: number, body: ParsedBody, what: Message, secret: string): StepOutcome {
  const { prepared, kind, remedyMessage: remedy } = outcome;
  const call = `GET ${prepared.url.pathname}${prepared.url.search}`;
  const answer = scrubMessage(answerOf(status, body), secret);
  const userId = prepared.headers['X-User-Id'] ?? '';
  switch (kind) {
    case 'success':
      return passed(message('detail.auth.accepted', { what, userId, call, answer }));
    case 'auth':
    case 'clock':
      return failed(message('detail.auth.rejected', { call, answer }), remedy);
    case 'not-found':
    case 'conflict':
      return passed(message('detail.auth.listingRefused', { what, answer }));
    case 'invalid-input':
      if (body.code === 'APIGW.0101') return failed(message('detail.auth.notAnApi', { call, answer }), remedy);
      return passed(message('detail.auth.parametersRefused', { what, answer }));
    case 'server':
      return failed(message('detail.auth.serverFailed', { answer }), message('step.auth.serverFailed'));
    default:
      return failed(message('detail.auth.other', { call, answer }), remedy);
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
  if (!input.secret.ok) return failed(asReported(input.secret.problem), message('step.fixKeychain'));
  const { secret } = input.secret;
  if (secret === null) {
    return failed(message('detail.auth.noSecret', { what }), message('step.storeSecret', { what }));
  }
  const badSecret = secretProblemMessage(secret, profile.authMode);
  if (badSecret) return failed(message('detail.auth.badSecret'), badSecret);

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
    const reason = error instanceof Error ? error.message : message('detail.unknownError');
    return failed(message('detail.auth.buildFailed'), scrubMessage(message('step.buildFailed', { reason }), secret));
  }
  const { response, body, transportError } = outcome;
  if (transportError) {
    return failed(scrubMessage(asReported(transportError.message), secret), transportRemedy(transportError));
  }
  if (!response || !body) return failed(message('detail.auth.noAnswer'), message('step.tryAgain'));
  return verdict(outcome, response.status, body, what, secret);
}
