/**
 * "Sign with server time": the clock offset the clock check suggested, per profile, while the user keeps
 * it switched on. In memory only, so it ends with the app; lock operations read it when they are sent.
 */
import { useSyncExternalStore } from 'react';

const offsets = new Map<string, number>();
const listeners = new Set<() => void>();

export function clockOffsetFor(profileId: string): number | undefined {
  return offsets.get(profileId);
}

/** null switches it off for the profile. */
export function setClockOffset(profileId: string, offsetMs: number | null): void {
  if (offsetMs === null) offsets.delete(profileId);
  else offsets.set(profileId, Math.trunc(offsetMs));
  for (const listener of [...listeners]) listener();
}

export function subscribeClockOffsets(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The active offset of a profile; the component re-renders when it changes. */
export function useClockOffset(profileId: string): number | undefined {
  return useSyncExternalStore(subscribeClockOffsets, () => offsets.get(profileId));
}

/** "+91.7" or "−3.0": seconds with a sign, for the UI. */
export function offsetSeconds(offsetMs: number): string {
  const seconds = (Math.abs(offsetMs) / 1000).toFixed(1);
  return `${offsetMs < 0 ? '−' : '+'}${seconds}`;
}
