/**
 * Turns what happened on the wire into one ResultKind and a remedy sentence, for any operation (its
 * descriptor words the remedies). The rules follow docs/koodrive-protocol.md#error-shapes and
 * #open-questions: codes override the HTTP status where they are more specific, an auth-like rejection
 * becomes 'clock' when the clocks disagree, and nothing here retries anything.
 */
import type { AuthMode } from '../../../shared/profile';
import type { ResultKind } from '../../../shared/result';
import type { OperationDescriptor } from './operation';
import { PROXY_CAUSE } from './proxyAddress';
import { english } from '../../../shared/messages/english';
import type { Message } from '../../../shared/messages/template';
import { remedyMessages as remedies } from './remedyMessages';
import { type ParsedBody, isSuccessCode } from './responseParser';
import type { TransportError } from './transport';
import { X_DATE_WINDOW_MS, parseXDate } from './xdate';
import { compareSigning } from './signatureEcho';

export interface ClassifyInput {
  operation: OperationDescriptor;
  /** null when no response arrived. */
  httpStatus: number | null;
  body: ParsedBody | null;
  transportError?: TransportError | null;
  /** The X-Date header we sent. */
  xDate?: string;
  /** The server's Date header. */
  serverDate?: string;
  /** The server's Retry-After header. */
  retryAfter?: string;
  /** Lets the auth remedy name the right credential. */
  authMode?: AuthMode;
  /** The string to sign we sent (app mode), compared with the server's when its refusal says what it signed. */
  stringToSign?: string;
}

export interface Classification {
  kind: ResultKind;
  /** In English (what the audit, CSV exports and the CLI's default show). */
  remedy: string;
  /** The same sentence as a message for the reader's language (docs/renderer.md#messages-from-main-keys-and-parameters). */
  remedyMessage: Message;
}

/** A classification before its remedy is put into English. */
interface Judged {
  kind: ResultKind;
  remedy: Message;
}

const AUTH_CODES = new Set(['APIGW.0301', 'APIGW.0302', 'APIGW.0303', '13000410']);
const FORBIDDEN_CODES = new Set(['APIGW.0302', '13000410']);
const INVALID_PARAMETER_CODES = new Set(['13000101', '13000102', 'APIGW.0201']);
const AUTH_WORDS = /authenticat|unauthori[sz]|signature|credential|access token|\btoken\b|\bappid\b|认证|鉴权|签名/i;
const CLOCK_WORDS = /x[-_ ]?date|clock|time ?skew|timestamp/i;

function transportClassification(operation: OperationDescriptor, error: TransportError): Judged {
  if (error.causeCode?.startsWith('HPE_')) return { kind: 'invalid-response', remedy: remedies.malformedHttp() };
  if (error.causeCode === PROXY_CAUSE.auth) return { kind: 'proxy-auth', remedy: remedies.proxyAuth() };
  if (error.causeCode === PROXY_CAUSE.unreachable) return { kind: 'network', remedy: remedies.proxyUnreachable() };
  if (error.causeCode === PROXY_CAUSE.refused) return { kind: 'network', remedy: remedies.proxyRefused() };
  if (error.causeCode === PROXY_CAUSE.decision) return { kind: 'network', remedy: remedies.proxyDecision() };
  switch (error.failure) {
    case 'dns':
      return { kind: 'network', remedy: remedies.dns() };
    case 'network':
      return { kind: 'network', remedy: remedies.network() };
    case 'reset':
      return { kind: 'network', remedy: remedies.reset(operation) };
    case 'tls':
      return { kind: 'tls', remedy: remedies.tls(error.causeCode) };
    case 'timeout':
      return { kind: 'timeout', remedy: remedies.timeout(operation) };
    case 'too-large':
      return { kind: 'invalid-response', remedy: remedies.tooLarge() };
    case 'cancelled':
      return { kind: 'cancelled', remedy: remedies.cancelled(operation) };
  }
}

/** Our X-Date minus the server's Date in ms, or null when either is missing or unreadable. */
export function clockSkewMs(xDate: string | undefined, serverDate: string | undefined): number | null {
  if (!xDate || !serverDate) return null;
  const sent = parseXDate(xDate);
  const server = Date.parse(serverDate);
  if (sent === null || Number.isNaN(server)) return null;
  return sent.getTime() - server;
}

