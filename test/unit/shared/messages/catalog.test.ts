import { describe, expect, it } from 'vitest';
import { messagesEn } from '../../../../shared/messages/catalog.en';
import { messagesZhCN } from '../../../../shared/messages/catalog.zhCN';
import { localized } from '../../../../shared/messages/localized';
import { message } from '../../../../shared/messages/message';
import { placeholdersOf } from '../../../../shared/messages/template';
import { scrubMessage } from '../../../../electron/core/scrubMessage';

/** Every key with its problem: missing from one table, or other placeholders than the English template. */
export function untranslated(
  english: Readonly<Record<string, string>>,
  translation: Readonly<Partial<Record<string, string>>>,
): string[] {
  const problems: string[] = [];
  for (const [key, template] of Object.entries(english)) {
    const translated = translation[key];
    if (translated === undefined) problems.push(`${key}: no translation`);
    else if (placeholdersOf(translated).sort().join() !== placeholdersOf(template).sort().join())
      problems.push(
        `${key}: placeholders {${placeholdersOf(translated).join('}{')}} instead of {${placeholdersOf(template).join('}{')}}`,
      );
  }
  for (const key of Object.keys(translation)) if (!Object.hasOwn(english, key)) problems.push(`${key}: not in English`);
  return problems;
}

describe('message catalogue', () => {
  it('has a zh-CN translation of every English key, with the same placeholders, and no other key', () => {
    expect(untranslated(messagesEn, messagesZhCN)).toEqual([]);
  });

  it('finds a key removed from the translation, and one with a placeholder renamed', () => {
    const withoutDns = Object.fromEntries(Object.entries(messagesZhCN).filter(([key]) => key !== 'remedy.dns'));
    expect(untranslated(messagesEn, withoutDns)).toEqual(['remedy.dns: no translation']);
    const renamed = { ...messagesZhCN, 'remedy.notKooDrive': '服务器返回了 HTTP {code}' };
    expect(untranslated(messagesEn, renamed)).toEqual(['remedy.notKooDrive: placeholders {code} instead of {status}']);
  });

  it('renders nested messages in one language', () => {
    const skew = message('remedy.clock.skew', {
      amount: message('amount.minutes', { count: 20 }),
      direction: message('direction.behind'),
    });
    expect(localized('en', skew)).toMatch(/^This computer's clock is about 20 minutes behind the server's/);
    expect(localized('zh-CN', skew)).toMatch(/^本机时钟比服务器慢约 20 分钟/);
  });

  it('takes the secret out of every text parameter, nested ones too', () => {
    const secret = 'app-secret-Zx81';
    const leaked = message('records.cursorRefused', {
      serverSaid: message('records.serverSaid', { said: `code 1: bad header ${secret}` }),
    });
    const scrubbed = scrubMessage(leaked, secret);
    expect(JSON.stringify(scrubbed)).not.toContain(secret);
    expect(localized('en', scrubbed)).toContain('bad header <redacted>');
  });
});
