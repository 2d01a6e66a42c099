import { describe, expect, it } from 'vitest';
import { settings } from '../../../../renderer/src/features/settings/settingsStore';
import { locale, localeReady, setLanguagePreference, t } from '../../../../renderer/src/i18n';

describe('the active language', () => {
  it('follows the language preference once its table is loaded, for locale() and t()', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(settings().language).toBe('zh-CN');
    expect(locale()).toBe('zh-CN');
    expect(t('nav.locks')).toBe('备份锁');
    setLanguagePreference('en');
    await localeReady();
    expect(locale()).toBe('en');
    expect(t('nav.locks')).toBe('Locks');
  });

  it('switches when the chosen table has arrived, never to a language without its texts', async () => {
    setLanguagePreference('en');
    await localeReady();
    setLanguagePreference('zh-CN');
    expect(locale()).toBe('en');
    expect(t('nav.locks')).toBe('Locks');
    await localeReady();
    expect(locale()).toBe('zh-CN');
    expect(t('nav.locks')).toBe('备份锁');
    setLanguagePreference('en');
    await localeReady();
  });
});
