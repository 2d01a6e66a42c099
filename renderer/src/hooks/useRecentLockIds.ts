import { useSyncExternalStore } from 'react';
import { clearRecent, readRecent, recentFor, rememberLockId } from '../lib/recentLockIds';
import { clearRecentUsers, readRecentUsers, recentUsersFor, rememberUserId } from '../lib/recentUserIds';
import { browserStore } from '../lib/settingsStore';

let version = 0;
const listeners = new Set<() => void>();

function changed(): void {
  version += 1;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
  useSyncExternalStore(subscribe, () => version);
  return recentFor(browserStore(), profileId);
}

/** The users the profile last acted for, newest first; re-renders when they change. */
export function useRecentUserIds(profileId: string): readonly string[] {
  useSyncExternalStore(subscribe, () => version);
  return recentUsersFor(browserStore(), profileId);
}

/** Whether any profile has recent lock IDs or users stored; re-renders when that changes. */
export function useAnyRecentLockIds(): boolean {
  useSyncExternalStore(subscribe, () => version);
  const store = browserStore();
  return Object.keys(readRecent(store)).length > 0 || Object.keys(readRecentUsers(store)).length > 0;
}
