/**
 * The end users (X-User-Id) last acted for, per profile (see recentList.ts for how they are kept).
 * User IDs stay text: a 19-digit ID does not fit a JavaScript number.
 */
import { userIdProblem } from '../../../../shared/identifiers';
import { type RecentKind, clearRecentValues, readRecentValues, recentValuesFor, rememberValue } from './recentList';
import type { KeyValueStore } from '../settings/settingsStorage';

export const RECENT_USERS_KEY = 'koodrive-lock-admin.recentUserIds.v1';

const USER_IDS: RecentKind = {
  key: RECENT_USERS_KEY,
  normalise: (value) => {
    const trimmed = value.trim();
    return userIdProblem(trimmed) === null ? trimmed : null;
  },
};

export function readRecentUsers(store: KeyValueStore | null): Readonly<Record<string, readonly string[]>> {
  return readRecentValues(USER_IDS, store);
}

export function recentUsersFor(store: KeyValueStore | null, profileId: string): readonly string[] {
  return recentValuesFor(USER_IDS, store, profileId);
}

export function rememberUserId(store: KeyValueStore | null, profileId: string, userId: string): boolean {
  return rememberValue(USER_IDS, store, profileId, userId);
}

export function clearRecentUsers(store: KeyValueStore | null, profileId?: string): boolean {
  return clearRecentValues(USER_IDS, store, profileId);
}
