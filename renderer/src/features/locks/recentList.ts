/**
 * Short per-profile lists of recently used values (lock IDs, user IDs), as kept in localStorage: one
 * versioned JSON entry per kind (profile ID → values, newest first). Only profile IDs and the values,
 * never anything secret. Pure: the caller passes the store. Entries that do not look right are
 * dropped when read.
 */
import { PROFILE_ID_PATTERN } from '../../../../shared/profile';
import type { KeyValueStore } from '../settings/settingsStorage';
import { storedObject } from '../../lib/storedObject';

export const RECENT_PER_PROFILE = 10;
/** Keeps the entry small even if profiles come and go for years. */
export const RECENT_MAX_PROFILES = 50;

export type RecentValues = Readonly<Record<string, readonly string[]>>;

export interface RecentKind {
  /** The localStorage key. */
  key: string;
  /** The value as stored, or null when it is not a valid one of this kind. */
  normalise: (value: string) => string | null;
}

function cleanList(kind: RecentKind, value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const values: string[] = [];
  for (const item of value.slice(0, RECENT_PER_PROFILE * 2)) {
    if (typeof item !== 'string') continue;
    if (kind.normalise(item) === item && !values.includes(item)) values.push(item);
    if (values.length === RECENT_PER_PROFILE) break;
  }
  return values;
}

function parse(kind: RecentKind, text: string | null): Record<string, string[]> {
  const stored = storedObject(text);
  if (!stored) return {};
  const result: Record<string, string[]> = {};
  for (const [profileId, list] of Object.entries(stored).slice(0, RECENT_MAX_PROFILES)) {
    if (!PROFILE_ID_PATTERN.test(profileId)) continue;
    const values = cleanList(kind, list);
    if (values.length > 0) result[profileId] = values;
  }
  return result;
}

export function readRecentValues(kind: RecentKind, store: KeyValueStore | null): RecentValues {
  if (!store) return {};
  try {
    return parse(kind, store.getItem(kind.key));
  } catch {
    return {};
  }
}

export function recentValuesFor(kind: RecentKind, store: KeyValueStore | null, profileId: string): readonly string[] {
  const all = readRecentValues(kind, store);
  return Object.hasOwn(all, profileId) ? all[profileId] : [];
}

function write(kind: RecentKind, store: KeyValueStore, all: Record<string, readonly string[]>): boolean {
  try {
    if (Object.keys(all).length === 0) store.removeItem(kind.key);
    else store.setItem(kind.key, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}

/** Puts the value first in the profile's list (once), keeping the newest RECENT_PER_PROFILE. */
export function rememberValue(kind: RecentKind, store: KeyValueStore | null, profileId: string, raw: string): boolean {
  const value = kind.normalise(raw);
  if (!store || !PROFILE_ID_PATTERN.test(profileId) || value === null) return false;
  const entries = Object.entries(readRecentValues(kind, store));
  const previous = entries.find(([id]) => id === profileId)?.[1] ?? [];
  const updated = [value, ...previous.filter((item) => item !== value)].slice(0, RECENT_PER_PROFILE);
  // The profile just used goes last in key order, so the oldest profiles are the ones dropped.
  const kept = entries.filter(([id]) => id !== profileId).slice(-(RECENT_MAX_PROFILES - 1));
  return write(kind, store, { ...Object.fromEntries(kept), [profileId]: updated });
}

/** Forgets one profile's recent values, or every profile's when no profile is given. */
export function clearRecentValues(kind: RecentKind, store: KeyValueStore | null, profileId?: string): boolean {
  if (!store) return false;
  if (profileId === undefined) return write(kind, store, {});
  const kept = Object.entries(readRecentValues(kind, store)).filter(([id]) => id !== profileId);
  return write(kind, store, Object.fromEntries(kept));
}
