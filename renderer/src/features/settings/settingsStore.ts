/**
 * The live display preferences: read once from localStorage, changed through setSettings, observed
 * through settingsStore (React: useSettings). Also the one place that touches window.localStorage.
 */
import type { TimeZoneChoice } from '../../lib/dateTime';
import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import {
  type KeyValueStore,
  type Settings,
  type ThemePreference,
  readSettings,
  writeSettings,
} from './settingsStorage';

/** localStorage, or null where reading it throws (storage disabled) or outside a browser. */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const settingsStore = createStore<Settings>(readSettings(browserStore()));

export function settings(): Settings {
  return settingsStore.get();
}

export function setSettings(change: Partial<Settings>): void {
  const current = settingsStore.get();
  const next = { ...current, ...change };
  if (next.language === current.language && next.theme === current.theme && next.timeZone === current.timeZone) {
    return;
  }
  writeSettings(browserStore(), next);
  settingsStore.set(next);
}

export function useSettings(): Settings {
  return useStore(settingsStore);
}

/** The zone times are shown in, for text built outside React (components call useTimeZoneChoice to follow it). */
export function timeZoneChoice(): TimeZoneChoice {
  return settingsStore.get().timeZone;
}

/** Re-renders the caller when the time zone setting changes. */
export function useTimeZoneChoice(): TimeZoneChoice {
  return useStore(settingsStore, selectTimeZone);
}

function selectTimeZone(current: Settings): TimeZoneChoice {
  return current.timeZone;
}

/** The CSS tokens in base.css follow data-theme on <html>; without it they follow the system. */
export function applyTheme(theme: ThemePreference): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
