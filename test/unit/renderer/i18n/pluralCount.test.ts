import { afterEach, describe, expect, it } from 'vitest';
import { localeReady, setLanguagePreference, tCount } from '../../../../renderer/src/i18n';

describe('tCount: the plural form the language picks (Intl.PluralRules)', () => {
  afterEach(async () => {
    setLanguagePreference('en');
    await localeReady();
    await localeReady();
  });

  it('English: one for 1, other for 0, 2 and 1,000', async () => {
    setLanguagePreference('en');
    await localeReady();
    expect(tCount('batch.start', 1, { count: '1' })).toBe('Release 1 lock…');
    expect(tCount('batch.start', 0, { count: '0' })).toBe('Release 0 locks…');
    expect(tCount('batch.start', 2, { count: '2' })).toBe('Release 2 locks…');
    expect(tCount('batch.start', 1000, { count: '1,000' })).toBe('Release 1,000 locks…');
  });

  it('Chinese has one form: other, also for 1', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(tCount('batch.start', 1, { count: '1' })).toBe('释放 1 个锁…');
    expect(tCount('batch.start', 5, { count: '5' })).toBe('释放 5 个锁…');
  });
});
