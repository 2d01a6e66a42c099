import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../../../renderer/src/i18n/en';
import { zhCN } from '../../../../renderer/src/i18n/zhCN';

const KEYS = Object.keys(en) as MessageKey[];

/** Keys whose Chinese text is rightly the same as the English although it has words: examples. */
const SAME_IN_BOTH: ReadonlySet<string> = new Set(['lockForm.lockIdPlaceholder']);

/** Acronyms (HTTP, CLI), formats (YYYY-MM-DD), symbols and bare placeholders need no translation. */
function hasEnglishWords(template: string): boolean {
  return /[a-z]{2,}/.test(template.replace(/\{\w+\}/g, ''));
}

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('the Simplified Chinese table', () => {
  it('translates every English key', () => {
    const table: Readonly<Record<string, unknown>> = zhCN;
    const untranslated = KEYS.filter((key) => typeof table[key] !== 'string' || String(table[key]).trim() === '');
    expect(untranslated, 'keys of en.ts without a zh-CN translation').toEqual([]);
  });

  it('has no keys that English does not have', () => {
    const extra = Object.keys(zhCN).filter((key) => !Object.hasOwn(en, key));
    expect(extra).toEqual([]);
  });

  it('does not leave English text in place of a translation', () => {
    const copied = KEYS.filter((key) => !SAME_IN_BOTH.has(key) && zhCN[key] === en[key] && hasEnglishWords(en[key]));
    expect(copied, 'zh-CN strings identical to the English').toEqual([]);
  });

  it('keeps exactly the placeholders of the English string', () => {
    const mismatched = KEYS.filter(
      (key) => typeof zhCN[key] === 'string' && placeholders(zhCN[key]).join() !== placeholders(en[key]).join(),
    ).map((key) => ({ key, en: placeholders(en[key]), zh: placeholders(zhCN[key]) }));
    expect(mismatched).toEqual([]);
  });

  it('reads {name} only as a placeholder, never as broken braces', () => {
    const stray = KEYS.filter((key) => typeof zhCN[key] === 'string' && /[{}]/.test(zhCN[key].replace(/\{\w+\}/g, '')));
    expect(stray).toEqual([]);
  });
});
