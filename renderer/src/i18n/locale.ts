/**
 * The languages the app speaks and how the system's preferred languages map onto them. Pure: no DOM,
 * so the unit tests can import it.
 *
 * Chinese: every Simplified variant (zh, zh-CN, zh-SG, zh-Hans, zh-Hans-*) gets 简体中文. Traditional
 * variants (zh-TW, zh-HK, zh-MO, zh-Hant, zh-Hant-*) do not: their readers are better served by the
 * next language in their list, English if none matches. Everything else falls back to English.
 */
import type { MessageKey } from './en';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)(-|$)/;

function localeOf(language: string): Locale | null {
  const tag = language.trim().toLowerCase().replaceAll('_', '-');
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag.startsWith('zh-')) return TRADITIONAL_CHINESE.test(tag) ? null : 'zh-CN';
  return null;
}

/** The first of the user's languages that the app speaks, else English. */
export function pickLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const match = localeOf(language);
    if (match) return match;
  }
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A complete table of one language: a key missing from a translation is a type error. */
export type Messages = Readonly<Record<MessageKey, string>>;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Fills {named} placeholders; an unknown name stays as written so the gap is visible. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
