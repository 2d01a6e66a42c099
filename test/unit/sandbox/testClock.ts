import type { Clock } from '../../../electron/core/clock';

/** A clock that moves only when told to. */
export function manualClock(startMs = Date.UTC(2025, 0, 15, 8, 30, 0)): { clock: Clock; advance(ms: number): void } {
  let now = startMs;
  return {
    clock: { now: () => new Date(now), monotonicMs: () => now - startMs },
    advance: (ms) => {
      now += ms;
    },
  };
}
