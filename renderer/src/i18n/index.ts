/**
 * Every user-visible string goes through t(). Tables are keyed by locale; a new language is one more
 * file, one more entry in TABLES and one more in LOCALES. Keys name the place and purpose, and each
 * value is a whole sentence with named {placeholders}, so word order can change freely.
 *
 * The active language follows the Settings choice, or the system's languages when that is "system",
 * and can change at run time: components that render text call useLocale() (App does, so the whole
 * tree re-renders).
 */
import { setSettings, settings, settingsStore } from '../features/settings/settingsStore';
import { createStore } from '../state/createStore';
import { useStore } from '../state/useStore';
import type { LanguagePreference } from '../features/settings/settingsStorage';
import { type Message, formatMessage } from '../../../shared/messages/template';
import { en, type MessageKey } from './en';
import { type Locale, type MessageParams, type Messages, format, pickLocale } from './locale';

export type { Locale, MessageKey, MessageParams, Messages };
export { pickLocale };

/** English is always loaded; another language's table is its own chunk, loaded when it is first chosen. */
const TABLES: Partial<Record<Locale, Partial<Messages>>> = { en };
/**
 * The tables of main's messages (shared/messages), other languages only: English text comes with every
 * message from main. Loaded with the language's chunk.
 */
const MAIN_TABLES: Partial<Record<Locale, Readonly<Record<string, string>>>> = {};
const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Partial<Messages>>>> = {
  'zh-CN': () =>
    import('./zhCN').then((module) => {
      MAIN_TABLES['zh-CN'] = module.mainMessagesZhCN;
      return module.zhCN;
    }),
};
const loading = new Map<Locale, Promise<void>>();

function loadTable(wanted: Locale): Promise<void> {
  if (wanted === 'en' || TABLES[wanted]) return Promise.resolve();
  let promise = loading.get(wanted);
  if (!promise) {
    promise = LOADERS[wanted]().then((table) => {
      TABLES[wanted] = table;
    });
    loading.set(wanted, promise);
  }
  return promise;
}

function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** What "same as the system" means on this machine right now. */
export function systemLocale(): Locale {
  return pickLocale(systemLanguages());
}

function resolveLocale(): Locale {
  const preference = settings().language;
  return preference === 'system' ? systemLocale() : preference;
}

/** The active locale: the chosen one once its table is loaded (English until then). */
const localeStore = createStore<Locale>('en');
let ready: Promise<void> = Promise.resolve();

function update(): void {
  const wanted = resolveLocale();
  ready = loadTable(wanted).then(
    () => {
      if (resolveLocale() === wanted && localeStore.get() !== wanted) localeStore.set(wanted);
    },
    () => undefined, // a chunk that cannot load leaves the app in English
  );
}

localeStore.subscribe(applyDocumentLanguage);
settingsStore.subscribe(update);
if (typeof window !== 'undefined') window.addEventListener('languagechange', update);
update();

/** Resolves once the chosen language's table is loaded and active (the first render waits for it). */
export function localeReady(): Promise<void> {
  return ready;
}

export function locale(): Locale {
  return localeStore.get();
}

/** The active locale; the calling component re-renders when it changes. */
export function useLocale(): Locale {
  return useStore(localeStore);
}

export function setLanguagePreference(preference: LanguagePreference): void {
  setSettings({ language: preference });
}

export function t(key: MessageKey, params?: MessageParams): string {
  return format(TABLES[localeStore.get()]?.[key] ?? en[key], params);
}

/**
 * A message from main (a remedy, an input check) in the active language: `english` is the text main sent
 * with it, shown in English and whenever no message or no translation is there
 * (docs/renderer.md#messages-from-main-keys-and-parameters).
 */
export function messageText(message: Message | null | undefined, english: string): string {
  const table = MAIN_TABLES[localeStore.get()];
  if (!message || !table) return english;
  return formatMessage(table, message) ?? english;
}

/** A message with a count: the catalogue's `<base>.one`, `.other`, … form that the language's plural rules pick. */
type BaseOfOther<Key> = Key extends `${infer Base}.other` ? Base : never;
export type PluralBase = BaseOfOther<MessageKey>;

const pluralRules = new Map<Locale, Intl.PluralRules>();

export function tCount(base: PluralBase, count: number, params?: MessageParams): string {
  const active = localeStore.get();
  let rules = pluralRules.get(active);
  if (!rules) {
    rules = new Intl.PluralRules(active);
    pluralRules.set(active, rules);
  }
  const key = `${base}.${rules.select(count)}`;
  const other: MessageKey = `${base}.other`;
  return isMessageKey(key) ? t(key, params) : t(other, params);
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function applyDocumentLanguage(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = localeStore.get();
  document.title = t('app.title');
}
