import { describe, expect, it } from 'vitest';
import { format, isLocale, pickLocale } from '../../../../renderer/src/i18n/locale';

describe('pickLocale', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-Hans'], 'zh-CN'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['zh-SG'], 'zh-CN'],
    [['zh_CN'], 'zh-CN'],
    [['ZH-cn'], 'zh-CN'],
    [['en-GB'], 'en'],
    [['en-US'], 'en'],
    [['en'], 'en'],
    [['fr'], 'en'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(pickLocale(languages)).toBe(expected);
  });

  it('does not give Simplified Chinese to Traditional Chinese readers (zh-TW, zh-HK, zh-MO, zh-Hant)', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-hant-hk']) {
      expect(pickLocale([tag]), tag).toBe('en');
    }
  });

  it('takes the first language it speaks, in the user’s order', () => {
    expect(pickLocale(['fr', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale(['fr', 'en-GB', 'zh-CN'])).toBe('en');
    expect(pickLocale(['zh-TW', 'zh-CN'])).toBe('zh-CN');
    expect(pickLocale(['zh-TW', 'en-US'])).toBe('en');
  });

  it('ignores tags that only start like a supported one', () => {
    expect(pickLocale(['english', 'zhx'])).toBe('en');
    expect(pickLocale(['zhx', 'zh-CN'])).toBe('zh-CN');
  });
});

describe('isLocale', () => {
  it('accepts the supported locales only', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('zh-cn')).toBe(false);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('format', () => {
  it('fills named placeholders in any order and leaves unknown ones visible', () => {
    expect(format('{b} then {a}', { a: 1, b: 'two' })).toBe('two then 1');
    expect(format('配置“{name}”已保存。', { name: 'Staging' })).toBe('配置“Staging”已保存。');
    expect(format('{missing} here', {})).toBe('{missing} here');
    expect(format('no params {x}')).toBe('no params {x}');
  });

  it('does not read inherited properties as parameters', () => {
    expect(format('{constructor}', {})).toBe('{constructor}');
  });
});
