/**
 * Authentication as the real service does it (docs/koodrive-protocol.md#headers,
 * #bearer-authentication, #app-authentication-hmac-sha256): Authorization, X-User-Id and X-Date are
 * required; X-Date must lie in [now - 15 min, now] (whole seconds; 1 s ahead tolerated for rounding); the bearer token
 * and its user, or the AppId and the HMAC-SHA256 signature recomputed from the request exactly as received, must match.
 */
import { appSignature, appStringToSign, canonicalRequestOf, sha256Hex } from './appSignature';
import { parseAuthorization } from './authorization';
import { sameText } from './constantTime';
import type { JsonReply } from './errorBodies';
import { badSignature, badToken, parameterInvalid, unknownAppId, wrongUser, xDateOutsideWindow } from './errorBodies';
import type { ReceivedHeaders } from './receivedHeaders';
import { queryPairs, splitUrl } from './receivedHeaders';
import type { SandboxCredentials } from './types';
import { parseXDateMs, X_DATE_WINDOW_MS } from './xDate';

const FUTURE_TOLERANCE_MS = 1000;
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
  answer: { signatureDetail: boolean } = { signatureDetail: false },
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
    if (!sameText(parsed.token, credentials.token)) return rejected(badToken(requestId), 'rejected:bad-token');
    // A token belongs to one user; an app acts for any user of the tenant (docs/sandbox.md).
    if (!sameText(userId.value, credentials.userId)) {
      return rejected(wrongUser(userId.value, requestId), 'rejected:wrong-user');
    }
  } else {
    if (!sameText(parsed.appId, credentials.appId)) return rejected(unknownAppId(requestId), 'rejected:bad-app-id');
    const check = checkSignature(request, parsed, credentials, requestId, answer.signatureDetail);
    if (check) return check;
  }
  return { ok: true, scheme: parsed.scheme, userId: userId.value };
}

function checkSignature(
  request: ReceivedRequestData,
  { signedHeaders, signature: given }: { signedHeaders: readonly string[]; signature: string },
  credentials: SandboxCredentials,
  requestId: string,
  signatureDetail: boolean,
): Verification | null {
  const values: string[] = [];
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
    values.push(header.value);
  }
  // The signature is a function of the canonical request, which these parts determine; requests
  // signed in the same second for the same path repeat them, so recent ones are remembered.
  const parts: SignedParts | null =
    request.body.length === 0 ? { method: request.method, rawUrl: request.rawUrl, signedHeaders, values } : null;
  let expected = parts === null ? undefined : knownSignature(credentials, parts);
  if (expected === undefined) {
    const canonical = canonicalOf(request, signedHeaders, values);
    if (canonical === null) {
      return rejected(
        parameterInvalid('the path or query string has broken percent-encoding'),
        'rejected:parameter-invalid',
      );
    }
    expected = appSignature(credentials.appSecret, appStringToSign(canonical));
    if (parts !== null) rememberSignature(credentials, parts, expected);
  }
  if (!sameText(given, expected)) {
    const canonical = canonicalOf(request, signedHeaders, values) ?? '';
    return rejected(badSignature(requestId, sha256Hex(canonical), signatureDetail), 'rejected:bad-signature');
  }
  return null;
}

/** The canonical request exactly as received; null when the path or query cannot be decoded. */
function canonicalOf(
  request: ReceivedRequestData,
  signedHeaders: readonly string[],
  values: readonly string[],
): string | null {
  const { path, query } = splitUrl(request.rawUrl);
  const pairs = queryPairs(query);
  if (!pairs) return null;
  const signed = signedHeaders.map((name, i) => [name, values[i]] as const);
  return canonicalRequestOf({ method: request.method, rawPath: path, query: pairs, signed, body: request.body });
}

/** What the canonical request of a request without a body is made of. */
interface SignedParts {
  method: string;
  rawUrl: string;
  /** The parsed SignedHeaders (one array per distinct value while authorization.ts keeps it). */
  signedHeaders: readonly string[];
  values: readonly string[];
}

interface KnownSignatures {
  appSecret: string;
  entries: Array<{ parts: SignedParts; signature: string }>;
}

/** The expected signatures of the last few distinct bodiless requests, per credentials object. */
const signatures = new WeakMap<SandboxCredentials, KnownSignatures>();
const SIGNATURES_KEPT = 8;

function knownSignature(credentials: SandboxCredentials, parts: SignedParts): string | undefined {
  const known = signatures.get(credentials);
  if (!known || known.appSecret !== credentials.appSecret) return undefined;
  for (const entry of known.entries) if (sameParts(entry.parts, parts)) return entry.signature;
  return undefined;
}

function rememberSignature(credentials: SandboxCredentials, parts: SignedParts, signature: string): void {
  let known = signatures.get(credentials);
  if (!known || known.appSecret !== credentials.appSecret) {
    known = { appSecret: credentials.appSecret, entries: [] };
    signatures.set(credentials, known);
  }
  if (known.entries.length >= SIGNATURES_KEPT) known.entries.pop();
  known.entries.unshift({ parts, signature });
}

function sameParts(a: SignedParts, b: SignedParts): boolean {
  if (a.method !== b.method || a.rawUrl !== b.rawUrl || a.signedHeaders !== b.signedHeaders) return false;
  for (let i = 0; i < a.values.length; i += 1) if (a.values[i] !== b.values[i]) return false;
  return true;
}

type HeaderCheck = { ok: true; value: string } | { ok: false; reply: JsonReply; outcome: string };

function requiredHeader(headers: ReceivedHeaders, name: string): HeaderCheck {
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

/** parseXDateMs; requests signed in the same second repeat the text, so the last one is kept. */
function signedAtMs(text: string): number | null {
  if (text !== lastXDate) {
    lastSignedAtMs = parseXDateMs(text);
    lastXDate = text;
  }
  return lastSignedAtMs;
}

function rejected(reply: JsonReply, outcome: string): { ok: false; reply: JsonReply; outcome: string } {
  return { ok: false, reply, outcome };
}
