/**
 * The user's display preferences as kept in localStorage (one versioned JSON entry). Pure: the caller
 * passes the store, so tests can use a map. Anything unreadable is replaced by the defaults.
 */
import { type Locale, isLocale } from '../../i18n/locale';
import { TIME_ZONE_CHOICES, type TimeZoneChoice } from '../../lib/dateTime';
import { storedObject } from '../../lib/storedObject';

export type LanguagePreference = 'system' | Locale;
export type ThemePreference = 'system' | 'light' | 'dark';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

export interface Settings {
  language: LanguagePreference;
  theme: ThemePreference;
  /** The zone every time on screen is shown in (docs/user-guide.md#time). */
  timeZone: TimeZoneChoice;
}

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SETTINGS_KEY = 'koodrive-lock-admin.settings.v1';
export const DEFAULT_SETTINGS: Settings = { language: 'system', theme: 'system', timeZone: 'local' };

function isLanguagePreference(value: unknown): value is LanguagePreference {
  return value === 'system' || isLocale(value);
}

function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

function isTimeZoneChoice(value: unknown): value is TimeZoneChoice {
  return typeof value === 'string' && (TIME_ZONE_CHOICES as readonly string[]).includes(value);
}

function parse(text: string | null): Settings {
  const record = storedObject(text);
  if (!record) return DEFAULT_SETTINGS;
  return {
    language: isLanguagePreference(record.language) ? record.language : DEFAULT_SETTINGS.language,
    theme: isThemePreference(record.theme) ? record.theme : DEFAULT_SETTINGS.theme,
    timeZone: isTimeZoneChoice(record.timeZone) ? record.timeZone : DEFAULT_SETTINGS.timeZone,
  };
}

export function readSettings(store: KeyValueStore | null): Settings {
  if (!store) return DEFAULT_SETTINGS;
  try {
    return parse(store.getItem(SETTINGS_KEY));
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** False when the store refused the write (quota, storage disabled): the choice then lasts until the app closes. */
export function writeSettings(store: KeyValueStore | null, settings: Settings): boolean {
  if (!store) return false;
  try {
    store.setItem(
      SETTINGS_KEY,
      JSON.stringify({ language: settings.language, theme: settings.theme, timeZone: settings.timeZone }),
    );
    return true;
  } catch {
    return false;
  }
}
