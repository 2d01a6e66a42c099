import { clearRecent, readRecent, recentFor, rememberLockId } from './recentLockIds';
import { clearRecentUsers, readRecentUsers, recentUsersFor, rememberUserId } from './recentUserIds';
import { browserStore } from '../settings/settingsStore';
import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';

/** The lists live in localStorage; this counts their changes so the hooks below re-read them. */
const version = createStore(0);

function changed(): void {
  version.set((count) => count + 1);
}

export function rememberRecentLockId(profileId: string, lockId: string): void {
  rememberLockId(browserStore(), profileId, lockId);
  changed();
}

export function rememberRecentUserId(profileId: string, userId: string): void {
  rememberUserId(browserStore(), profileId, userId);
  changed();
}

/** Forgets one profile's recent lock IDs and users, or every profile's. */
export function clearRecentLockIds(profileId?: string): void {
  clearRecent(browserStore(), profileId);
  clearRecentUsers(browserStore(), profileId);
  changed();
}

/** The profile's recent lock IDs, newest first; re-renders when they change. */
export function useRecentLockIds(profileId: string): readonly string[] {
  useStore(version);
  return recentFor(browserStore(), profileId);
}

/** The users the profile last acted for, newest first; re-renders when they change. */
export function useRecentUserIds(profileId: string): readonly string[] {
  useStore(version);
  return recentUsersFor(browserStore(), profileId);
}

/** Whether any profile has recent lock IDs or users stored; re-renders when that changes. */
export function useAnyRecentLockIds(): boolean {
  useStore(version);
  const store = browserStore();
  return Object.keys(readRecent(store)).length > 0 || Object.keys(readRecentUsers(store)).length > 0;
}
