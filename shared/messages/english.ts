/** A message in English: the text main puts next to every key (results, CSV exports, the CLI's default). */
import { messagesEn } from './catalog.en';
import { type Message, formatMessage } from './template';

export function english(message: Message): string {
  return formatMessage(messagesEn, message) ?? message.key;
}
