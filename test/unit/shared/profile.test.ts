import { describe, expect, it } from 'vitest';
import { moduleCodeOfLockId, moduleLabel } from '../../../shared/identifiers';
import { defaultEnvironment, profileFromInput, resolveUserId } from '../../../shared/profile';

describe('resolveUserId', () => {
  const app = { authMode: 'app' as const, name: 'Tenant' };
  const bearer = { authMode: 'bearer' as const, name: 'Token', userId: '1505084218764547200' };

  it('app auth: the operation’s user, else the profile default, else a request to enter one', () => {
    expect(resolveUserId(app, ' 42 ')).toEqual({ ok: true, userId: '42' });
    expect(resolveUserId({ ...app, userId: '7' }, undefined)).toEqual({ ok: true, userId: '7' });
    expect(resolveUserId({ ...app, userId: '7' }, '8')).toEqual({ ok: true, userId: '8' });
    expect(resolveUserId(app, '')).toMatchObject({ ok: false, problem: expect.stringMatching(/^Enter the user ID/) });
    expect(resolveUserId(app, '12a')).toMatchObject({ ok: false, problem: expect.stringMatching(/digits only/) });
    expect(resolveUserId(app, '１２')).toMatchObject({ ok: false });
  });

  it('bearer: only the token’s own user', () => {
    expect(resolveUserId(bearer, undefined)).toEqual({ ok: true, userId: bearer.userId });
    expect(resolveUserId(bearer, bearer.userId)).toEqual({ ok: true, userId: bearer.userId });
    const other = resolveUserId(bearer, '42');
    expect(other).toMatchObject({ ok: false });
    expect(!other.ok && other.problem).toMatch(
      /acts only for its own user 1505084218764547200.*app-authentication profile/,
    );
  });
});

describe('environments', () => {
  it('defaults from the host: KooDrive hosts are Production, loopback is Sandbox, anything else Other', () => {
    expect(defaultEnvironment('https://intl.myhuaweicloud-koodrive.com')).toBe('production');
    expect(defaultEnvironment('https://cn.myhuaweicloud-koodrive.com/prefix')).toBe('production');
    expect(defaultEnvironment('http://127.0.0.1:41234')).toBe('sandbox');
    expect(defaultEnvironment('http://[::1]:8080')).toBe('sandbox');
    expect(defaultEnvironment('https://myhuaweicloud-koodrive.com.evil.example')).toBe('other');
    expect(defaultEnvironment('not a url')).toBe('other');
  });

  it('a chosen environment is kept', () => {
    const input = {
      name: 'N',
      baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
      authMode: 'app' as const,
      appId: 'a',
      moduleCode: '102',
    };
    expect(profileFromInput({ ...input, environment: 'staging' }, 'n').environment).toBe('staging');
    expect(profileFromInput(input, 'n')).toEqual({ ...input, id: 'n', environment: 'production' });
  });
});

describe('module of a lock ID', () => {
  it('decodes the module code after the last @ into words', () => {
    expect(moduleCodeOfLockId('78e41c7e-db02-4d55-85b3-8153e4fefd2e@102')).toBe('102');
    expect(moduleLabel(moduleCodeOfLockId('x@100'))).toBe('Folder backup');
    expect(moduleLabel(moduleCodeOfLockId('x@101'))).toBe('Album (photo) backup');
    expect(moduleLabel(moduleCodeOfLockId('x@999'))).toBeNull();
    expect(moduleCodeOfLockId('no-module')).toBeNull();
  });
});
