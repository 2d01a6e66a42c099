// The batch's shared rate limiter converges to what a throttling gateway sustains (simulated clock).
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import type { LockResult } from '../../../../shared/result';
import { AdaptiveRate } from '../../../../electron/core/batch/adaptiveRate';
import { type BatchProgress, runBatch } from '../../../../electron/core/batch/runBatch';
import type { HttpResponse, Transport } from '../../../../electron/core/koodrive/transport';
import { createLockService } from '../../../../electron/core/lockService';
import { retryAfterSeconds } from '../../../../electron/sandbox/gateway';
import { TokenBucket } from '../../../../electron/sandbox/tokenBucket';
import { type VirtualClock, virtualClock } from '../../../support/virtualClock';

const profile: Profile = {
  id: 'p',
  name: 'P',
  baseUrl: 'https://gw.example.com',
  userId: '1505084218764547200',
  authMode: 'bearer',
  environment: 'production',
  moduleCode: '102',
};

const ok: HttpResponse = { status: 200, headers: {}, body: Buffer.from('{"code":0,"msg":"success"}') };

/**
 * The sandbox's gateway model (its token bucket and Retry-After) with a fixed latency, on simulated time;
 * from `change.atMs` on, a bucket of another rate takes over (the gateway's limit changed).
 */
function simulatedGateway(
  clock: VirtualClock,
  rate: number,
  latencyMs: number,
  change?: { atMs: number; rate: number },
) {
  const bucket = new TokenBucket(clock, rate, Math.ceil(rate));
  let later: TokenBucket | null = null;
  const accepted: number[] = [];
  let throttled = 0;
  const transport: Transport = async () => {
    await clock.sleep(latencyMs / 2);
    if (change && !later && clock.monotonicMs() >= change.atMs) later = new TokenBucket(clock, change.rate, 1);
    const wait = (later ?? bucket).take();
    await clock.sleep(latencyMs / 2);
    if (wait === 0) {
      accepted.push(clock.monotonicMs());
      return ok;
    }
    throttled += 1;
    return {
      status: 429,
      headers: { 'retry-after': String(retryAfterSeconds(wait)) },
      body: Buffer.from('{"error_code":"APIGW.0308","error_msg":"throttled","request_id":"r"}'),
    };
  };
  return { transport, accepted, throttled: () => throttled };
}

async function simulate(input: {
  locks: number;
  rate: number;
  latencyMs: number;
  concurrency: number;
  pacing: boolean;
  change?: { atMs: number; rate: number };
}) {
  const clock = virtualClock();
  const gateway = simulatedGateway(clock, input.rate, input.latencyMs, input.change);
  let seed = 1;
  const service = createLockService({
    transport: gateway.transport,
    clock,
    secretFor: async () => 'tok-simulated-gateway-1',
    audit: { append: async () => {} },
    source: 'cli',
    osUser: 'sim',
    // A fixed pseudo-random sequence keeps the run deterministic.
    throttleRetry: { random: () => (seed = (seed * 48271) % 2147483647) / 2147483647 },
  });
  const events: BatchProgress[] = [];
  const items = Array.from({ length: input.locks }, (_, i) => `lock-${i}@102`);
  const outcome = await runBatch({
    items,
    concurrency: input.concurrency,
    clock,
    pacing: input.pacing,
    onProgress: (p) => events.push(p),
    execute: (lockId, signal, pacer) => service.run({ operation: 'release', profile, lockId, signal }, { pacer }),
  });
  const failures = outcome.results.filter((r: LockResult) => !r.ok).length;
  return { elapsedSec: clock.monotonicMs() / 1000, failures, throttled: gateway.throttled(), events, outcome };
}

