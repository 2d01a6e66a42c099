import os from 'node:os';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { osUserName } from '../../../../electron/core/audit/auditLog';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('osUserName', () => {
  test('is the OS account name', () => {
    expect(osUserName()).toBe(os.userInfo().username);
  });

  test('falls back to USER, USERNAME, then "unknown" when the account has no passwd entry', () => {
    vi.spyOn(os, 'userInfo').mockImplementation(() => {
      throw Object.assign(new Error('uv_os_get_passwd returned ENOENT'), { code: 'ENOENT' });
    });
    expect(osUserName({ USER: 'ana', USERNAME: 'ana-win' })).toBe('ana');
    expect(osUserName({ USERNAME: 'ana-win' })).toBe('ana-win');
    expect(osUserName({})).toBe('unknown');
  });
});
