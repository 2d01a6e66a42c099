/**
 * KooDrive app-based authentication (HMAC-SHA256), spec §6. Pure functions: the caller supplies
 * every input, including X-Date, so the vectors of spec §8 reproduce exactly.
 */
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'HMAC-SHA256';
export const DEFAULT_SIGNED_HEADERS = ['host', 'x-date', 'x-user-id'] as const;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ as %XY, upper-case hex. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Absolute path, dot segments removed, each segment encoded, with a trailing `/` appended. */
export function canonicalUri(path: string): string {
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

export function signedHeaderNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.toLowerCase()))].sort();
}

export function canonicalRequest(input: CanonicalInput): string {
  const lower = new Map(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const names = signedHeaderNames(input.signedHeaders);
  const headerBlock = names.map((name) => `${name}:${(lower.get(name) ?? '').trim()}\n`).join('');
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQueryString(input.query),
    headerBlock,
    names.join(';'),
    sha256Hex(input.body),
  ].join('\n');
}

export function stringToSign(canonical: string): string {
  return `${ALGORITHM}\n${sha256Hex(canonical)}`;
}

export function signature(appSecret: string, toSign: string): string {
  return createHmac('sha256', Buffer.from(appSecret, 'utf8')).update(toSign, 'utf8').digest('hex');
}

export function authorizationHeader(appId: string, signedNames: readonly string[], sig: string): string {
  return `${ALGORITHM} AppId=${appId},SignedHeaders=${signedHeaderNames(signedNames).join(';')},Signature=${sig}`;
}

export interface AppSignature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

export function signAppRequest(input: CanonicalInput & { appId: string; appSecret: string }): AppSignature {
  const canonical = canonicalRequest(input);
  const toSign = stringToSign(canonical);
  const sig = signature(input.appSecret, toSign);
  return {
    canonicalRequest: canonical,
    stringToSign: toSign,
    signature: sig,
    authorization: authorizationHeader(input.appId, input.signedHeaders, sig),
  };
}
