import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { prepareLockRequest } from '../../../../electron/core/koodrive/lockRequests';
import { redactHeaders } from '../../../../electron/core/koodrive/redactHeaders';
import { RequestBuildError, secretProblem } from '../../../../electron/core/koodrive/requestBuilder';
import { sha256Hex, signature } from '../../../../electron/core/koodrive/sign';

const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
const APP_SECRET = 'kd-test-secret-2f7c9e1a4b6d8f0c';
const TOKEN = 'tok-3f9a8b7c6d5e4f3a2b1c';
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
const LOCK_ID = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';

const appProfile: Profile = {
  environment: 'other',
  id: 'intl',
  name: 'International',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
  userId: '1234567890123456789',
  authMode: 'app',
  appId: APP_ID,
  moduleCode: '102',
};
const bearerProfile: Profile = { ...appProfile, authMode: 'bearer', appId: undefined };

describe('prepareLockRequest, app mode', () => {
  it('reproduces spec vector A for release', () => {
    const prepared = prepareLockRequest({
      profile: appProfile,
      operation: 'release',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
    });
    expect(prepared.method).toBe('DELETE');
    expect(prepared.url.href).toBe('https://intl.myhuaweicloud-koodrive.com/koodrive/ose/v1/backup/lock');
    expect(prepared.body).toBeUndefined();
    expect(prepared.headers).toEqual({
      Host: 'intl.myhuaweicloud-koodrive.com',
      'X-Date': '20250115T083000Z',
      'X-User-Id': '1234567890123456789',
      'x-backup-lock-id': LOCK_ID,
      Authorization: `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990`,
    });
    expect(sha256Hex(prepared.canonicalRequest ?? '')).toBe(
      'd7cc93fe9798d667c88d3f1df5d3f28a59da42284de56c07e89a7278afb307cf',
    );
    expect(prepared.stringToSign).toBe('HMAC-SHA256\nd7cc93fe9798d667c88d3f1df5d3f28a59da42284de56c07e89a7278afb307cf');
  });

  it('reproduces spec vector B for create: the signed bytes are the sent bytes', () => {
    const prepared = prepareLockRequest({ profile: appProfile, operation: 'create', secret: APP_SECRET, now: NOW });
    expect(prepared.method).toBe('POST');
    expect(Buffer.from(prepared.body ?? new Uint8Array()).toString('utf8')).toBe('{"moduleCode":"102"}');
    expect(prepared.headers['Content-Type']).toBe('application/json');
    expect(prepared.headers['Content-Length']).toBe('20');
    expect(prepared.headers['x-backup-lock-id']).toBeUndefined();
    expect(prepared.headers.Authorization).toContain(
      'Signature=6185a88ccf911f912021d1360f37f1b13d709c16517e30c5a003e611558b0cc4',
    );
    expect(prepared.canonicalRequest?.endsWith(sha256Hex(prepared.body ?? ''))).toBe(true);
  });

  it('uses the given module code for create', () => {
    const prepared = prepareLockRequest({
      profile: appProfile,
      operation: 'create',
      moduleCode: '100',
      secret: APP_SECRET,
      now: NOW,
    });
    expect(Buffer.from(prepared.body ?? new Uint8Array()).toString()).toBe('{"moduleCode":"100"}');
  });

  it('renews with PATCH, the lock-id header and no body', () => {
    const prepared = prepareLockRequest({
      profile: appProfile,
      operation: 'renew',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
    });
    expect(prepared.method).toBe('PATCH');
    expect(prepared.body).toBeUndefined();
    expect(prepared.headers['x-backup-lock-id']).toBe(LOCK_ID);
    expect(prepared.canonicalRequest?.startsWith('PATCH\n/koodrive/ose/v1/backup/lock/\n\n')).toBe(true);
  });

  it('keeps the base path prefix and signs the Host with a non-default port', () => {
    const prepared = prepareLockRequest({
      profile: { ...appProfile, baseUrl: 'https://gw.example.com:8443/carrier/api/' },
      operation: 'release',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
    });
    expect(prepared.url.href).toBe('https://gw.example.com:8443/carrier/api/koodrive/ose/v1/backup/lock');
    expect(prepared.headers.Host).toBe('gw.example.com:8443');
    const lines = prepared.canonicalRequest?.split('\n') ?? [];
    expect(lines[1]).toBe('/carrier/api/koodrive/ose/v1/backup/lock/');
    expect(lines[3]).toBe('host:gw.example.com:8443');
    expect(signature(APP_SECRET, prepared.stringToSign ?? '')).toBe(
      prepared.headers.Authorization.split('Signature=')[1],
    );
  });

  it('omits the default port from Host, as Node does', () => {
    const prepared = prepareLockRequest({
      profile: { ...appProfile, baseUrl: 'https://intl.myhuaweicloud-koodrive.com:443' },
      operation: 'release',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
    });
    expect(prepared.headers.Host).toBe('intl.myhuaweicloud-koodrive.com');
  });

  it('signs opt-in extra headers', () => {
    const prepared = prepareLockRequest({
      profile: appProfile,
      operation: 'release',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
      extraSignedHeaders: ['x-backup-lock-id'],
    });
    expect(prepared.headers.Authorization).toContain(
      'SignedHeaders=host;x-backup-lock-id;x-date;x-user-id,Signature=9862d77d0f9e724bd554ba80944cd72b3839df7d0c2672e1682bf89493866b8b',
    );
  });

  it('refuses app mode without an App ID', () => {
    expect(() =>
      prepareLockRequest({
        profile: { ...appProfile, appId: undefined },
        operation: 'create',
        secret: APP_SECRET,
        now: NOW,
      }),
    ).toThrow(RequestBuildError);
  });
});