/** Delta-seconds or an HTTP-date (measured against the server's Date, else our clock). */
export function retryAfterSeconds(retryAfter: string | undefined, serverDate: string | undefined): number | null {
  if (!retryAfter) return null;
  const text = retryAfter.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  const base = serverDate ? Date.parse(serverDate) : Date.now();
  if (Number.isNaN(base)) return null;
  return Math.max(0, Math.ceil((at - base) / 1000));
}

function authOrClock(input: ClassifyInput, body: ParsedBody, status: number): Judged {
  const skew = clockSkewMs(input.xDate, input.serverDate);
  const clockOff = skew !== null && (skew > 0 || -skew > X_DATE_WINDOW_MS);
  if (clockOff || CLOCK_WORDS.test(body.msg ?? '')) {
    return { kind: 'clock', remedy: remedies.clock(clockOff ? skew : null) };
  }
  const forbidden = status === 403 || (body.code !== null && FORBIDDEN_CODES.has(body.code));
  const echo = body.signingEcho;
  if (!forbidden && input.authMode === 'app' && echo && input.stringToSign) {
    return { kind: 'auth', remedy: remedies.signature(compareSigning(input.stringToSign, echo), echo.form) };
  }
  return { kind: 'auth', remedy: remedies.auth(input.authMode, forbidden) };
}

function isAuthRejection(status: number, body: ParsedBody): boolean {
  if (status === 401 || status === 403) return true;
  if (body.code !== null && AUTH_CODES.has(body.code)) return true;
  return status === 400 && AUTH_WORDS.test(body.msg ?? '');
}

export function classify(input: ClassifyInput): Classification {
  const { kind, remedy } = judge(input);
  return { kind, remedy: english(remedy), remedyMessage: remedy };
}

function judge(input: ClassifyInput): Judged {
  const { operation } = input;
  if (input.transportError) return transportClassification(operation, input.transportError);
  const status = input.httpStatus ?? 0;
  const body: ParsedBody = input.body ?? { code: null, msg: null, data: null, shape: 'none' };
  const { code } = body;
  const ok2xx = status >= 200 && status < 300;

  if (ok2xx && body.shape === 'none') return { kind: 'invalid-response', remedy: remedies.notKooDrive(status) };
  if (ok2xx && isSuccessCode(code)) {
    const missing = operation.successDataProblem?.(body.data) ?? null;
    if (missing !== null) return { kind: 'invalid-response', remedy: missing };
    return { kind: 'success', remedy: remedies.success(operation) };
  }
  if (isAuthRejection(status, body)) return authOrClock(input, body, status);
  if (status === 429 || code === 'APIGW.0308') {
    return { kind: 'throttled', remedy: remedies.throttled(retryAfterSeconds(input.retryAfter, input.serverDate)) };
  }
  if (status === 407) return { kind: 'proxy-auth', remedy: remedies.proxyAuth() };
  if (status >= 500 && body.shape === 'none') {
    return { kind: 'server', remedy: remedies.gatewayPage(operation, status) };
  }
  if (status >= 500 || code === '13000201') return { kind: 'server', remedy: remedies.server(operation, code, status) };
  if (code === 'APIGW.0101') return { kind: 'invalid-input', remedy: remedies.unknownRoute(code, status) };
  if (status === 404 && body.shape === 'none')
    return { kind: 'invalid-response', remedy: remedies.unknownRoute(null, status) };
  if (status === 404 || code === '13000309') return { kind: 'not-found', remedy: remedies.notFound(operation) };
  if (status === 409) return { kind: 'conflict', remedy: remedies.conflict(operation, code, status) };
  if (code !== null && INVALID_PARAMETER_CODES.has(code)) {
    return { kind: 'invalid-input', remedy: remedies.invalidParameters(operation, code) };
  }
  if (status >= 300 && status < 400) return { kind: 'invalid-response', remedy: remedies.redirected(status) };
  if (body.shape === 'none' || !(ok2xx || (status >= 400 && status < 500))) {
    return { kind: 'invalid-response', remedy: remedies.notKooDrive(status) };
  }
  // A business code this table does not know: KooDrive refused because of the resource's state
  // (docs/koodrive-protocol.md#open-questions).
  return { kind: 'conflict', remedy: remedies.conflict(operation, code, status) };
}
