/** A message in one of the languages the app speaks; for main and the CLI (the renderer loads zh-CN lazily). */
import { messagesZhCN } from './catalog.zhCN';
import { english } from './english';
import type { MessageLocale } from './locales';
import { type Message, formatMessage } from './template';

export { MESSAGE_LOCALES, type MessageLocale } from './locales';

export function localized(locale: MessageLocale, message: Message): string {
  if (locale === 'zh-CN') return formatMessage(messagesZhCN, message) ?? english(message);
  return english(message);
}
