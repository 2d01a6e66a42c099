/**
 * The HMAC-SHA256 app signature recomputed by the server from a request as received, written from
 * docs/koodrive-protocol.md#app-authentication-hmac-sha256 apart from the client's signing code, so
 * that a mistake in one is not repeated by the other (the spec's vectors test it:
 * docs/koodrive-protocol.md#test-vectors).
 */
import { createHmac, hash } from 'node:crypto';

export const APP_ALGORITHM = 'HMAC-SHA256';

export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XY (upper-case hex). */
const UNRESERVED_BYTE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') {
  UNRESERVED_BYTE[c.charCodeAt(0)] = 1;
}
const ALL_UNRESERVED = /^[A-Za-z0-9._~-]*$/;

function uriEncode(text: string): string {
  if (ALL_UNRESERVED.test(text)) return text;
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    out += UNRESERVED_BYTE[byte] ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The path with `.` and `..` segments resolved, each segment decoded then encoded again, and a `/`
 * appended unless it ends in one; null when a segment's percent-encoding is broken.
 */
function canonicalUri(rawPath: string): string | null {
  const kept: string[] = [];
  const segments = rawPath.split('/');
  for (let i = 1; i < segments.length; i += 1) {
    const segment = segments[i];
    if (segment === '.') continue;
    if (segment === '..') {
      kept.pop();
      continue;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    kept.push(uriEncode(decoded));
  }
  const uri = `/${kept.join('/')}`;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Decoded pairs, each encoded again, sorted by name (then value) in character-code order, joined by `&`. */
function canonicalQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  const encoded = pairs.map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`);
  const nameOf = (pair: string) => pair.slice(0, pair.indexOf('='));
  return encoded
    .sort((a, b) => {
      const byName = compareCodes(nameOf(a), nameOf(b));
      return byName !== 0 ? byName : compareCodes(a, b);
    })
    .join('&');
}

function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export interface ReceivedForSigning {
  method: string;
  /** The path from the request line, as sent. */
  rawPath: string;
  /** The query pairs from the request line, decoded. */
  query: ReadonlyArray<readonly [string, string]>;
  /** Each signed header's lower-case name and its value as received. */
  signed: ReadonlyArray<readonly [string, string]>;
  body: Uint8Array;
}

/**
 * Method, canonical URI, canonical query, one `name:value` line per signed header (sorted by name,
 * value trimmed), a blank line, the names joined by `;`, and the body's SHA-256; null when the
 * path's percent-encoding is broken.
 */
export function canonicalRequestOf(request: ReceivedForSigning): string | null {
  const uri = canonicalUri(request.rawPath);
  if (uri === null) return null;
  const signed = [...request.signed].sort(([a], [b]) => compareCodes(a, b));
  const headerLines = signed.map(([name, value]) => `${name}:${value.trim()}\n`).join('');
  const names = signed.map(([name]) => name).join(';');
  return [
    request.method.toUpperCase(),
    uri,
    canonicalQuery(request.query),
    headerLines,
    names,
    sha256Hex(request.body),
  ].join('\n');
}

/** Two lines: the algorithm, and the canonical request's SHA-256 (no time line). */
export function appStringToSign(canonicalRequest: string): string {
  return `${APP_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** HMAC-SHA256 keyed with the AppSecret's UTF-8 bytes, lower-case hex. */
export function appSignature(appSecret: string, stringToSign: string): string {
  return createHmac('sha256', Buffer.from(appSecret, 'utf8')).update(stringToSign, 'utf8').digest('hex');
}
