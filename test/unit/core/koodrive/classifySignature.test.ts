import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../../electron/core/koodrive/classify';
import { LOCK_OPERATIONS } from '../../../../electron/core/koodrive/lockOperations';
import type { ParsedBody } from '../../../../electron/core/koodrive/responseParser';
import { localized } from '../../../../shared/messages/localized';

const OURS_HASH = 'a'.repeat(64);
const OURS = `HMAC-SHA256\n${OURS_HASH}`;
const SERVER_HASH = 'b'.repeat(64);

function refused(extra: Partial<ParsedBody> = {}): ParsedBody {
  return {
    code: 'APIGW.0303',
    msg: 'Incorrect app authentication information',
    data: null,
    shape: 'gateway',
    ...extra,
  };
}

const classified = (body: ParsedBody, authMode: 'app' | 'bearer' = 'app') =>
  classify({ operation: LOCK_OPERATIONS.release, httpStatus: 401, body, authMode, stringToSign: OURS });

describe('classify: a signature mismatch with the server’s string to sign', () => {
  it('equal: the request arrived as signed, so the App secret is wrong', () => {
    const result = classified(
      refused({ signingEcho: { field: 'string_to_sign', form: 'string-to-sign', value: OURS } }),
    );
    expect(result.kind).toBe('auth');
    expect(result.remedy).toBe(
      `KooDrive computed the same canonical request as this app (string_to_sign, SHA-256 ${OURS_HASH}), so the request arrived as signed and the App secret (or App ID) is wrong: store the current App secret for this profile and check its App ID.`,
    );
  });

  it('different: changed on the way, both hashes and the differing part named', () => {
    const result = classified(
      refused({
        signingEcho: { field: 'canonical_request_sha256', form: 'canonical-request-sha256', value: SERVER_HASH },
      }),
    );
    expect(result.kind).toBe('auth');
    expect(result.remedy).toContain(`the server’s canonical request SHA-256 ${SERVER_HASH}, this app’s ${OURS_HASH}`);
    expect(result.remedy).toContain('changed on the way or canonicalised differently: check proxies that rewrite');
    expect(result.remedy).toContain('the differing part is the canonical request');
    const toSignHash = createHash('sha256').update('other').digest('hex');
    const byStringToSign = classified(
      refused({ signingEcho: { field: 'string_to_sign_hash', form: 'string-to-sign-sha256', value: toSignHash } }),
    );
    expect(byStringToSign.remedy).toContain('the differing part is the string to sign');
  });

  it('in zh-CN too', () => {
    const result = classified(
      refused({ signingEcho: { field: 'string_to_sign', form: 'string-to-sign', value: OURS } }),
    );
    expect(localized('zh-CN', result.remedyMessage)).toContain('请求按签名原样到达');
    const differs = classified(
      refused({
        signingEcho: { field: 'string_to_sign', form: 'string-to-sign', value: `HMAC-SHA256\n${SERVER_HASH}` },
      }),
    );
    expect(localized('zh-CN', differs.remedyMessage)).toContain('不同之处在于规范请求');
  });

  it('no field, a bearer profile or a 403: not interpreted, today’s remedy', () => {
    const plain = classified(refused());
    expect(plain.remedy).toContain('KooDrive rejected the app signature');
    const echo = { field: 'string_to_sign', form: 'string-to-sign' as const, value: OURS };
    expect(classified(refused({ signingEcho: echo }), 'bearer').remedy).toContain('KooDrive rejected the access token');
    const forbidden = classify({
      operation: LOCK_OPERATIONS.release,
      httpStatus: 403,
      body: refused({ code: 'APIGW.0302', signingEcho: echo }),
      authMode: 'app',
      stringToSign: OURS,
    });
    expect(forbidden.remedy).toContain('refused the operation');
  });
});
