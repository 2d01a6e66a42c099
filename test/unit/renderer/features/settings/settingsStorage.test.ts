import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type KeyValueStore,
  SETTINGS_KEY,
  readSettings,
  writeSettings,
} from '../../../../../renderer/src/features/settings/settingsStorage';
import { MemoryStore } from '../../support/memoryStore';

describe('settings storage', () => {
  it('defaults to following the system for language and theme, and to local time', () => {
    expect(readSettings(new MemoryStore())).toEqual({ language: 'system', theme: 'system', timeZone: 'local' });
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips every choice under a versioned key', () => {
    const store = new MemoryStore();
    for (const language of ['system', 'en', 'zh-CN'] as const) {
      for (const theme of ['system', 'light', 'dark'] as const) {
        for (const timeZone of ['local', 'utc'] as const) {
          expect(writeSettings(store, { language, theme, timeZone })).toBe(true);
          expect(readSettings(store)).toEqual({ language, theme, timeZone });
        }
      }
    }
    expect([...store.items.keys()]).toEqual([SETTINGS_KEY]);
    expect(SETTINGS_KEY).toMatch(/\.v\d+$/);
  });

  it('replaces unknown or corrupt values by the defaults, field by field', () => {
    const store = new MemoryStore();
    store.setItem(SETTINGS_KEY, JSON.stringify({ language: 'fr', theme: 'dark', timeZone: 'utc' }));
    expect(readSettings(store)).toEqual({ language: 'system', theme: 'dark', timeZone: 'utc' });
    store.setItem(SETTINGS_KEY, JSON.stringify({ language: 'zh-CN', theme: 'sepia', timeZone: 'Mars/Olympus' }));
    expect(readSettings(store)).toEqual({ language: 'zh-CN', theme: 'system', timeZone: 'local' });
    for (const corrupt of ['{', 'null', '[]', '"dark"', '7']) {
      store.setItem(SETTINGS_KEY, corrupt);
      expect(readSettings(store), corrupt).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('survives storage that throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(readSettings(broken)).toEqual(DEFAULT_SETTINGS);
    expect(writeSettings(broken, { language: 'en', theme: 'dark', timeZone: 'local' })).toBe(false);
  });
});
