import { describe, expect, it } from 'vitest';
import { parseResponseBody } from '../../../../electron/core/koodrive/responseParser';

const body = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const HASH = 'c'.repeat(64);

describe('parseResponseBody and the server’s string to sign', () => {
  it('keeps a refusal’s string_to_sign (gateway or KooDrive shape)', () => {
    const gateway = parseResponseBody(
      body({
        error_code: 'APIGW.0303',
        error_msg: 'signature',
        request_id: 'r-1',
        string_to_sign: `HMAC-SHA256\n${HASH}`,
      }),
    );
    expect(gateway.signingEcho).toEqual({
      field: 'string_to_sign',
      form: 'string-to-sign',
      value: `HMAC-SHA256\n${HASH}`,
    });
    expect(parseResponseBody(body({ code: 401, msg: 'x', canonical_request_sha256: HASH })).signingEcho?.form).toBe(
      'canonical-request-sha256',
    );
  });

  it('nothing on a success or without the field', () => {
    expect(
      parseResponseBody(body({ code: 0, msg: 'success', string_to_sign: `HMAC-SHA256\n${HASH}` })),
    ).not.toHaveProperty('signingEcho');
    expect(parseResponseBody(body({ error_code: 'APIGW.0303', error_msg: 'x' }))).not.toHaveProperty('signingEcho');
  });
});
