import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareSigning, signingEchoOf } from '../../../../electron/core/koodrive/signatureEcho';

const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const OURS = `HMAC-SHA256\n${HASH}`;

describe('signingEchoOf', () => {
  it('reads the string to sign, the canonical request hash or the string-to-sign hash under plausible names', () => {
    expect(signingEchoOf({ string_to_sign: OURS })).toEqual({
      field: 'string_to_sign',
      form: 'string-to-sign',
      value: OURS,
    });
    expect(signingEchoOf({ stringToSign: `HMAC-SHA256\r\n${HASH}` })?.value).toBe(OURS);
    expect(signingEchoOf({ canonical_request_sha256: HASH })?.form).toBe('canonical-request-sha256');
    expect(signingEchoOf({ canonicalRequestHash: HASH.toUpperCase() })?.form).toBe('canonical-request-sha256');
    expect(signingEchoOf({ string_to_sign_hash: HASH })?.form).toBe('string-to-sign-sha256');
  });

  it('nothing without a field, or with one that is not a hash or a string to sign', () => {
    expect(signingEchoOf({ error_code: 'APIGW.0303', error_msg: `the hash is ${HASH}` })).toBeUndefined();
    expect(signingEchoOf({ string_to_sign: 'anything' })).toBeUndefined();
    expect(signingEchoOf({ canonical_request_sha256: 'abc' })).toBeUndefined();
    expect(signingEchoOf({ canonical_request_sha256: 42 })).toBeUndefined();
  });
});

describe('compareSigning', () => {
  it('the same canonical request: the key is wrong', () => {
    expect(compareSigning(OURS, { field: 'string_to_sign', form: 'string-to-sign', value: OURS })).toEqual({
      same: true,
      ours: HASH,
      server: HASH,
      field: 'string_to_sign',
    });
    expect(compareSigning(OURS, { field: 'h', form: 'canonical-request-sha256', value: HASH.toUpperCase() }).same).toBe(
      true,
    );
    const toSignHash = createHash('sha256').update(OURS).digest('hex');
    expect(compareSigning(OURS, { field: 'h', form: 'string-to-sign-sha256', value: toSignHash })).toMatchObject({
      same: true,
      ours: toSignHash,
    });
  });

  it('a different canonical request (or algorithm): both values are given', () => {
    expect(
      compareSigning(OURS, { field: 'string_to_sign', form: 'string-to-sign', value: `HMAC-SHA256\n${OTHER}` }),
    ).toEqual({
      same: false,
      ours: HASH,
      server: OTHER,
      field: 'string_to_sign',
    });
    expect(compareSigning(OURS, { field: 's', form: 'string-to-sign', value: `SDK-HMAC-SHA256\n${HASH}` }).same).toBe(
      false,
    );
  });
});
