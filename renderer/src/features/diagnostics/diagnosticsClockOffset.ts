/**
 * "Sign with server time": the clock offset the clock check suggested, per profile, while the user keeps
 * it switched on. In memory only, so it ends with the app; lock operations read it when they are sent.
 */
import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';

const offsets = createStore<ReadonlyMap<string, number>>(new Map());

export function clockOffsetFor(profileId: string): number | undefined {
  return offsets.get().get(profileId);
}

/** null switches it off for the profile. */
export function setClockOffset(profileId: string, offsetMs: number | null): void {
  offsets.set((current) => {
    const next = new Map(current);
    if (offsetMs === null) next.delete(profileId);
    else next.set(profileId, Math.trunc(offsetMs));
    return next;
  });
}

/** The active offset of a profile; the component re-renders when it changes. */
export function useClockOffset(profileId: string): number | undefined {
  return useStore(offsets, (all) => all.get(profileId));
}

/** "+91.7" or "−3.0": seconds with a sign, for the UI. */
export function offsetSeconds(offsetMs: number): string {
  const seconds = (Math.abs(offsetMs) / 1000).toFixed(1);
  return `${offsetMs < 0 ? '−' : '+'}${seconds}`;
}
