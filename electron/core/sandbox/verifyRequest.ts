/**
 * Authentication as the real service does it (spec §4-§6): Authorization, X-User-Id and X-Date are
 * required; X-Date must lie in [now - 15 min, now] (whole seconds; 1 s ahead tolerated for rounding); the bearer token, or
 * the AppId and the HMAC-SHA256 signature recomputed from the request exactly as received, must match.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import { canonicalRequest, sha256Hex, signature, stringToSign } from '../koodrive/sign';
import { parseXDate, X_DATE_WINDOW_MS } from '../koodrive/xdate';
import { parseAuthorization } from './authorization';
import type { JsonReply } from './errorBodies';
import { badSignature, badToken, parameterInvalid, unknownAppId, wrongUser, xDateOutsideWindow } from './errorBodies';
import type { ReceivedHeaders } from './receivedHeaders';
import { queryPairs, splitUrl } from './receivedHeaders';
import type { SandboxCredentials } from './types';

export const FUTURE_TOLERANCE_MS = 1000;
const USER_ID = /^\d{1,32}$/;

export interface ReceivedRequestData {
  method: string;
  /** req.url as received: raw path and query. */
  rawUrl: string;
  headers: ReceivedHeaders;
  body: Uint8Array;
}

export type Verification =
  { ok: true; scheme: 'bearer' | 'app'; userId: string } | { ok: false; reply: JsonReply; outcome: string };

export function verifyRequest(
  request: ReceivedRequestData,
  credentials: SandboxCredentials,
  now: Date,
  requestId: string,
): Verification {
  const authorization = requiredHeader(request.headers, 'Authorization');
  if (!authorization.ok) return authorization;
  const userId = requiredHeader(request.headers, 'X-User-Id');
  if (!userId.ok) return userId;
  const xDate = requiredHeader(request.headers, 'X-Date');
  if (!xDate.ok) return xDate;
  if (!USER_ID.test(userId.value)) {
    return rejected(parameterInvalid('X-User-Id must be digits only (up to 32)'), 'rejected:parameter-invalid');
  }
  const signedAt = signedAtMs(xDate.value);
  if (signedAt === null) {
    return rejected(
      parameterInvalid(`X-Date must be UTC in the form yyyyMMdd'T'HHmmss'Z' (for example 20250115T083000Z)`),
      'rejected:parameter-invalid',
    );
  }
  const parsed = parseAuthorization(authorization.value);
  if (parsed.scheme === 'invalid') return rejected(parameterInvalid(parsed.problem), 'rejected:parameter-invalid');

  // X-Date has whole seconds, so the staleness check compares whole seconds too.
  const age = Math.floor(now.getTime() / 1000) * 1000 - signedAt;
  if (age > X_DATE_WINDOW_MS) {
    return rejected(xDateOutsideWindow(xDate.value, now, requestId), 'rejected:stale-x-date');
  }
  if (signedAt - now.getTime() > FUTURE_TOLERANCE_MS) {
    return rejected(xDateOutsideWindow(xDate.value, now, requestId), 'rejected:future-x-date');
  }

  if (parsed.scheme === 'bearer') {
    if (!sameSecret(parsed.token, credentials.token, credentials))
      return rejected(badToken(requestId), 'rejected:bad-token');
  } else {
    if (!sameSecret(parsed.appId, credentials.appId, credentials))
      return rejected(unknownAppId(requestId), 'rejected:bad-app-id');
    const check = checkSignature(request, parsed.signedHeaders, parsed.signature, credentials.appSecret, requestId);
    if (check) return check;
  }
  if (!sameSecret(userId.value, credentials.userId, credentials)) {
    return rejected(wrongUser(parsed.scheme, userId.value, requestId), 'rejected:wrong-user');
  }
  return { ok: true, scheme: parsed.scheme, userId: userId.value };
}

function checkSignature(
  request: ReceivedRequestData,
  signedHeaders: readonly string[],
  given: string,
  appSecret: string,
  requestId: string,
): Verification | null {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const header = request.headers.single(name);
    if (header.value === undefined) {
      return rejected(
        parameterInvalid(`signed header ${name} is missing from the request`),
        'rejected:parameter-invalid',
      );
    }
    if (header.repeated) {
      return rejected(parameterInvalid(`signed header ${name} is sent more than once`), 'rejected:parameter-invalid');
    }
    headers[name] = header.value;
  }
  const { path, query } = splitUrl(request.rawUrl);
  const pairs = queryPairs(query);
  if (!pairs)
    return rejected(parameterInvalid('the query string has broken percent-encoding'), 'rejected:parameter-invalid');
  const canonical = canonicalRequest({
    method: request.method,
    path,
    query: pairs,
    headers,
    signedHeaders,
    body: request.body,
  });
  const expected = signature(appSecret, stringToSign(canonical));
  if (!timingSafeEqual(Buffer.from(expected, 'utf8'), Buffer.from(given, 'utf8'))) {
    return rejected(badSignature(requestId, sha256Hex(canonical)), 'rejected:bad-signature');
  }
  return null;
}

type HeaderCheck = { ok: true; value: string } | { ok: false; reply: JsonReply; outcome: string };

export function requiredHeader(headers: ReceivedHeaders, name: string): HeaderCheck {
  const header = headers.single(name);
  if (header.value === undefined)
    return rejected(parameterInvalid(`missing header ${name}`), 'rejected:parameter-invalid');
  if (header.repeated) {
    return rejected(parameterInvalid(`header ${name} is sent more than once`), 'rejected:parameter-invalid');
  }
  if (header.value.length === 0)
    return rejected(parameterInvalid(`header ${name} is empty`), 'rejected:parameter-invalid');
  return { ok: true, value: header.value };
}

let lastXDate = '';
let lastSignedAtMs: number | null = null;

/** parseXDate in milliseconds; requests signed in the same second repeat the text, so the last one is kept. */
function signedAtMs(text: string): number | null {
  if (text !== lastXDate) {
    lastSignedAtMs = parseXDate(text)?.getTime() ?? null;
    lastXDate = text;
  }
  return lastSignedAtMs;
}

/** Constant-time comparison that does not reveal the length of the expected value. */
function sameSecret(given: string, expected: string, credentials: SandboxCredentials): boolean {
  return timingSafeEqual(hash('sha256', given, 'buffer'), expectedDigest(credentials, expected));
}

/** SHA-256 of the sandbox's own credential values, kept while their credentials object lives. */
const expectedDigests = new WeakMap<SandboxCredentials, Map<string, Buffer>>();
const EXPECTED_DIGESTS_LIMIT = 8;

function expectedDigest(credentials: SandboxCredentials, expected: string): Buffer {
  let digests = expectedDigests.get(credentials);
  if (!digests) {
    digests = new Map();
    expectedDigests.set(credentials, digests);
  }
  let digest = digests.get(expected);
  if (!digest) {
    if (digests.size >= EXPECTED_DIGESTS_LIMIT) digests.clear();
    digest = hash('sha256', expected, 'buffer');
    digests.set(expected, digest);
  }
  return digest;
}

function rejected(reply: JsonReply, outcome: string): { ok: false; reply: JsonReply; outcome: string } {
  return { ok: false, reply, outcome };
}
