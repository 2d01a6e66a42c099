/**
 * KooDrive app-based authentication (HMAC-SHA256): docs/koodrive-protocol.md#app-authentication-hmac-sha256.
 * Pure functions: the caller supplies every input, including X-Date, so the vectors of
 * docs/koodrive-protocol.md#test-vectors reproduce exactly.
 */
import { createHmac, hash } from 'node:crypto';

export const ALGORITHM = 'HMAC-SHA256';
export const DEFAULT_SIGNED_HEADERS = ['host', 'x-date', 'x-user-id'] as const;

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;
const CACHE_LIMIT = 64;
const MEMO_KEY_LIMIT = 512;

/** One-shot crypto.hash (Node 20.12+): no Hash object per call. */
export function sha256Hex(data: string | Uint8Array): string {
  if (data.length === 0) return EMPTY_SHA256;
  return hash('sha256', data, 'hex');
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ as %XY, upper-case hex. */
export function percentEncode(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Small memo for pure string functions whose inputs repeat (one API path, one signed-header set). */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (key.length > MEMO_KEY_LIMIT) return compute(key);
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}

const canonicalUriOf = memo((path: string): string => {
  const out: string[] = [];
  for (const segment of path.split('/').slice(1)) {
    if (segment === '.') continue;
    if (segment === '..') {
      out.pop();
      continue;
    }
    out.push(percentEncode(safeDecode(segment)));
  }
  const joined = `/${out.join('/')}`;
  return joined.endsWith('/') ? joined : `${joined}/`;
});

/** Absolute path, dot segments removed, each segment encoded, with a trailing `/` appended. */
export function canonicalUri(path: string): string {
  return canonicalUriOf(path);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export type QueryPairs = ReadonlyArray<readonly [string, string]>;

export function canonicalQueryString(pairs: QueryPairs): string {
  if (pairs.length === 0) return '';
  return pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export interface CanonicalInput {
  method: string;
  path: string;
  query: QueryPairs;
  /** All request headers; names in any case. */
  headers: Readonly<Record<string, string>>;
  /** Names of the headers to sign (any case). */
  signedHeaders: readonly string[];
  body: string | Uint8Array;
}

function lowerSortedUnique(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))].sort();
}

// Keyed by the names joined with a newline, which no valid header name contains (others skip the memo).
const memoNames = memo((key: string): readonly string[] => Object.freeze(lowerSortedUnique(key.split('\n'))));

const DEFAULT_NAMES: readonly string[] = Object.freeze(lowerSortedUnique(DEFAULT_SIGNED_HEADERS));

function namesFor(names: readonly string[]): readonly string[] {
  if (names === DEFAULT_SIGNED_HEADERS) return DEFAULT_NAMES;
  if (names.length === 0) return [];
  return names.some((n) => n.includes('\n')) ? lowerSortedUnique(names) : memoNames(names.join('\n'));
}

export function signedHeaderNames(names: readonly string[]): string[] {
  return [...namesFor(names)];
}

/** The value of each wanted (lower-case) header name, found in one pass over the headers. */
function headerValues(headers: Readonly<Record<string, string>>, names: readonly string[]): string[] {
  const values = new Array<string>(names.length).fill('');
  for (const key in headers) {
    if (!Object.hasOwn(headers, key)) continue;
    const index = names.indexOf(key.toLowerCase());
    // Like a Map built in key order: a later key differing only in case wins.
    if (index !== -1) values[index] = headers[key];
  }
  return values;
}

function canonicalWith(input: CanonicalInput, names: readonly string[]): string {
  const values = headerValues(input.headers, names);
  let headerBlock = '';
  for (let i = 0; i < names.length; i += 1) headerBlock += `${names[i]}:${(values[i] ?? '').trim()}\n`;
  return (
    `${input.method.toUpperCase()}\n${canonicalUri(input.path)}\n${canonicalQueryString(input.query)}\n` +
    `${headerBlock}\n${names.join(';')}\n${sha256Hex(input.body)}`
  );
}

export function canonicalRequest(input: CanonicalInput): string {
  return canonicalWith(input, namesFor(input.signedHeaders));
}

export function stringToSign(canonical: string): string {
  return `${ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function signature(appSecret: string, toSign: string): string {
  return createHmac('sha256', appSecret).update(toSign, 'utf8').digest('hex');
}

function authorizationWith(appId: string, names: readonly string[], sig: string): string {
  return `${ALGORITHM} AppId=${appId},SignedHeaders=${names.join(';')},Signature=${sig}`;
}

export function authorizationHeader(appId: string, signedNames: readonly string[], sig: string): string {
  return authorizationWith(appId, namesFor(signedNames), sig);
}

export interface AppSignature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

export function signAppRequest(input: CanonicalInput & { appId: string; appSecret: string }): AppSignature {
  const names = namesFor(input.signedHeaders);
  const canonical = canonicalWith(input, names);
  const toSign = stringToSign(canonical);
  const sig = signature(input.appSecret, toSign);
  return {
    canonicalRequest: canonical,
    stringToSign: toSign,
    signature: sig,
    authorization: authorizationWith(input.appId, names, sig),
  };
}
