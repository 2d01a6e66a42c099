import { describe, expect, it, vi } from 'vitest';
import { createWindowLanguage } from '../../../electron/main/windowLanguage';

describe("main's language: the window's once it says, the system's before", () => {
  it('starts with the system language and follows what the window says, telling only of changes', () => {
    const onChange = vi.fn();
    let system = 'zh-CN';
    const language = createWindowLanguage({ systemLocale: () => system, onChange });
    expect(language.current()).toBe('zh-CN');
    system = 'en-GB';
    expect(language.current()).toBe('en');

    language.setLanguage('en');
    expect(onChange).not.toHaveBeenCalled();
    language.setLanguage('zh-CN');
    expect(onChange).toHaveBeenLastCalledWith('zh-CN');
    system = 'fr-FR';
    expect(language.current()).toBe('zh-CN');
    language.setLanguage('zh-CN');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reads Traditional Chinese systems as English until the window says otherwise', () => {
    const language = createWindowLanguage({ systemLocale: () => 'zh-TW', onChange: vi.fn() });
    expect(language.current()).toBe('en');
  });
});
