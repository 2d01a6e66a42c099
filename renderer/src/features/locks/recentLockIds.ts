/**
 * The lock IDs last released or renewed, per profile (see recentList.ts for how they are kept).
 */
import { checkLockId } from '../../../../shared/identifiers';
import {
  type RecentKind,
  type RecentValues,
  clearRecentValues,
  readRecentValues,
  recentValuesFor,
  rememberValue,
} from './recentList';
import type { KeyValueStore } from '../settings/settingsStorage';

export { RECENT_MAX_PROFILES, RECENT_PER_PROFILE } from './recentList';
export const RECENT_KEY = 'koodrive-lock-admin.recentLockIds.v1';

export type RecentLockIds = RecentValues;

const LOCK_IDS: RecentKind = {
  key: RECENT_KEY,
  normalise: (value) => {
    const check = checkLockId(value);
    return check.ok ? check.lockId : null;
  },
};

export function readRecent(store: KeyValueStore | null): RecentLockIds {
  return readRecentValues(LOCK_IDS, store);
}

export function recentFor(store: KeyValueStore | null, profileId: string): readonly string[] {
  return recentValuesFor(LOCK_IDS, store, profileId);
}

/** Puts the lock ID first in the profile's list (once), keeping the newest RECENT_PER_PROFILE. */
export function rememberLockId(store: KeyValueStore | null, profileId: string, lockId: string): boolean {
  return rememberValue(LOCK_IDS, store, profileId, lockId);
}

/** Forgets one profile's recent lock IDs, or every profile's when no profile is given. */
export function clearRecent(store: KeyValueStore | null, profileId?: string): boolean {
  return clearRecentValues(LOCK_IDS, store, profileId);
}
