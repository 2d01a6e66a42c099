import { describe, expect, it } from 'vitest';
import { authorizationHeader } from '../../../electron/core/koodrive/sign';
import { parseAuthorization } from '../../../electron/sandbox/authorization';

const SIG = '7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990';
const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';

function problemOf(value: string): string {
  const parsed = parseAuthorization(value);
  if (parsed.scheme !== 'invalid') throw new Error(`expected invalid, got ${parsed.scheme}`);
  return parsed.problem;
}

describe('parseAuthorization', () => {
  it('reads "Bearer <token>"', () => {
    expect(parseAuthorization('Bearer abc.DEF-123_~')).toEqual({ scheme: 'bearer', token: 'abc.DEF-123_~' });
  });

  it('reads the header the client signer produces (docs/koodrive-protocol.md#test-vectors, vector A)', () => {
    const header = authorizationHeader(APP_ID, ['host', 'x-date', 'x-user-id'], SIG);
    expect(parseAuthorization(header)).toEqual({
      scheme: 'app',
      appId: APP_ID,
      signedHeaders: ['host', 'x-date', 'x-user-id'],
      signature: SIG,
    });
  });

  it('accepts extra signed headers and any parameter order', () => {
    const parsed = parseAuthorization(
      `HMAC-SHA256 Signature=${SIG},AppId=a1,SignedHeaders=host;x-backup-lock-id;x-date;x-user-id`,
    );
    expect(parsed).toMatchObject({ scheme: 'app', appId: 'a1' });
    if (parsed.scheme === 'app') expect(parsed.signedHeaders).toContain('x-backup-lock-id');
  });

  it.each([
    ['', /empty/],
    ['Bearer+abc', /space, not "\+"/],
    ['Bearer ', /empty or contains spaces/],
    ['Bearer a b', /empty or contains spaces/],
    ['bearer abc', /expected "Bearer <token>"/],
    ['abc', /expected "Bearer <token>"/],
    ['AT+abc', /expected "Bearer <token>"/],
    [`SDK-HMAC-SHA256 Access=a,SignedHeaders=host;x-date;x-user-id,Signature=${SIG}`, /expected/],
    [`HMAC-SHA256 AppId=a, SignedHeaders=host;x-date;x-user-id, Signature=${SIG}`, /no spaces/],
    [`HMAC-SHA256  AppId=a,SignedHeaders=host;x-date;x-user-id,Signature=${SIG}`, /no spaces/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;x-date;x-user-id`, /missing Signature/],
    [`HMAC-SHA256 SignedHeaders=host;x-date;x-user-id,Signature=${SIG}`, /missing AppId/],
    [`HMAC-SHA256 AppId=,SignedHeaders=host;x-date;x-user-id,Signature=${SIG}`, /AppId is empty/],
    [`HMAC-SHA256 AppId=a,AppId=b,SignedHeaders=host;x-date;x-user-id,Signature=${SIG}`, /more than once/],
    [`HMAC-SHA256 AppId=a,Access=b,SignedHeaders=host;x-date;x-user-id,Signature=${SIG}`, /unknown parameter "Access"/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;x-date;x-user-id,Signature=abc`, /64 hexadecimal/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;x-date;x-user-id,Signature=${SIG}00`, /64 hexadecimal/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=x-date;x-user-id,Signature=${SIG}`, /missing host/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;x-user-id,Signature=${SIG}`, /missing x-date/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;X-Date;x-user-id,Signature=${SIG}`, /lower-case/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;x-date;x-date;x-user-id,Signature=${SIG}`, /more than once/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=authorization;host;x-date;x-user-id,Signature=${SIG}`, /authorization/],
    [`HMAC-SHA256 AppId=a,SignedHeaders=host;;x-date;x-user-id,Signature=${SIG}`, /lower-case/],
  ])('rejects %j', (value, problem) => {
    expect(problemOf(value)).toMatch(problem);
  });
});
