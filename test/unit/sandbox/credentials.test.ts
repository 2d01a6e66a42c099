import { describe, expect, it } from 'vitest';
import { randomUserId, resolveCredentials } from '../../../electron/sandbox/credentials';

describe('sandbox credentials', () => {
  it('makes a random 19-digit user ID that does not fit a JS number', () => {
    for (let i = 0; i < 50; i += 1) {
      const id = randomUserId();
      expect(id).toMatch(/^[1-9]\d{18}$/);
      expect(Number.isSafeInteger(Number(id))).toBe(false);
    }
  });

  it('is random per call and keeps given values', () => {
    const a = resolveCredentials();
    const b = resolveCredentials();
    expect(a.token).not.toBe(b.token);
    expect(a.appSecret).not.toBe(b.appSecret);
    expect(a.appId).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveCredentials({ token: 'fixed', userId: '42', appId: undefined })).toMatchObject({
      token: 'fixed',
      userId: '42',
      appId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses values that cannot be sent', () => {
    expect(() => resolveCredentials({ userId: '12ab' })).toThrow(/userId/);
    expect(() => resolveCredentials({ token: 'has space' })).toThrow(/token/);
    expect(() => resolveCredentials({ appId: 'a,b' })).toThrow(/appId/);
    expect(() => resolveCredentials({ appSecret: '' })).toThrow(/appSecret/);
  });
});