describe('prepareLockRequest, bearer mode', () => {
  it('sends Authorization "Bearer <token>" with one space, X-User-Id and X-Date', () => {
    const prepared = prepareLockRequest({
      profile: bearerProfile,
      operation: 'release',
      lockId: LOCK_ID,
      secret: TOKEN,
      now: NOW,
    });
    expect(prepared.headers).toEqual({
      Host: 'intl.myhuaweicloud-koodrive.com',
      'X-Date': '20250115T083000Z',
      'X-User-Id': '1234567890123456789',
      'x-backup-lock-id': LOCK_ID,
      Authorization: `Bearer ${TOKEN}`,
    });
    expect(prepared.headers.Authorization).not.toContain('+');
    expect(prepared.canonicalRequest).toBeUndefined();
    expect(prepared.stringToSign).toBeUndefined();
  });

  it('uses the configured prefix', () => {
    const prepared = prepareLockRequest({
      profile: { ...bearerProfile, bearerPrefix: 'AT' },
      operation: 'renew',
      lockId: LOCK_ID,
      secret: TOKEN,
      now: NOW,
    });
    expect(prepared.headers.Authorization).toBe(`AT ${TOKEN}`);
  });

  it('sends the create body', () => {
    const prepared = prepareLockRequest({ profile: bearerProfile, operation: 'create', secret: TOKEN, now: NOW });
    expect(Buffer.from(prepared.body ?? new Uint8Array()).toString()).toBe('{"moduleCode":"102"}');
  });

  it('keeps an http loopback base URL with its port and prefix', () => {
    const prepared = prepareLockRequest({
      profile: { ...bearerProfile, baseUrl: 'http://127.0.0.1:40123/sandbox' },
      operation: 'release',
      lockId: LOCK_ID,
      secret: TOKEN,
      now: NOW,
    });
    expect(prepared.url.href).toBe('http://127.0.0.1:40123/sandbox/koodrive/ose/v1/backup/lock');
    expect(prepared.headers.Host).toBe('127.0.0.1:40123');
  });
});

describe('input guards', () => {
  it('rejects a bad base URL, a missing lock ID and unusable secrets without echoing the secret', () => {
    const base = { operation: 'release' as const, lockId: LOCK_ID, now: NOW };
    expect(() =>
      prepareLockRequest({ ...base, profile: { ...bearerProfile, baseUrl: 'http://example.com' }, secret: TOKEN }),
    ).toThrow(/only allowed for this computer/);
    expect(() => prepareLockRequest({ ...base, lockId: undefined, profile: bearerProfile, secret: TOKEN })).toThrow(
      /lock ID is required/,
    );
    const withNewline = `${TOKEN}\r\nX-Evil: 1`;
    expect(() => prepareLockRequest({ ...base, profile: bearerProfile, secret: withNewline })).toThrow(/line breaks/);
    try {
      prepareLockRequest({ ...base, profile: bearerProfile, secret: withNewline });
    } catch (error) {
      expect(String(error)).not.toContain(TOKEN);
    }
  });

  it('secretProblem allows non-ASCII only for an App secret (it is never sent)', () => {
    expect(secretProblem('', 'app')).toMatch(/empty/);
    expect(secretProblem('geheim-ä', 'app')).toBeNull();
    expect(secretProblem('geheim-ä', 'bearer')).toMatch(/non-ASCII/);
    expect(secretProblem('a\tb', 'app')).toMatch(/control/);
  });
});

describe('redactHeaders', () => {
  it('keeps the scheme, AppId and SignedHeaders, and hides the signature and token', () => {
    const app = prepareLockRequest({
      profile: appProfile,
      operation: 'release',
      lockId: LOCK_ID,
      secret: APP_SECRET,
      now: NOW,
    });
    const sig = app.headers.Authorization.split('Signature=')[1];
    const redacted = redactHeaders(app.headers);
    expect(redacted.Authorization).toBe(
      `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=<redacted>`,
    );
    expect(JSON.stringify(redacted)).not.toContain(sig);
    expect(JSON.stringify(redacted)).not.toContain(APP_SECRET);
    expect(redacted['X-User-Id']).toBe('1234567890123456789');
    expect(redacted['x-backup-lock-id']).toBe(LOCK_ID);
    expect(app.headers.Authorization).toContain(sig);

    const bearer = prepareLockRequest({
      profile: bearerProfile,
      operation: 'release',
      lockId: LOCK_ID,
      secret: TOKEN,
      now: NOW,
    });
    expect(redactHeaders(bearer.headers).Authorization).toBe('Bearer <redacted>');
    expect(JSON.stringify(redactHeaders(bearer.headers))).not.toContain(TOKEN);
  });

  it('redacts bare tokens, any header-name case and other credential headers', () => {
    expect(redactHeaders({ authorization: TOKEN })).toEqual({ authorization: '<redacted>' });
    expect(redactHeaders({ AUTHORIZATION: `Bearer ${TOKEN} extra` }).AUTHORIZATION).toBe('Bearer <redacted>');
    expect(redactHeaders({ 'Proxy-Authorization': `Basic ${TOKEN}`, Cookie: `s=${TOKEN}` })).toEqual({
      'Proxy-Authorization': '<redacted>',
      Cookie: '<redacted>',
    });
    const odd = redactHeaders({ Authorization: `HMAC-SHA256 AppId=x,Signature=${TOKEN},Extra=${TOKEN}` });
    expect(odd.Authorization).toBe('HMAC-SHA256 AppId=x,Signature=<redacted>');
  });
});
