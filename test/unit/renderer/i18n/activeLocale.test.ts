import { describe, expect, it } from 'vitest';
import { settings } from '../../../../renderer/src/features/settings/settingsStore';
import { locale, setLanguagePreference, t } from '../../../../renderer/src/i18n';

describe('the active language', () => {
  it('follows the language preference at once, for locale() and t()', () => {
    setLanguagePreference('zh-CN');
    expect(settings().language).toBe('zh-CN');
    expect(locale()).toBe('zh-CN');
    expect(t('nav.locks')).toBe('备份锁');
    setLanguagePreference('en');
    expect(locale()).toBe('en');
    expect(t('nav.locks')).toBe('Locks');
  });
});
