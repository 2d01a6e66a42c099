/** Injectable time source, so signing and expiry can be tested at fixed instants. */
export interface Clock {
  /** Wall-clock time, used for X-Date. */
  now(): Date;
  /** Monotonic milliseconds, used for durations. */
  monotonicMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
};

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()), monotonicMs: () => 0 };
}
