import { useSyncExternalStore } from 'react';
import { clearRecent, readRecent, recentFor, rememberLockId } from '../lib/recentLockIds';
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

/** Forgets one profile's recent lock IDs, or every profile's. */
export function clearRecentLockIds(profileId?: string): void {
  clearRecent(browserStore(), profileId);
  changed();
}

/** The profile's recent lock IDs, newest first; re-renders when they change. */
export function useRecentLockIds(profileId: string): readonly string[] {
  useSyncExternalStore(subscribe, () => version);
  return recentFor(browserStore(), profileId);
}

/** Whether any profile has recent lock IDs stored; re-renders when that changes. */
export function useAnyRecentLockIds(): boolean {
  useSyncExternalStore(subscribe, () => version);
  return Object.keys(readRecent(browserStore())).length > 0;
}
