/**
 * Messages as main sends them: a key of the catalogue and its parameters, rendered in the reader's language
 * by a table of `{placeholder}` templates (docs/renderer.md#messages-from-main-keys-and-parameters).
 * Imports nothing but the key type, so every layer can use it.
 */
import type { MessageKey } from './catalog.en';

/** A parameter: text, a number, or another message (words of the same language, never glued English). */
export type MessageValue = string | number | Message;

export interface Message {
  readonly key: MessageKey;
  readonly params?: { readonly [name: string]: MessageValue };
}

/** The `{name}` placeholders of a template, as a union of names. */
export type ParamNames<Template extends string> = Template extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The keys of `Table` that are not a faithful translation of `English`: missing, extra, or other placeholders. */
export type Untranslated<English extends Readonly<Record<string, string>>, Table> =
  | {
      [Key in keyof English]: Key extends keyof Table
        ? Table[Key] extends string
          ? Same<ParamNames<English[Key]>, ParamNames<Table[Key]>> extends true
            ? never
            : Key
          : Key
        : Key;
    }[keyof English]
  | Exclude<keyof Table, keyof English>;

/** What `translated` gives for a table that is not a faithful translation: its faulty keys, by name. */
export interface NotATranslation<Keys> {
  readonly notATranslationOf: Keys;
}

/**
 * Checks a translation table against its English table at compile time:
 * `translated<typeof remediesEn>()({ ... })` is the table when every key of English has a translation with
 * the same `{placeholders}` and no other key is there; otherwise a NotATranslation naming the faulty keys,
 * which the merged catalogue (catalog.zhCN.ts) refuses to take.
 */
export function translated<English extends Readonly<Record<string, string>>>() {
  return <const Table extends Readonly<Record<string, string>>>(
    table: Table,
  ): [Untranslated<English, Table>] extends [never] ? Table : NotATranslation<Untranslated<English, Table>> =>
    table as never;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names of a template, in order of appearance, each once. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * Renders a message with a table; nested messages with the same table. A key the table lacks gives null
 * (the caller falls back to English); an unknown placeholder stays as written so the gap is visible.
 */
export function formatMessage(table: Readonly<Partial<Record<string, string>>>, message: Message): string | null {
  const template = table[message.key];
  if (template === undefined) return null;
  const params = message.params ?? {};
  let missing = false;
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (value === undefined) return whole;
    const nested = formatMessage(table, value);
    if (nested === null) missing = true;
    return nested ?? whole;
  });
  return missing ? null : text;
}
