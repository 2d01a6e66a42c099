/** A message with every text parameter (nested ones too) cleared of the secret, in case a server echoed it. */
import type { Message, MessageValue } from '../../shared/messages/template';

function scrubValue(value: MessageValue, secret: string): MessageValue {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value.includes(secret) ? value.split(secret).join('<redacted>') : value;
  return scrubMessage(value, secret);
}

export function scrubMessage(message: Message, secret: string): Message {
  if (!message.params || secret.length < 4) return message;
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [name, scrubValue(value, secret)]),
  );
  return { key: message.key, params };
}
