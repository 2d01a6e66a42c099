/** Builds a message whose parameters are exactly its English template's placeholders (checked at compile time). */
import type { MessageCatalog, MessageKey } from './catalog.en';
import type { Message, MessageValue, ParamNames } from './template';

export type MessageParamsOf<Key extends MessageKey> = {
  readonly [Name in ParamNames<MessageCatalog[Key]>]: MessageValue;
};

type ParamsArgument<Key extends MessageKey> = [ParamNames<MessageCatalog[Key]>] extends [never]
  ? []
  : [params: MessageParamsOf<Key>];

export function message<Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): Message {
  const [given] = params;
  return given === undefined ? { key } : { key, params: given };
}
