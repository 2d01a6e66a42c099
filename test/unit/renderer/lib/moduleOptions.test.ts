import { afterAll, describe, expect, it } from 'vitest';
import { localeReady, setLanguagePreference } from '../../../../renderer/src/i18n';
import { MODULE_CODES } from '../../../../shared/identifiers';
import { moduleOptions } from '../../../../renderer/src/lib/moduleOptions';

describe('the module picker options', () => {
  it('lists the known modules, labelled with code and name', () => {
    const options = moduleOptions(MODULE_CODES[0].code);
    expect(options.map((option) => option.value)).toEqual(MODULE_CODES.map((known) => known.code));
    expect(options[0].label).toContain(MODULE_CODES[0].code);
    expect(options.map((option) => option.label)).toEqual(['100 – Folders', '101 – Album (photos)', '102 – Contacts']);
  });

  it('names the modules in the window’s language', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(moduleOptions('100').map((option) => option.label)).toEqual([
      '100 – 文件夹',
      '101 – 相册（照片）',
      '102 – 通讯录',
    ]);
  });

  afterAll(async () => {
    setLanguagePreference('en');
    await localeReady();
  });

  it('adds a code that is none of them as a custom one, last', () => {
    const options = moduleOptions('777');
    expect(options).toHaveLength(MODULE_CODES.length + 1);
    expect(options.at(-1)?.value).toBe('777');
    expect(options.at(-1)?.label).toContain('777');
  });
});
