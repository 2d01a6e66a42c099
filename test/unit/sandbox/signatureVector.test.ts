// Known answers: the sandbox's own signature code (electron/sandbox/appSignature.ts, not the client's
// electron/core/koodrive/sign.ts) reproduces the published test vectors A, B and C
// (docs/koodrive-protocol.md#test-vectors) to the byte, and its verifier accepts each vector's request as
// sent and refuses it with any one byte changed, or signed by the debug variants' other rules.
import { describe, expect, it } from 'vitest';
import { appSignature, appStringToSign, canonicalRequestOf, sha256Hex } from '../../../electron/sandbox/appSignature';
import { ReceivedHeaders } from '../../../electron/sandbox/receivedHeaders';
import type { SandboxCredentials } from '../../../electron/sandbox/types';
import { verifyRequest } from '../../../electron/sandbox/verifyRequest';

const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
const APP_SECRET = 'kd-test-secret-2f7c9e1a4b6d8f0c';
const HOST = 'intl.myhuaweicloud-koodrive.com';
const X_DATE = '20250115T083000Z';
const USER_ID = '1234567890123456789';
const LOCK_ID = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SIGNED = 'host;x-date;x-user-id';

interface Vector {
  name: string;
  method: string;
  /** The request line's target, as sent (vector C's query unsorted). */
  rawUrl: string;
  body: string;
  extraHeaders: string[];
  signedHeaders: string;
  canonical: string;
  canonicalSha256: string;
  signature: string;
}

const LOCK_HEADERS = `host:${HOST}\nx-date:${X_DATE}\nx-user-id:${USER_ID}\n`;

const VECTORS: Vector[] = [
  {
    name: 'A: DELETE lock, no body',
    method: 'DELETE',
    rawUrl: '/koodrive/ose/v1/backup/lock',
    body: '',
    extraHeaders: ['x-backup-lock-id', LOCK_ID],
    signedHeaders: SIGNED,
    canonical: `DELETE\n/koodrive/ose/v1/backup/lock/\n\n${LOCK_HEADERS}\n${SIGNED}\n${EMPTY_SHA256}`,
    canonicalSha256: 'd7cc93fe9798d667c88d3f1df5d3f28a59da42284de56c07e89a7278afb307cf',
    signature: '7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990',
  },
  {
    name: 'A3: vector A also signing x-backup-lock-id',
    method: 'DELETE',
    rawUrl: '/koodrive/ose/v1/backup/lock',
    body: '',
    extraHeaders: ['x-backup-lock-id', LOCK_ID],
    signedHeaders: 'host;x-backup-lock-id;x-date;x-user-id',
    canonical:
      `DELETE\n/koodrive/ose/v1/backup/lock/\n\nhost:${HOST}\nx-backup-lock-id:${LOCK_ID}\nx-date:${X_DATE}\n` +
      `x-user-id:${USER_ID}\n\nhost;x-backup-lock-id;x-date;x-user-id\n${EMPTY_SHA256}`,
    canonicalSha256: '64a1a6954eb2a0ee1ade1d40b64590696e35dbace4525fcd29759cc2e2d37084',
    signature: '9862d77d0f9e724bd554ba80944cd72b3839df7d0c2672e1682bf89493866b8b',
  },
  {
    name: 'B: POST lock with a JSON body',
    method: 'POST',
    rawUrl: '/koodrive/ose/v1/backup/lock',
    body: '{"moduleCode":"102"}',
    extraHeaders: ['Content-Type', 'application/json'],
    signedHeaders: SIGNED,
    canonical:
      `POST\n/koodrive/ose/v1/backup/lock/\n\n${LOCK_HEADERS}\n${SIGNED}\n` +
      '134be0b02487a71a3500523797fd6c313cf893d7a8714c0eb362f6e3dc0defc0',
    canonicalSha256: '42f48ffb151c0a257b306b8868608e1fa6b8f2335296b2d8363b62410e8891bb',
    signature: '6185a88ccf911f912021d1360f37f1b13d709c16517e30c5a003e611558b0cc4',
  },
  {
    name: 'C: GET record list with a query',
    method: 'GET',
    rawUrl: '/koodrive/ose/v1/backup/record?pageSize=10&moduleCode=102',
    body: '',
    extraHeaders: [],
    signedHeaders: SIGNED,
    canonical: `GET\n/koodrive/ose/v1/backup/record/\nmoduleCode=102&pageSize=10\n${LOCK_HEADERS}\n${SIGNED}\n${EMPTY_SHA256}`,
    canonicalSha256: '50f8670e23c786b06a0f81e27d645ac28e4d8ff15a5982b65c0696f1b3301443',
    signature: '43ba94ce62c6c04cbbf3fd7b681eddaa05f1315e84db1a3a7436e155c68a0122',
  },
];

// The sandbox's own user is not the vectors': an app may act for any user.
const CREDENTIALS: SandboxCredentials = {
  userId: '1505084218764547200',
  token: 't',
  appId: APP_ID,
  appSecret: APP_SECRET,
};
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 31, 0));

