import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNED_HEADERS, signAppRequest } from '../../../electron/core/koodrive/sign';
import { formatXDate } from '../../../electron/core/koodrive/xdate';
import { parseStandaloneArgs } from '../../../electron/sandbox/standaloneArgs';
import { ReceivedHeaders } from '../../../electron/sandbox/receivedHeaders';
import type { SandboxCredentials } from '../../../electron/sandbox/types';
import { verifyRequest } from '../../../electron/sandbox/verifyRequest';

const CREDENTIALS: SandboxCredentials = {
  userId: '1234567890123456789',
  token: 'sbx_token',
  appId: '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6',
  appSecret: 'kd-test-secret-2f7c9e1a4b6d8f0c',
};
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
const PATH = '/koodrive/ose/v1/backup/lock';

/** A DELETE signed with `secret` (the sandbox's own or another), checked by the sandbox. */
function rejectedBody(secret: string, signatureDetail: boolean) {
  const headers: Record<string, string> = {
    Host: 'sandbox.test',
    'X-Date': formatXDate(NOW),
    'X-User-Id': CREDENTIALS.userId,
  };
  const signed = signAppRequest({
    method: 'DELETE',
    path: PATH,
    query: [],
    headers,
    signedHeaders: DEFAULT_SIGNED_HEADERS,
    body: Buffer.alloc(0),
    appId: CREDENTIALS.appId,
    appSecret: secret,
  });
  headers.Authorization = signed.authorization;
  const result = verifyRequest(
    {
      method: 'DELETE',
      rawUrl: PATH,
      headers: new ReceivedHeaders(Object.entries(headers).flat()),
      body: Buffer.alloc(0),
    },
    CREDENTIALS,
    NOW,
    'req-1',
    { signatureDetail },
  );
  return { result, ourStringToSign: signed.stringToSign };
}

describe('the sandbox option signatureDetail', () => {
  it('a bad signature also answers with the server’s string_to_sign, never the secret', () => {
    const { result, ourStringToSign } = rejectedBody('not-the-secret', true);
    expect(result).toMatchObject({ ok: false, outcome: 'rejected:bad-signature' });
    if (result.ok) return;
    // Same request, other key: the server signed the same string.
    expect(result.reply.body).toMatchObject({ error_code: 'APIGW.0303', string_to_sign: ourStringToSign });
    expect(JSON.stringify(result.reply.body)).not.toContain(CREDENTIALS.appSecret);
  });

  it('off by default: the answer has no such field', () => {
    const { result } = rejectedBody('not-the-secret', false);
    if (result.ok) throw new Error('expected a rejection');
    expect(result.reply.body).not.toHaveProperty('string_to_sign');
  });

  it('npm run sandbox -- --signature-detail turns it on', () => {
    expect(parseStandaloneArgs(['--signature-detail'])).toMatchObject({
      kind: 'run',
      options: { signatureDetail: true },
    });
    expect(parseStandaloneArgs([])).toMatchObject({ kind: 'run' });
  });
});
