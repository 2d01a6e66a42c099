/**
 * One KooDrive call of any kind: sign with a fresh X-Date, send on the profile's route (connectionFor),
 * parse the body and classify the answer. It never re-sends and never audits: use cases (the lock
 * service) wrap it with their own audit entries and throttle re-sends.
 */
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { Profile } from '../../../shared/profile';
import type { ResultKind } from '../../../shared/result';
import type { Clock } from '../clock';
import { classify } from './classify';
import { type ConnectionSettings, type RoutedConnection, type Routing, connectionFor } from './connectionFor';
import type { OperationDescriptor } from './operation';
import { PROXY_CAUSE } from './proxyAddress';
import { ProxyDecisionError } from './proxyDecision';
import type { PreparedRequest } from './requestBuilder';
import { type ParsedBody, parseResponseBody } from './responseParser';
import { type HttpResponse, type Transport, TransportError } from './transport';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Routing (connectionFor.ts): env (HTTPS_PROXY, NO_PROXY; default none), systemProxy (the system settings
 * or a PAC file; default none), proxyCredentials (the profile's proxy password in the keychain).
 */
export interface CallDeps extends Routing {
  transport: Transport;
  clock: Clock;
  timeoutMs?: number;
  maxBodyBytes?: number;
}

export interface SignedCall {
  operation: OperationDescriptor;
  profile: Profile;
  /** Builds the signed request for this signing time (a builder from lockRequests.ts or recordRequests.ts). */
  prepare(now: Date): PreparedRequest;
  /** Milliseconds added to the clock when signing, to sign with the server-corrected time. */
  clockOffsetMs?: number;
  signal?: AbortSignal;
  /** Runs after signing and before sending (an audit entry); when it throws, nothing is sent. */
  beforeSend?(prepared: PreparedRequest): Promise<void>;
}

export interface CallOutcome {
  prepared: PreparedRequest;
  /** null when no answer arrived (then transportError says why). */
  response: HttpResponse | null;
  transportError: TransportError | null;
  body: ParsedBody | null;
  kind: ResultKind;
  /** In English; remedyMessage is the same for the reader's language. */
  remedy: string;
  remedyMessage: Message;
  /** The request ID: the x-request-id header when it is usable, else the body's. */
  requestId?: string;
  /** Monotonic clock when the request left, and its round trip (0.1 ms). */
  sentAtMs: number;
  durationMs: number;
}

/** The X-Date instant: the clock, moved by the offset the clock check suggested (when the user chose it). */
function signingTime(clock: Clock, clockOffsetMs: number | undefined): Date {
  const now = clock.now();
  return clockOffsetMs ? new Date(now.getTime() + clockOffsetMs) : now;
}

async function send(
  deps: CallDeps,
  call: SignedCall,
  prepared: PreparedRequest,
  connection: ConnectionSettings,
): Promise<{ response: HttpResponse | null; transportError: TransportError | null }> {
  try {
    const response = await deps.transport({
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      body: prepared.body,
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBodyBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      signal: call.signal,
      ...connection,
    });
    return { response, transportError: null };
  } catch (error) {
    const transportError =
      error instanceof TransportError
        ? error
        : new TransportError('network', 'The request failed inside the HTTP client.', undefined);
    return { response: null, transportError };
  }
}

/** The route, or the reason there is none (the system or PAC step failed: nothing is sent). */
async function route(deps: CallDeps, profile: Profile): Promise<RoutedConnection | TransportError> {
  try {
    return await connectionFor(profile, deps);
  } catch (error) {
    if (!(error instanceof ProxyDecisionError)) throw error;
    return new TransportError('network', error.message, PROXY_CAUSE.decision);
  }
}

export async function signedCall(deps: CallDeps, call: SignedCall): Promise<CallOutcome> {
  const routed = await route(deps, call.profile);
  const prepared = call.prepare(signingTime(deps.clock, call.clockOffsetMs));
  const routedOk = routed instanceof TransportError ? null : routed;
  if (routedOk) await call.beforeSend?.(prepared);
  const sentAtMs = deps.clock.monotonicMs();
  const { response, transportError } = routedOk
    ? await send(deps, call, prepared, routedOk.settings)
    : { response: null, transportError: routed as TransportError };
  const durationMs = Math.round((deps.clock.monotonicMs() - sentAtMs) * 10) / 10;
  const body = response ? parseResponseBody(response.body) : null;
  const { kind, remedyMessage: classified } = classify({
    operation: call.operation,
    httpStatus: response?.status ?? null,
    body,
    transportError,
    xDate: prepared.headers['X-Date'],
    serverDate: response?.headers.date,
    retryAfter: response?.headers['retry-after'],
    authMode: call.profile.authMode,
    stringToSign: prepared.stringToSign,
  });
  const credentialNote = routedOk?.credentialNote;
  const remedyMessage =
    kind === 'proxy-auth' && credentialNote
      ? message('remedy.withNote', { note: credentialNote, remedy: classified })
      : classified;
  const headerRequestId = response?.headers['x-request-id'];
  const requestId = headerRequestId && REQUEST_ID.test(headerRequestId) ? headerRequestId : body?.requestId;
  const outcome: CallOutcome = {
    prepared,
    response,
    transportError,
    body,
    kind,
    remedy: english(remedyMessage),
    remedyMessage,
    sentAtMs,
    durationMs,
  };
  if (requestId) outcome.requestId = requestId;
  return outcome;
}
