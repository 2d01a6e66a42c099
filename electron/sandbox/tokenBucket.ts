import type { SandboxClock } from './clock';

/**
 * The simulated gateway's request limit: a bucket of `burst` tokens, refilled at `rate` per second
 * of the clock's monotonic time; each request takes one token or is throttled.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly clock: SandboxClock,
    readonly rate: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
    this.lastMs = clock.monotonicMs();
  }

  /** Takes a token: 0 when one was there, otherwise the ms until the next one (nothing is taken). */
  take(): number {
    const now = this.clock.monotonicMs();
    // A clock that went back refills nothing.
    if (now > this.lastMs) this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastMs) * this.rate) / 1000);
    this.lastMs = now;
    // The tolerance keeps sums of fractional refills (rate 3: 333.33 ms per token) from missing a token.
    if (this.tokens >= 1 - 1e-9) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) * 1000) / this.rate;
  }
}
