import type { SandboxClock } from '../../../electron/sandbox/clock';

/** A clock that moves only when told to. */
export function manualClock(startMs = Date.UTC(2025, 0, 15, 8, 30, 0)): {
  clock: SandboxClock;
  advance(ms: number): void;
} {
  let now = startMs;
  return {
    clock: { now: () => new Date(now), monotonicMs: () => now - startMs },
    advance: (ms) => {
      now += ms;
    },
  };
}
