/**
 * The lock IDs last released or renewed, per profile, as kept in localStorage (one versioned JSON
 * entry: profile ID → lock IDs, newest first). Only profile IDs and lock IDs, never anything secret.
 * Pure: the caller passes the store. Entries that do not look right are dropped when read.
 */
import { checkLockId } from '../../../shared/identifiers';
import { PROFILE_ID_PATTERN } from '../../../shared/profile';
import type { KeyValueStore } from './settingsStorage';

export const RECENT_KEY = 'koodrive-lock-admin.recentLockIds.v1';
export const RECENT_PER_PROFILE = 10;
/** Keeps the entry small even if profiles come and go for years. */
export const RECENT_MAX_PROFILES = 50;

export type RecentLockIds = Readonly<Record<string, readonly string[]>>;

function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  for (const item of value.slice(0, RECENT_PER_PROFILE * 2)) {
    if (typeof item !== 'string') continue;
    const check = checkLockId(item);
    if (check.ok && check.lockId === item && !ids.includes(item)) ids.push(item);
    if (ids.length === RECENT_PER_PROFILE) break;
  }
  return ids;
}

function parse(text: string | null): Record<string, string[]> {
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const result: Record<string, string[]> = {};
  for (const [profileId, list] of Object.entries(value).slice(0, RECENT_MAX_PROFILES)) {
    if (!PROFILE_ID_PATTERN.test(profileId)) continue;
    const ids = cleanList(list);
    if (ids.length > 0) result[profileId] = ids;
  }
  return result;
}

export function readRecent(store: KeyValueStore | null): RecentLockIds {
  if (!store) return {};
  try {
    return parse(store.getItem(RECENT_KEY));
  } catch {
    return {};
  }
}

export function recentFor(store: KeyValueStore | null, profileId: string): readonly string[] {
  const all = readRecent(store);
  return Object.hasOwn(all, profileId) ? all[profileId] : [];
}

function write(store: KeyValueStore, all: Record<string, readonly string[]>): boolean {
  try {
    if (Object.keys(all).length === 0) store.removeItem(RECENT_KEY);
    else store.setItem(RECENT_KEY, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}

/** Puts the lock ID first in the profile's list (once), keeping the newest RECENT_PER_PROFILE. */
export function rememberLockId(store: KeyValueStore | null, profileId: string, lockId: string): boolean {
  const check = checkLockId(lockId);
  if (!store || !PROFILE_ID_PATTERN.test(profileId) || !check.ok) return false;
  const entries = Object.entries(readRecent(store));
  const previous = entries.find(([id]) => id === profileId)?.[1] ?? [];
  const updated = [check.lockId, ...previous.filter((id) => id !== check.lockId)].slice(0, RECENT_PER_PROFILE);
  // The profile just used goes last in key order, so the oldest profiles are the ones dropped.
  const kept = entries.filter(([id]) => id !== profileId).slice(-(RECENT_MAX_PROFILES - 1));
  return write(store, { ...Object.fromEntries(kept), [profileId]: updated });
}

/** Forgets one profile's recent lock IDs, or every profile's when no profile is given. */
export function clearRecent(store: KeyValueStore | null, profileId?: string): boolean {
  if (!store) return false;
  if (profileId === undefined) return write(store, {});
  return write(store, Object.fromEntries(Object.entries(readRecent(store)).filter(([id]) => id !== profileId)));
}
