import { describe, expect, it } from 'vitest';
import { gatewayFrom, retryAfterSeconds } from '../../../electron/sandbox/gateway';
import { TokenBucket } from '../../../electron/sandbox/tokenBucket';
import { manualClock } from './testClock';

describe('TokenBucket', () => {
  it('accepts a burst at once, then one request per 1/rate seconds', () => {
    const { clock, advance } = manualClock();
    const bucket = new TokenBucket(clock, 10, 3);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBeCloseTo(100, 6);
    advance(60);
    expect(bucket.take()).toBeCloseTo(40, 6);
    advance(40);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBeCloseTo(100, 6);
  });

  it('refills up to the burst only, however long the quiet spell', () => {
    const { clock, advance } = manualClock();
    const bucket = new TokenBucket(clock, 100, 2);
    advance(60_000);
    expect([bucket.take(), bucket.take()]).toEqual([0, 0]);
    expect(bucket.take()).toBeGreaterThan(0);
  });

  it('admits exactly `rate` requests per second over a long run, fractional rates included', () => {
    for (const rate of [3, 0.5, 200]) {
      const { clock, advance } = manualClock();
      const bucket = new TokenBucket(clock, rate, 1);
      let admitted = 0;
      // One attempt per ms for 20 s.
      for (let ms = 0; ms < 20_000; ms += 1) {
        if (bucket.take() === 0) admitted += 1;
        advance(1);
      }
      expect(admitted).toBe(Math.floor(rate * 20) + (rate * 20 === Math.floor(rate * 20) ? 0 : 1));
    }
  });

  it('refills nothing while the clock goes back', () => {
    let now = 1000;
    const bucket = new TokenBucket({ now: () => new Date(now), monotonicMs: () => now }, 1, 1);
    expect(bucket.take()).toBe(0);
    now = 0;
    expect(bucket.take()).toBeCloseTo(1000, 6);
    now = 1000;
    expect(bucket.take()).toBe(0);
  });
});

describe('gateway options', () => {
  const { clock } = manualClock();

  it('is off unless asked for; burst defaults to one second of rate', () => {
    expect(gatewayFrom({}, clock)).toEqual({ throttle: null, latency: null });
    expect(gatewayFrom({ rate: 2.5 }, clock).throttle).toMatchObject({ rate: 2.5, burst: 3 });
    expect(gatewayFrom({ rate: 0.2 }, clock).throttle).toMatchObject({ burst: 1 });
  });

  it('draws latency within latency ± jitter, never below 0', () => {
    const fixed = gatewayFrom({ latencyMs: 20 }, clock).latency;
    expect(fixed?.()).toBe(20);
    const jittered = gatewayFrom({ latencyMs: 80, jitterMs: 30 }, clock).latency;
    const draws = Array.from({ length: 2000 }, () => jittered?.() ?? Number.NaN);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...draws)).toBeLessThanOrEqual(110);
    expect(Math.max(...draws) - Math.min(...draws)).toBeGreaterThan(40);
    const wide = gatewayFrom({ latencyMs: 5, jitterMs: 50 }, clock).latency;
    expect(Math.min(...Array.from({ length: 500 }, () => wide?.() ?? Number.NaN))).toBe(0);
  });

  it.each([
    [{ rate: 0 }, /rate \(--rate\) must be a number of requests per second above 0/],
    [{ rate: Number.NaN }, /rate/],
    [{ burst: 5 }, /burst \(--burst\) needs rate/],
    [{ rate: 5, burst: 0 }, /burst \(--burst\) must be a whole number/],
    [{ rate: 5, burst: 1.5 }, /burst/],
    [{ latencyMs: -1 }, /latencyMs \(--latency\) must be a number of milliseconds/],
    [{ jitterMs: Number.POSITIVE_INFINITY }, /jitterMs \(--jitter\)/],
  ])('refuses %j', (options, problem) => {
    expect(() => gatewayFrom(options, clock)).toThrow(problem);
  });

  it('rounds Retry-After up to whole seconds, at least 1', () => {
    expect([retryAfterSeconds(5), retryAfterSeconds(1000), retryAfterSeconds(1001), retryAfterSeconds(2500)]).toEqual([
      1, 1, 2, 3,
    ]);
  });
});
