/**
 * The live display preferences: read once from localStorage, changed through setSettings, observed
 * with subscribeSettings (React: useSettings). Also the one place that touches window.localStorage.
 */
import { useSyncExternalStore } from 'react';
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

let current: Settings = readSettings(browserStore());
const listeners = new Set<() => void>();

export function settings(): Settings {
  return current;
}

export function setSettings(change: Partial<Settings>): void {
  const next = { ...current, ...change };
  if (next.language === current.language && next.theme === current.theme) return;
  current = next;
  writeSettings(browserStore(), current);
  for (const listener of [...listeners]) listener();
}

export function subscribeSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribeSettings, settings);
}

/** The CSS tokens in base.css follow data-theme on <html>; without it they follow the system. */
export function applyTheme(theme: ThemePreference): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
