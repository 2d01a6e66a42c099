// Known answer: the sandbox accepts signature vector A (docs/sandbox.md, "Known-answer signature test")
// built here by hand, not with the client's signing code (electron/core/koodrive/sign.ts), and rejects it
// with any one byte changed.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ReceivedHeaders } from '../../../electron/sandbox/receivedHeaders';
import type { SandboxCredentials } from '../../../electron/sandbox/types';
import { verifyRequest } from '../../../electron/sandbox/verifyRequest';

const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
const APP_SECRET = 'kd-test-secret-2f7c9e1a4b6d8f0c';
const SIGNATURE = '7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990';
const AUTHORIZATION = `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=${SIGNATURE}`;
/** Vector A as sent: DELETE /koodrive/ose/v1/backup/lock, no body, signed at 2025-01-15 08:30:00 UTC. */
const VECTOR_A = [
  'Host',
  'intl.myhuaweicloud-koodrive.com',
  'X-Date',
  '20250115T083000Z',
  'X-User-Id',
  '1234567890123456789',
  'x-backup-lock-id',
  '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
  'Authorization',
  AUTHORIZATION,
];
// The sandbox's own user is not the vector's: an app may act for any user.
const CREDENTIALS: SandboxCredentials = {
  userId: '1505084218764547200',
  token: 't',
  appId: APP_ID,
  appSecret: APP_SECRET,
};
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 31, 0));

function verify(raw: string[], method = 'DELETE', rawUrl = '/koodrive/ose/v1/backup/lock') {
  return verifyRequest(
    { method, rawUrl, headers: new ReceivedHeaders(raw), body: Buffer.alloc(0) },
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

describe('sandbox signature verification: known answer (vector A)', () => {
  it('the published inputs give the published signature (checked with node:crypto, by hand)', () => {
    const canonical = [
      'DELETE',
      '/koodrive/ose/v1/backup/lock/',
      '',
      'host:intl.myhuaweicloud-koodrive.com',
      'x-date:20250115T083000Z',
      'x-user-id:1234567890123456789',
      '',
      'host;x-date;x-user-id',
      createHash('sha256').update('').digest('hex'),
    ].join('\n');
    const hashed = createHash('sha256').update(canonical, 'utf8').digest('hex');
    expect(hashed).toBe('d7cc93fe9798d667c88d3f1df5d3f28a59da42284de56c07e89a7278afb307cf');
    expect(createHmac('sha256', APP_SECRET).update(`HMAC-SHA256\n${hashed}`, 'utf8').digest('hex')).toBe(SIGNATURE);
  });

  it('accepts vector A as published', () => {
    expect(verify(VECTOR_A)).toEqual({ ok: true, scheme: 'app', userId: '1234567890123456789' });
  });

  it.each([
    ['the signature', 'Authorization', AUTHORIZATION.length - 1],
    ['X-Date (still inside the window)', 'X-Date', 14],
    ['X-User-Id', 'X-User-Id', 18],
    ['Host', 'Host', 0],
  ])('rejects it with one byte of %s changed', (_what, name, index) => {
    const result = verify(withByteChanged(VECTOR_A, name, index));
    expect(result).toMatchObject({ ok: false, outcome: 'rejected:bad-signature' });
  });

  it('rejects it sent as another method', () => {
    expect(verify(VECTOR_A, 'PATCH')).toMatchObject({ ok: false, outcome: 'rejected:bad-signature' });
  });
});
