import type { Clock } from '../../electron/core/clock';

/** A clock stopped at `at`: X-Date is always the same and no time passes. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()), monotonicMs: () => 0 };
}