describe('adaptive pacing against a simulated throttling gateway', () => {
  it.each([
    { rate: 200, latencyMs: 20, concurrency: 16 },
    { rate: 50, latencyMs: 80, concurrency: 16 },
  ])('2,000 locks at R = $rate/s, $latencyMs ms: every lock released within 1.1 × N / R', async (gateway) => {
    const paced = await simulate({ locks: 2000, pacing: true, ...gateway });
    const ideal = 2000 / gateway.rate;
    expect(paced.failures).toBe(0);
    expect(paced.elapsedSec).toBeLessThanOrEqual(1.1 * ideal);
    const limit = paced.events.at(-1)?.pacing?.limitPerSec ?? 0;
    expect(limit).toBeGreaterThan(0.85 * gateway.rate);
    expect(limit).toBeLessThan(1.15 * gateway.rate);
  });

  it.each([
    { from: 200, to: 100 },
    { from: 50, to: 150 },
  ])('follows the gateway when its rate changes from $from/s to $to/s mid-batch', async ({ from, to }) => {
    const paced = await simulate({
      locks: 3000,
      rate: from,
      latencyMs: 20,
      concurrency: 32,
      pacing: true,
      change: { atMs: 5000, rate: to },
    });
    expect(paced.failures).toBe(0);
    const limit = paced.events.at(-1)?.pacing?.limitPerSec ?? 0;
    expect(limit).toBeGreaterThan(0.8 * to);
    expect(limit).toBeLessThan(1.2 * to);
  });

  it('without pacing the same batch is throttled far more often', async () => {
    const gateway = { rate: 200, latencyMs: 20, concurrency: 16 };
    const paced = await simulate({ locks: 2000, pacing: true, ...gateway });
    const unpaced = await simulate({ locks: 2000, pacing: false, ...gateway });
    expect(unpaced.throttled).toBeGreaterThan(3 * paced.throttled);
  });
});

describe('AdaptiveRate', () => {
  it('sends without limit until the first throttle', async () => {
    const clock = virtualClock();
    const pacer = new AdaptiveRate(clock);
    for (let i = 0; i < 5; i += 1) expect(await pacer.beforeSend()).toBe(true);
    expect(clock.sleeps).toEqual([]);
    expect(pacer.state()).toEqual({ limitPerSec: null, throttled: 0, waiting: 0, resumeInSec: null });
  });

  it('a throttle cuts the rate to just below what was accepted over the last second; one cut per episode', async () => {
    const clock = virtualClock();
    const pacer = new AdaptiveRate(clock);
    for (let i = 0; i < 100; i += 1) {
      await pacer.beforeSend();
      await clock.sleep(10);
      pacer.afterSend('answered', clock.monotonicMs() - 10);
    }
    const earlier = clock.monotonicMs() - 20;
    pacer.afterSend('throttled', clock.monotonicMs() - 5);
    expect(pacer.state().limitPerSec).toBeCloseTo(95, 0);
    pacer.afterSend('throttled', earlier);
    expect(pacer.state()).toMatchObject({ throttled: 2 });
    expect(pacer.state().limitPerSec).toBeCloseTo(95, 0);

    clock.sleeps.length = 0;
    await pacer.beforeSend();
    await pacer.beforeSend();
    expect(clock.sleeps.every((ms) => ms > 0 && ms <= 1000 / 95 + 1e-9)).toBe(true);
  });

  it('tells how many requests wait for the server and when the first goes again; a cancel ends a pacing wait', async () => {
    const clock = virtualClock();
    const pacer = new AdaptiveRate(clock);
    pacer.afterSend('throttled', 0);
    const done = pacer.retryWait(800);
    pacer.retryWait(1500);
    expect(pacer.state()).toMatchObject({ throttled: 1, waiting: 2, resumeInSec: 0.8 });
    done();
    expect(pacer.state()).toMatchObject({ waiting: 1, resumeInSec: 1.5 });

    const controller = new AbortController();
    await pacer.beforeSend();
    const waiting = pacer.beforeSend(controller.signal);
    controller.abort();
    expect(await waiting).toBe(false);
  });
});
