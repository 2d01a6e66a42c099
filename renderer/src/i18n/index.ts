/**
 * Every user-visible string goes through t(). Tables are keyed by BCP 47 language (lower case);
 * a new language is one more file and one more entry in TABLES. Keys name the place and purpose,
 * and each value is a whole sentence with named {placeholders}, so word order can change freely.
 */
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Messages = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

const TABLES: Readonly<Record<string, Messages>> = { en };

export function pickLocale(languages: readonly string[]): string {
  for (const language of languages) {
    const tag = language.toLowerCase();
    if (Object.hasOwn(TABLES, tag)) return tag;
    const base = tag.split('-')[0];
    if (Object.hasOwn(TABLES, base)) return base;
  }
  return 'en';
}

const activeLocale = pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
const activeTable: Messages = TABLES[activeLocale];

export function locale(): string {
  return activeLocale;
}

export function t(key: MessageKey, params?: MessageParams): string {
  const template = activeTable[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function applyDocumentLanguage(): void {
  document.documentElement.lang = activeLocale;
  document.title = t('app.title');
}
