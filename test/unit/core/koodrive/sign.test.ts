import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  canonicalUri,
  sha256Hex,
  signAppRequest,
  signature,
  stringToSign,
} from '../../../../electron/core/koodrive/sign';

// docs/koodrive-protocol.md#test-vectors: made-up credentials, not real ones.
const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
const APP_SECRET = 'kd-test-secret-2f7c9e1a4b6d8f0c';
const HEADERS = {
  Host: 'intl.myhuaweicloud-koodrive.com',
  'X-Date': '20250115T083000Z',
  'X-User-Id': '1234567890123456789',
  'x-backup-lock-id': '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
};
const DEFAULT_SIGNED = ['host', 'x-date', 'x-user-id'];
const LOCK_PATH = '/koodrive/ose/v1/backup/lock';
const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const vectorA = {
  method: 'DELETE',
  path: LOCK_PATH,
  query: [],
  headers: HEADERS,
  signedHeaders: DEFAULT_SIGNED,
  body: '',
  appId: APP_ID,
  appSecret: APP_SECRET,
};
const SIGNATURE_A = '7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990';
const HASH_A = 'd7cc93fe9798d667c88d3f1df5d3f28a59da42284de56c07e89a7278afb307cf';

describe('test vector A (DELETE lock)', () => {
  const signed = signAppRequest(vectorA);

  it('builds the exact canonical request', () => {
    expect(signed.canonicalRequest).toBe(
      'DELETE\n/koodrive/ose/v1/backup/lock/\n\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20250115T083000Z\nx-user-id:1234567890123456789\n\nhost;x-date;x-user-id\n' +
        EMPTY_HASH,
    );
    expect(signed.canonicalRequest.split('\n')).toHaveLength(9);
  });

  it('hashes, signs and formats the header exactly', () => {
    expect(sha256Hex('')).toBe(EMPTY_HASH);
    expect(sha256Hex(signed.canonicalRequest)).toBe(HASH_A);
    expect(signed.stringToSign).toBe(`HMAC-SHA256\n${HASH_A}`);
    expect(signed.signature).toBe(SIGNATURE_A);
    expect(signed.authorization).toBe(
      `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=${SIGNATURE_A}`,
    );
  });

  it('is independent of header-name case and signed-header order', () => {
    const shuffled = signAppRequest({ ...vectorA, signedHeaders: ['X-User-Id', 'HOST', 'x-date'] });
    expect(shuffled.signature).toBe(SIGNATURE_A);
  });
});

