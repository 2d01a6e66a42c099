import { describe, expect, test } from 'vitest';
import { defaultDataDir } from '../../../../electron/core/profiles/dataDir';

describe('defaultDataDir', () => {
  test('the environment override wins on every platform', () => {
    const env = { KOODRIVE_LOCK_ADMIN_DATA_DIR: '/srv/kla', XDG_CONFIG_HOME: '/x' };
    expect(defaultDataDir(env, 'linux', '/home/ana')).toBe('/srv/kla');
    expect(defaultDataDir(env, 'darwin', '/Users/ana')).toBe('/srv/kla');
  });

  test('Linux: $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/ana/cfg' }, 'linux', '/home/ana')).toBe(
      '/home/ana/cfg/koodrive-lock-admin',
    );
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/koodrive-lock-admin');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', '/home/ana')).toBe('/home/ana/.config/koodrive-lock-admin');
  });

  test('Linux: a relative $XDG_CONFIG_HOME is ignored, as the XDG spec requires', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/ana')).toBe(
      '/home/ana/.config/koodrive-lock-admin',
    );
  });

  test('macOS: ~/Library/Application Support', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/ignored' }, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/koodrive-lock-admin',
    );
  });

  test('Windows: %APPDATA%, else the default roaming folder', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\koodrive-lock-admin',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\ana')).toBe('C:\\Users\\ana\\AppData\\Roaming\\koodrive-lock-admin');
  });

  test('defaults to the real process environment', () => {
    expect(defaultDataDir()).toMatch(/koodrive-lock-admin$/);
  });
});
