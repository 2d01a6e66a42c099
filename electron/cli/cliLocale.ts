/**
 * The language of the CLI's remedies and input checks (docs/cli.md#language): the first of LC_ALL,
 * LC_MESSAGES and LANG that is set, as POSIX orders them; Simplified Chinese (zh, zh_CN, zh_SG, zh-Hans) gives
 * zh-CN, anything else (Traditional Chinese included, as in the window) English.
 */
import { type MessageLocale, localized } from '../../shared/messages/localized';
import type { Message } from '../../shared/messages/template';

const TRADITIONAL = /^zh[-_](hant|tw|hk|mo)/i;

export function cliLocale(env: Readonly<Record<string, string | undefined>>): MessageLocale {
  const setting = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  const chinese = /^zh([-_.@]|$)/i.test(setting) && !TRADITIONAL.test(setting);
  return chinese ? 'zh-CN' : 'en';
}

/** A remedy in the CLI's language: English as main made it, another language from its message. */
export function remedyIn(locale: MessageLocale, remedy: string, remedyMessage: Message | undefined): string {
  return locale === 'en' || !remedyMessage ? remedy : localized(locale, remedyMessage);
}
