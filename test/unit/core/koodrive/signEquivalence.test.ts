import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CanonicalInput,
  type QueryPairs,
  authorizationHeader,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  percentEncode,
  sha256Hex,
  signAppRequest,
  signedHeaderNames,
} from '../../../../electron/core/koodrive/sign';

// sign.ts is written for speed (one-shot hashing, memoised path and header-name work). This is the
// straightforward implementation it replaced, kept as the reference every input must agree with.
const reference = {
  sha256Hex: (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex'),
  percentEncode: (text: string) =>
    encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  canonicalUri(path: string): string {
    const out: string[] = [];
    for (const segment of path.split('/').slice(1)) {
      if (segment === '.') continue;
      if (segment === '..') {
        out.pop();
        continue;
      }
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // kept as is
      }
      out.push(reference.percentEncode(decoded));
    }
    const joined = `/${out.join('/')}`;
    return joined.endsWith('/') ? joined : `${joined}/`;
  },
  canonicalQueryString: (pairs: QueryPairs) =>
    pairs
      .map(([name, value]) => [reference.percentEncode(name), reference.percentEncode(value)] as const)
      .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join('&'),
  signedHeaderNames: (names: readonly string[]) => [...new Set(names.map((n) => n.toLowerCase()))].sort(),
  canonicalRequest(input: CanonicalInput): string {
    const lower = new Map(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const names = reference.signedHeaderNames(input.signedHeaders);
    const headerBlock = names.map((name) => `${name}:${(lower.get(name) ?? '').trim()}\n`).join('');
    return [
      input.method.toUpperCase(),
      reference.canonicalUri(input.path),
      reference.canonicalQueryString(input.query),
      headerBlock,
      names.join(';'),
      reference.sha256Hex(input.body),
    ].join('\n');
  },
  signature: (secret: string, toSign: string) =>
    createHmac('sha256', Buffer.from(secret, 'utf8')).update(toSign, 'utf8').digest('hex'),
};

/** The outcome of a call, so that "both throw" also counts as agreement. */
function outcome<T>(call: () => T): { value: T } | { threw: string } {
  try {
    return { value: call() };
  } catch (error) {
    return { threw: error instanceof Error ? error.name : 'unknown' };
  }
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', ' ', '.', '..', '%', '%2F', '%zz', 'a b', "!'()*", '\n', 'é', '\ud800'),
);
const headerName = fc.oneof(
  fc.constantFrom('host', 'Host', 'HOST', 'x-date', 'X-Date', 'x-user-id', 'X-User-Id', 'x-backup-lock-id', 'a\nb'),
  fc.string({ maxLength: 6 }),
);
const path = fc.array(text, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
const input = fc.record({
  method: fc.constantFrom('DELETE', 'post', 'Get', 'PATCH'),
  path,
  query: fc.array(fc.tuple(text, text), { maxLength: 4 }),
  headers: fc.dictionary(headerName, text, { maxKeys: 6 }),
  signedHeaders: fc.array(headerName, { maxLength: 5 }),
  body: fc.oneof(text, fc.uint8Array({ maxLength: 16 })),
});

describe('sign.ts agrees with the reference implementation', () => {
  it('hashes, encodes and canonicalises every input the same way (or fails the same way)', () => {
    fc.assert(
      fc.property(input, (given) => {
        expect(outcome(() => canonicalRequest(given))).toEqual(outcome(() => reference.canonicalRequest(given)));
        expect(outcome(() => canonicalUri(given.path))).toEqual(outcome(() => reference.canonicalUri(given.path)));
        // Asked twice: a memoised answer must equal a fresh one.
        expect(outcome(() => canonicalUri(given.path))).toEqual(outcome(() => reference.canonicalUri(given.path)));
        expect(outcome(() => canonicalQueryString(given.query))).toEqual(
          outcome(() => reference.canonicalQueryString(given.query)),
        );
        expect(signedHeaderNames(given.signedHeaders)).toEqual(reference.signedHeaderNames(given.signedHeaders));
        expect(sha256Hex(given.body)).toBe(reference.sha256Hex(given.body));
      }),
      { numRuns: 400 },
    );
  });

  it('signs every input the same way', () => {
    fc.assert(
      fc.property(input, fc.string({ minLength: 1, maxLength: 40 }), (given, appSecret) => {
        const canonical = outcome(() => reference.canonicalRequest(given));
        fc.pre('value' in canonical);
        const signed = signAppRequest({ ...given, appId: 'app-1', appSecret });
        const toSign = `HMAC-SHA256\n${reference.sha256Hex(signed.canonicalRequest)}`;
        expect(signed.canonicalRequest).toBe(canonical.value);
        expect(signed.stringToSign).toBe(toSign);
        expect(signed.signature).toBe(reference.signature(appSecret, toSign));
        expect(signed.authorization).toBe(
          `HMAC-SHA256 AppId=app-1,SignedHeaders=${reference.signedHeaderNames(given.signedHeaders).join(';')},Signature=${signed.signature}`,
        );
        expect(authorizationHeader('app-1', given.signedHeaders, signed.signature)).toBe(signed.authorization);
      }),
      { numRuns: 200 },
    );
  });

  it("percent-encodes like encodeURIComponent plus !'()*, and rejects lone surrogates the same way", () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(outcome(() => percentEncode(value))).toEqual(outcome(() => reference.percentEncode(value)));
      }),
    );
  });

  it('returns a fresh, mutable array of signed header names on every call', () => {
    const first = signedHeaderNames(['X-Date', 'host']);
    first.push('changed');
    expect(signedHeaderNames(['X-Date', 'host'])).toEqual(['host', 'x-date']);
  });
});
