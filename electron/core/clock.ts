/** Injectable time source, so signing, expiry and waits can be tested at fixed instants. */
export interface Clock {
  /** Wall-clock time, used for X-Date. */
  now(): Date;
  /** Monotonic milliseconds, used for durations. */
  monotonicMs(): number;
  /**
   * Waits `ms` of this clock's monotonic time; resolves false at once when `signal` aborts. A clock
   * without it waits with real timers (see sleepOn).
   */
  sleep?(ms: number, signal?: AbortSignal): Promise<boolean>;
}

/** Resolves true after `ms` of real time, or false as soon as `signal` aborts. */
function realSleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The clock's own sleep, else a real one: true when the wait ran to its end, false when aborted. */
export function sleepOn(clock: Clock, ms: number, signal?: AbortSignal): Promise<boolean> {
  return clock.sleep ? clock.sleep(ms, signal) : realSleep(ms, signal);
}

export const systemClock: Clock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
  sleep: realSleep,
};
