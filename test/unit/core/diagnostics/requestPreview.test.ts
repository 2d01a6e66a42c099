import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { LOCK_OPERATIONS } from '../../../../shared/result';
import { previewLockRequest } from '../../../../electron/core/diagnostics/requestPreview';
import { prepareLockRequest } from '../../../../electron/core/koodrive/lockRequests';

// The inputs of docs/koodrive-protocol.md#test-vectors: the app-mode preview of vector A must show its canonical request but not its signature.
const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
const APP_SECRET = 'kd-test-secret-2f7c9e1a4b6d8f0c';
const VECTOR_A_SIGNATURE = '7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990';
const TOKEN = 'tok-7f3a9c2e5b1d8e4f';
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
const LOCK_ID = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';

const appProfile: Profile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
  userId: '1234567890123456789',
  authMode: 'app',
  appId: APP_ID,
  moduleCode: '102',
};
const bearerProfile: Profile = { ...appProfile, authMode: 'bearer', appId: undefined };

describe('previewLockRequest', () => {
  it('shows the app-mode request of spec vector A with the signature redacted everywhere', () => {
    const preview = previewLockRequest({
      profile: appProfile,
      operation: 'release',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
    });
    expect(preview).toMatchObject({
      method: 'DELETE',
      url: 'https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/lock',
      body: null,
      canonicalRequest:
        'DELETE\n/koodrive/ose/v1/backup/lock/\n\nhost:intl.myhuaweicloud-koodrive.com\nx-date:20250115T083000Z\nx-user-id:1234567890123456789\n\nhost;x-date;x-user-id\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      stringToSign: 'HMAC-SHA256\nd7cc93fe9798d667c88d3f1df5d3f28a59da42284de56c07e89a7278afb307cf',
    });
    expect(preview.headers).toEqual({
      Host: 'intl.myhuaweicloud-koodrive.com',
      'X-Date': '20250115T083000Z',
      'X-User-Id': '1234567890123456789',
      'x-backup-lock-id': LOCK_ID,
      Authorization: `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=<redacted>`,
    });
    const all = JSON.stringify(preview);
    expect(all).not.toContain(APP_SECRET);
    expect(all).not.toContain(VECTOR_A_SIGNATURE);
    expect(preview.curl).toContain('"$KOODRIVE_APP_SECRET"');
    expect(preview.powershell).toContain('Read-Host');
    expect(preview.powershell).toContain('HMACSHA256');
  });

  it('never contains the token in bearer mode, for every operation', () => {
    for (const operation of LOCK_OPERATIONS) {
      const preview = previewLockRequest({
        profile: bearerProfile,
        operation,
        lockId: LOCK_ID,
        moduleCode: '101',
        secret: TOKEN,
        now: NOW,
      });
      expect(preview.headers.Authorization).toBe('Bearer <redacted>');
      expect(JSON.stringify(preview)).not.toContain(TOKEN);
      expect(preview.canonicalRequest).toBeNull();
      expect(preview.stringToSign).toBeNull();
      expect(preview.curl).toContain(`'Authorization: Bearer ' "$KOODRIVE_TOKEN" | curl`);
    }
  });

  it('never contains the signature of any operation in app mode', () => {
    for (const operation of LOCK_OPERATIONS) {
      const input = {
        profile: appProfile,
        operation,
        lockId: LOCK_ID,
        moduleCode: '101',
        secret: APP_SECRET,
        now: NOW,
      };
      const real = prepareLockRequest(input).headers.Authorization;
      const signature = /Signature=([0-9a-f]{64})$/.exec(real)?.[1];
      expect(signature).toMatch(/^[0-9a-f]{64}$/);
      const all = JSON.stringify(previewLockRequest(input));
      expect(all).not.toContain(signature);
      expect(all).not.toContain(APP_SECRET);
    }
  });

  it('scrubs the secret wherever else it would appear (here: pasted as part of the lock ID)', () => {
    const preview = previewLockRequest({
      profile: bearerProfile,
      operation: 'release',
      lockId: `x${TOKEN}@102`,
      secret: TOKEN,
      now: NOW,
    });
    expect(JSON.stringify(preview)).not.toContain(TOKEN);
    expect(preview.headers['x-backup-lock-id']).toBe('x<redacted>@102');
  });

  it('shows the create body, its content type and length', () => {
    const preview = previewLockRequest({
      profile: appProfile,
      operation: 'create',
      moduleCode: '102',
      secret: APP_SECRET,
      now: NOW,
    });
    expect(preview.method).toBe('POST');
    expect(preview.body).toBe('{"moduleCode":"102"}');
    expect(preview.headers).toMatchObject({ 'Content-Type': 'application/json', 'Content-Length': '20' });
    // Spec vector B.
    expect(preview.stringToSign).toBe('HMAC-SHA256\n42f48ffb151c0a257b306b8868608e1fa6b8f2335296b2d8363b62410e8891bb');
    expect(preview.curl).toContain(`body='{"moduleCode":"102"}'`);
    expect(JSON.stringify(preview)).not.toContain('6185a88ccf911f912021d1360f37f1b13d709c16517e30c5a003e611558b0cc4');
  });

  it('signs with the clock offset, as the lock service would', () => {
    const preview = previewLockRequest({
      profile: bearerProfile,
      operation: 'renew',
      lockId: LOCK_ID,
      secret: TOKEN,
      now: NOW,
      clockOffsetMs: -125_000,
    });
    expect(preview.method).toBe('PATCH');
    expect(preview.headers['X-Date']).toBe('20250115T082755Z');
    expect(preview.curl).toContain('date +%s) - 125 ))');
  });
});
