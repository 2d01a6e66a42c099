/**
 * The sandbox's answers. KooDrive documents no lock, signature or X-Date error codes
 * (docs/koodrive-protocol.md#error-shapes), so the codes below are sandbox choices, listed in
 * docs/sandbox.md; the two body shapes are the real ones: {code,msg} from KooDrive,
 * {error_code,error_msg,request_id} from the API gateway.
 */
import { APP_ALGORITHM } from './appSignature';
import { xDateText } from './xDate';

export interface JsonReply {
  status: number;
  /** The answer, with every ID a string. */
  body: Readonly<Record<string, unknown>>;
  headers?: Readonly<Record<string, string>>;
  /** The body's JSON text when it is not JSON.stringify(body): some IDs written as bare integers. */
  text?: string;
}

const CODE_PARAMETER_INVALID = 13000102;
const CODE_NOT_FOUND = 13000309;
const CODE_LOCK_CONFLICT = 13000501;
export const CODE_INNER_FAILURE = 13000201;
export const CODE_BAD_REQUEST = 13000101;

// Frozen, so its JSON text is made once (see jsonHttpReply).
const SUCCESS: JsonReply = Object.freeze({ status: 200, body: Object.freeze({ code: 0, msg: 'success' }) });

export function success(data?: Readonly<Record<string, unknown>>): JsonReply {
  return data ? { status: 200, body: { code: 0, msg: 'success', data } } : SUCCESS;
}

export function koodriveError(status: number, code: number, msg: string): JsonReply {
  return { status, body: { code, msg } };
}

export function gatewayError(status: number, errorCode: string, errorMsg: string, requestId: string): JsonReply {
  return { status, body: { error_code: errorCode, error_msg: errorMsg, request_id: requestId } };
}

export function parameterInvalid(what: string): JsonReply {
  return koodriveError(400, CODE_PARAMETER_INVALID, `PARAMETER_INVALID: ${what}`);
}

export function xDateOutsideWindow(value: string, serverNow: Date, requestId: string): JsonReply {
  return gatewayError(
    401,
    'APIGW.0303',
    `Incorrect authentication information: X-Date ${value} is outside the accepted window (at most 15 minutes before server time and not after it); server time is ${xDateText(serverNow)}`,
    requestId,
  );
}

export function badToken(requestId: string): JsonReply {
  return gatewayError(
    401,
    'APIGW.0301',
    'Incorrect IAM authentication information: the bearer token is not valid (expired, revoked or mistyped)',
    requestId,
  );
}

export function unknownAppId(requestId: string): JsonReply {
  return gatewayError(
    401,
    'APIGW.0303',
    'Incorrect app authentication information: app not found (check AppId)',
    requestId,
  );
}

export function badSignature(requestId: string, canonicalRequestSha256: string, withStringToSign = false): JsonReply {
  const reply = gatewayError(
    401,
    'APIGW.0303',
    `Incorrect app authentication information: signature verification failed; the SHA-256 of the canonical request the server computed is ${canonicalRequestSha256} (compare it with yours: method, path with trailing "/", query, signed header values, body hash)`,
    requestId,
  );
  if (!withStringToSign) return reply;
  // The string to sign holds no secret: the algorithm and the canonical request's hash (appSignature.ts).
  return { ...reply, body: { ...reply.body, string_to_sign: `${APP_ALGORITHM}\n${canonicalRequestSha256}` } };
}

/** A bearer token is valid but belongs to another user than X-User-Id. */
export function wrongUser(userId: string, requestId: string): JsonReply {
  return gatewayError(
    401,
    'APIGW.0301',
    `Incorrect IAM authentication information: the token does not belong to X-User-Id ${userId}`,
    requestId,
  );
}

export function lockNotFound(lockId: string): JsonReply {
  return koodriveError(400, CODE_NOT_FOUND, `Resource not found: backup lock ${lockId} (unknown or expired)`);
}

export function recordNotFound(recordId: string): JsonReply {
  return koodriveError(400, CODE_NOT_FOUND, `Resource not found: backup record ${recordId.slice(0, 40)}`);
}

export function badCursor(): JsonReply {
  return parameterInvalid(
    'cursor is not a nextCursor this server gave for this listing (same user, module, device or record); list again without cursor',
  );
}

export function expiredCursor(ttlMs: number): JsonReply {
  return parameterInvalid(
    `cursor has expired (a nextCursor is valid for ${Math.round(ttlMs / 60_000)} minutes); list again without cursor`,
  );
}

export function lockConflict(moduleCode: string): JsonReply {
  return koodriveError(
    409,
    CODE_LOCK_CONFLICT,
    `Backup lock conflict: this user already holds an unexpired backup lock for module ${moduleCode}; release it or wait until it expires`,
  );
}

export function routeNotFound(method: string, path: string, requestId: string): JsonReply {
  return gatewayError(
    404,
    'APIGW.0101',
    `The API does not exist or has not been published in the environment: ${method} ${path.slice(0, 200)}`,
    requestId,
  );
}

export function bodyTooLarge(limitBytes: number, requestId: string): JsonReply {
  return gatewayError(413, 'APIGW.0201', `Request body too large: at most ${limitBytes} bytes are accepted`, requestId);
}

/** The gateway's throttling answer: 429 APIGW.0308 with Retry-After in seconds (docs/sandbox.md). */
export function throttled(rate: number, burst: number, retryAfterSeconds: number, requestId: string): JsonReply {
  return {
    ...gatewayError(
      429,
      'APIGW.0308',
      `The throttling threshold has been reached: this sandbox accepts ${rate} requests per second (bursts of ${burst}); retry after ${retryAfterSeconds} s`,
      requestId,
    ),
    headers: { 'Retry-After': String(retryAfterSeconds) },
  };
}