function authorization(signedHeaders: string, signature: string): string {
  return `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

function rawHeaders(vector: Vector, signature = vector.signature): string[] {
  return [
    'Host',
    HOST,
    'X-Date',
    X_DATE,
    'X-User-Id',
    USER_ID,
    ...vector.extraHeaders,
    'Authorization',
    authorization(vector.signedHeaders, signature),
  ];
}

function verify(vector: Vector, raw = rawHeaders(vector), method = vector.method) {
  const body = Buffer.from(vector.body, 'utf8');
  return verifyRequest(
    { method, rawUrl: vector.rawUrl, headers: new ReceivedHeaders(raw), body },
    CREDENTIALS,
    NOW,
    'r',
  );
}

/** `raw` with one byte of one header value changed. */
function withByteChanged(raw: string[], name: string, index: number): string[] {
  const copy = [...raw];
  const at = copy.indexOf(name) + 1;
  const value = copy[at];
  const changed = value[index] === '0' ? '1' : '0';
  copy[at] = value.slice(0, index) + changed + value.slice(index + 1);
  return copy;
}

function canonicalOf(vector: Vector): string | null {
  const [rawPath, query = ''] = vector.rawUrl.split('?');
  const names = vector.signedHeaders.split(';');
  const values: Record<string, string> = {
    host: HOST,
    'x-date': X_DATE,
    'x-user-id': USER_ID,
    'x-backup-lock-id': LOCK_ID,
  };
  return canonicalRequestOf({
    method: vector.method,
    rawPath,
    query: query === '' ? [] : query.split('&').map((pair) => pair.split('=') as [string, string]),
    // In the order received, not sorted: the canonical form sorts them.
    signed: names.reverse().map((name) => [name, values[name]] as const),
    body: Buffer.from(vector.body, 'utf8'),
  });
}

describe('sandbox signature code: known answers (test vectors)', () => {
  it.each(VECTORS)('$name: canonical request, its SHA-256 and the signature, to the byte', (vector) => {
    const canonical = canonicalOf(vector);
    expect(canonical).toBe(vector.canonical);
    expect(sha256Hex(vector.canonical)).toBe(vector.canonicalSha256);
    expect(appStringToSign(vector.canonical)).toBe(`HMAC-SHA256\n${vector.canonicalSha256}`);
    expect(appSignature(APP_SECRET, appStringToSign(vector.canonical))).toBe(vector.signature);
  });

  it("vector D: reproduces Huawei APIG's published example (same canonicalisation and HMAC key handling)", () => {
    const canonical = canonicalRequestOf({
      method: 'GET',
      rawPath: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
      query: [
        ['marker', '13551d6b-755d-4757-b956-536f674975c0'],
        ['limit', '2'],
      ],
      signed: [
        ['x-sdk-date', '20191115T033655Z'],
        ['host', 'service.region.example.com'],
        ['content-type', 'application/json'],
      ],
      body: new Uint8Array(0),
    });
    expect(sha256Hex(canonical ?? '')).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    const apigStringToSign = `SDK-HMAC-SHA256\n20191115T033655Z\n${sha256Hex(canonical ?? '')}`;
    expect(appSignature('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', apigStringToSign)).toBe(
      '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  it('encodes as the canonical form asks: UTF-8, upper-case hex, space as %20, unreserved kept', () => {
    const canonical = canonicalRequestOf({
      method: 'get',
      rawPath: '/a%20b/./c/../d',
      query: [
        ['b', 'x y+z/é'],
        ['B', ''],
        ['a~', '-_.'],
      ],
      signed: [['host', '  h  ']],
      body: new Uint8Array(0),
    });
    expect(canonical).toBe(`GET\n/a%20b/d/\nB=&a~=-_.&b=x%20y%2Bz%2F%C3%A9\nhost:h\n\nhost\n${EMPTY_SHA256}`);
    expect(
      canonicalRequestOf({ method: 'GET', rawPath: '/a%ZZ', query: [], signed: [], body: new Uint8Array(0) }),
    ).toBeNull();
  });
});

describe('sandbox verifier: known answers (test vectors)', () => {
  it.each(VECTORS)('accepts $name as published', (vector) => {
    expect(verify(vector)).toEqual({ ok: true, scheme: 'app', userId: USER_ID });
  });

  const [vectorA] = VECTORS;

  it.each([
    ['the signature', 'Authorization', authorization(SIGNED, vectorA.signature).length - 1],
    ['X-Date (still inside the window)', 'X-Date', 14],
    ['X-User-Id', 'X-User-Id', 18],
    ['Host', 'Host', 0],
  ])('rejects vector A with one byte of %s changed', (_what, name, index) => {
    const result = verify(vectorA, withByteChanged(rawHeaders(vectorA), name, index));
    expect(result).toMatchObject({ ok: false, outcome: 'rejected:bad-signature' });
  });

  it('rejects vector A sent as another method, and vector C with another query', () => {
    expect(verify(vectorA, rawHeaders(vectorA), 'PATCH')).toMatchObject({ outcome: 'rejected:bad-signature' });
    const vectorC = VECTORS[3];
    const otherQuery = { ...vectorC, rawUrl: '/koodrive/ose/v1/backup/record?pageSize=11&moduleCode=102' };
    expect(verify(otherQuery, rawHeaders(vectorC))).toMatchObject({ outcome: 'rejected:bad-signature' });
  });

  it.each([
    ['A2 (no "/" appended to the canonical URI)', 'eaacfb61ea2d7f9b685530103d4082f1b1b9a2ff2d5557b6d4a609516b5c8b34'],
    ['A4 (a 3-line string to sign with the date)', '2770f354246849e7f8d124933d46c14893bb08af6320c923c97b8d0904243626'],
  ])('rejects the signature of debug variant %s', (_variant, signature) => {
    const result = verify(vectorA, rawHeaders(vectorA, signature));
    expect(result).toMatchObject({ ok: false, outcome: 'rejected:bad-signature' });
    if (!result.ok) expect(JSON.stringify(result.reply.body)).toContain(vectorA.canonicalSha256);
  });
});