describe('debug variants of test vector A', () => {
  const canonicalA = canonicalRequest(vectorA);

  it('A2: canonical URI without the appended slash', () => {
    const canonical = canonicalA.replace(`${LOCK_PATH}/\n`, `${LOCK_PATH}\n`);
    expect(canonical).not.toBe(canonicalA);
    const hash = sha256Hex(canonical);
    expect(hash).toBe('66dae2630e61c3b23d505e0f18f7f863573d96fb816af656ded18f96638a853d');
    const sig = signature(APP_SECRET, `HMAC-SHA256\n${hash}`);
    expect(sig).toBe('eaacfb61ea2d7f9b685530103d4082f1b1b9a2ff2d5557b6d4a609516b5c8b34');
    expect(sig).not.toBe(SIGNATURE_A);
  });

  it('A3: also signing x-backup-lock-id', () => {
    const signed = signAppRequest({ ...vectorA, signedHeaders: [...DEFAULT_SIGNED, 'x-backup-lock-id'] });
    expect(signed.canonicalRequest).toContain(
      'host:intl.myhuaweicloud-koodrive.com\nx-backup-lock-id:78e41c7e-db02-4d55-85b3-8153e4fefd2e@102\nx-date:',
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe('64a1a6954eb2a0ee1ade1d40b64590696e35dbace4525fcd29759cc2e2d37084');
    expect(signed.signature).toBe('9862d77d0f9e724bd554ba80944cd72b3839df7d0c2672e1682bf89493866b8b');
    expect(signed.authorization).toContain('SignedHeaders=host;x-backup-lock-id;x-date;x-user-id,');
    expect(signed.signature).not.toBe(SIGNATURE_A);
  });

  it('A4: APIG-style three-line string to sign', () => {
    const sig = signature(APP_SECRET, `HMAC-SHA256\n20250115T083000Z\n${HASH_A}`);
    expect(sig).toBe('2770f354246849e7f8d124933d46c14893bb08af6320c923c97b8d0904243626');
    expect(sig).not.toBe(SIGNATURE_A);
  });
});

describe('test vector B (POST lock with body)', () => {
  it('hashes the exact body bytes and signs', () => {
    const body = Buffer.from('{"moduleCode":"102"}', 'utf8');
    expect(body.byteLength).toBe(20);
    const signed = signAppRequest({
      ...vectorA,
      method: 'POST',
      headers: { ...HEADERS, 'Content-Type': 'application/json' },
      body,
    });
    expect(sha256Hex(body)).toBe('134be0b02487a71a3500523797fd6c313cf893d7a8714c0eb362f6e3dc0defc0');
    expect(signed.canonicalRequest).toBe(
      'POST\n/koodrive/ose/v1/backup/lock/\n\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20250115T083000Z\nx-user-id:1234567890123456789\n\nhost;x-date;x-user-id\n134be0b02487a71a3500523797fd6c313cf893d7a8714c0eb362f6e3dc0defc0',
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe('42f48ffb151c0a257b306b8868608e1fa6b8f2335296b2d8363b62410e8891bb');
    expect(signed.signature).toBe('6185a88ccf911f912021d1360f37f1b13d709c16517e30c5a003e611558b0cc4');
    expect(sha256Hex('{}')).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});

describe('test vector C (GET with query)', () => {
  it('sorts the query and signs', () => {
    const signed = signAppRequest({
      ...vectorA,
      method: 'GET',
      path: '/koodrive/ose/v1/backup/record',
      query: [
        ['pageSize', '10'],
        ['moduleCode', '102'],
      ],
    });
    expect(signed.canonicalRequest).toBe(
      'GET\n/koodrive/ose/v1/backup/record/\nmoduleCode=102&pageSize=10\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20250115T083000Z\nx-user-id:1234567890123456789\n\nhost;x-date;x-user-id\n' +
        EMPTY_HASH,
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe('50f8670e23c786b06a0f81e27d645ac28e4d8ff15a5982b65c0696f1b3301443');
    expect(signed.signature).toBe('43ba94ce62c6c04cbbf3fd7b681eddaa05f1315e84db1a3a7436e155c68a0122');
  });
});

describe("Huawei's published APIG vector", () => {
  const input = {
    method: 'GET',
    path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
    query: [
      ['marker', '13551d6b-755d-4757-b956-536f674975c0'],
      ['limit', '2'],
    ] as const,
    headers: {
      'Content-Type': 'application/json',
      Host: 'service.region.example.com',
      'X-Sdk-Date': '20191115T033655Z',
    },
    signedHeaders: ['content-type', 'host', 'x-sdk-date'],
    body: '',
  };

  it('canonicalises to the published hash', () => {
    const hash = sha256Hex(canonicalRequest(input));
    expect(hash).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    expect(sha256Hex(canonicalRequest({ ...input, path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs' }))).toBe(hash);
  });

  it('signs the SDK three-line string with the raw key to the published signature', () => {
    const hash = sha256Hex(canonicalRequest(input));
    const sig = signature('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', `SDK-HMAC-SHA256\n20191115T033655Z\n${hash}`);
    expect(sig).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
    // KooDrive's two-line form over the same hash differs:
    expect(signature('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', stringToSign(canonicalRequest(input)))).not.toBe(sig);
  });
});

describe('canonicalUri', () => {
  it('removes dot segments, encodes segments and appends one slash', () => {
    expect(canonicalUri('/a/./b/../c d')).toBe('/a/c%20d/');
    expect(canonicalUri('/')).toBe('/');
    expect(canonicalUri('/prefix/koodrive/ose/v1/backup/lock')).toBe('/prefix/koodrive/ose/v1/backup/lock/');
  });
});
