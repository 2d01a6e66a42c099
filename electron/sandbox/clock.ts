/** The sandbox's time source, injectable so tests can fix or move time. */
export interface SandboxClock {
  /** Wall-clock time: X-Date checks, lock expiry, record times, the Date header, the request log. */
  now(): Date;
  /** Monotonic milliseconds: the gateway's token bucket. */
  monotonicMs(): number;
}

export const systemClock: SandboxClock = {
  now: () => new Date(),
  monotonicMs: () => performance.now(),
};
