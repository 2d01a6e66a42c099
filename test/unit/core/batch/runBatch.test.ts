import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../electron/core/clock';
import { type BatchProgress, runBatch } from '../../../../electron/core/batch/runBatch';
import type { LockResult } from '../../../../shared/result';

function resultFor(lockId: string, ok = true): LockResult {
  return {
    ok,
    kind: ok ? 'success' : 'not-found',
    operation: 'release',
    host: '127.0.0.1',
    httpStatus: ok ? 200 : 400,
    code: ok ? '0' : '13000309',
    msg: null,
    lockId,
    durationMs: 1,
    userId: null,
    remedy: '',
    remedyMessage: { key: 'note.noAnswer' },
  };
}

const ids = (count: number) => Array.from({ length: count }, (_, index) => `lock-${index}@102`);
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock the test moves by hand. */
function manualClock(): Clock & { advance(ms: number): void } {
  let ms = 0;
  return { now: () => new Date(ms), monotonicMs: () => ms, advance: (by) => (ms += by) };
}

describe('runBatch', () => {
  it.each([1, 3, 8, 32])('never has more than %i requests in flight, and runs every ID once', async (concurrency) => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: string[] = [];
    const outcome = await runBatch({
      items: ids(60),
      concurrency,
      execute: async (lockId) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        seen.push(lockId);
        await tick(Math.random() * 3);
        inFlight -= 1;
        return resultFor(lockId);
      },
    });
    expect(maxInFlight).toBe(concurrency);
    expect(seen.sort()).toEqual(ids(60).sort());
    expect(outcome.results).toHaveLength(60);
    expect(outcome).toMatchObject({ cancelled: false, notSent: 0 });
  });

  it('rejects a concurrency outside 1..32', async () => {
    const execute = async (lockId: string) => resultFor(lockId);
    await expect(runBatch({ items: ids(2), concurrency: 0, execute })).rejects.toThrow(RangeError);
    await expect(runBatch({ items: ids(2), concurrency: 33, execute })).rejects.toThrow(RangeError);
    await expect(runBatch({ items: ids(2), concurrency: 1.5, execute })).rejects.toThrow(RangeError);
  });

  it('on cancel lets requests in flight finish and sends nothing more', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const finished: string[] = [];
    const outcome = await runBatch({
      items: ids(40),
      concurrency: 4,
      signal: controller.signal,
      execute: async (lockId, signal) => {
        started.push(lockId);
        if (started.length === 20) controller.abort();
        await tick(2);
        expect(signal.aborted).toBe(false);
        finished.push(lockId);
        return resultFor(lockId);
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(started.length).toBe(20);
    expect(finished.sort()).toEqual(started.sort());
    expect(outcome.results.map((r) => r.lockId).sort()).toEqual(started.sort());
    expect(outcome.notSent).toBe(20);
  });

  it('sends nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const outcome = await runBatch({
      items: ids(5),
      concurrency: 2,
      signal: controller.signal,
      execute: async (lockId) => {
        calls += 1;
        return resultFor(lockId);
      },
    });
    expect(calls).toBe(0);
    expect(outcome).toEqual({ results: [], cancelled: true, notSent: 5, unsent: ids(5) });
  });

  it('passes abortInFlight to the requests in flight', async () => {
    const stop = new AbortController();
    const hard = new AbortController();
    const outcome = await runBatch({
      items: ids(10),
      concurrency: 3,
      signal: stop.signal,
      abortInFlight: hard.signal,
      execute: (lockId, signal) =>
        new Promise<LockResult>((resolve) => {
          stop.abort();
          hard.abort();
          if (signal.aborted) resolve({ ...resultFor(lockId, false), kind: 'cancelled', httpStatus: null });
        }),
    });
    expect(outcome.results.map((r) => r.kind)).toEqual(['cancelled']);
    expect(outcome.notSent).toBe(9);
  });

  it('stops sending after execute throws and rejects with that error', async () => {
    let calls = 0;
    const promise = runBatch({
      items: ids(10),
      concurrency: 2,
      execute: async (lockId) => {
        calls += 1;
        await tick(1);
        if (lockId === 'lock-2@102') throw new Error('keychain locked');
        return resultFor(lockId);
      },
    });
    await expect(promise).rejects.toThrow('keychain locked');
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('reports consistent, throttled progress and one final event', async () => {
    const clock = manualClock();
    const events: BatchProgress[] = [];
    const results: LockResult[] = [];
    const outcome = await runBatch({
      items: ids(30),
      concurrency: 3,
      clock,
      onResult: (r) => results.push(r),
      onProgress: (p) => events.push(p),
      execute: async (lockId) => {
        await tick();
        clock.advance(25);
        return resultFor(lockId, !lockId.endsWith('7@102'));
      },
    });
    // 30 results 25 ms apart over ~750 ms: throttled to one event per 100 ms plus the first and the final one.
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events.length).toBeLessThanOrEqual(12);
    for (const p of events) {
      expect(p.done + p.inFlight + p.remaining).toBe(30);
      expect(p.failed).toBeLessThanOrEqual(p.done);
      expect(p.inFlight).toBeLessThanOrEqual(3);
    }
    for (let i = 1; i < events.length; i += 1) expect(events[i].done).toBeGreaterThanOrEqual(events[i - 1].done);
    const last = events[events.length - 1];
    expect(last).toMatchObject({ done: 30, failed: 3, remaining: 0, inFlight: 0, etaSec: 0 });
    expect(last.ratePerSec).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ done: 0, etaSec: null });
    expect(results).toEqual(outcome.results);
  });

  it('estimates the time left from the rate so far', async () => {
    const clock = manualClock();
    const events: BatchProgress[] = [];
    await runBatch({
      items: ids(20),
      concurrency: 1,
      clock,
      onProgress: (p) => events.push(p),
      execute: async (lockId) => {
        clock.advance(100);
        return resultFor(lockId);
      },
    });
    const middle = events.find((p) => p.done === 10);
    expect(middle?.ratePerSec).toBeCloseTo(10);
    expect(middle?.etaSec).toBeCloseTo(1);
  });

  it('pauses after 5 consecutive connection failures: the rest are not sent and listed', async () => {
    let calls = 0;
    const outcome = await runBatch({
      items: ids(40),
      concurrency: 1,
      execute: async (lockId) => {
        calls += 1;
        if (calls <= 3) return resultFor(lockId);
        return { ...resultFor(lockId, false), kind: 'network', httpStatus: null };
      },
    });
    expect(calls).toBe(8);
    expect(outcome).toMatchObject({
      cancelled: false,
      notSent: 32,
      paused: { reason: 'server-unreachable', connectionFailures: 5 },
    });
    expect(outcome.unsent).toEqual(ids(40).slice(8));
  });

  it('an HTTP answer resets the count of connection failures; 0 turns the pause off', async () => {
    let calls = 0;
    const flaky = async (lockId: string) => {
      calls += 1;
      if (calls % 4 === 0) return resultFor(lockId, false);
      return { ...resultFor(lockId, false), kind: 'network' as const, httpStatus: null };
    };
    const outcome = await runBatch({ items: ids(20), concurrency: 1, execute: flaky });
    expect(outcome.paused).toBeUndefined();
    expect(outcome.notSent).toBe(0);
    calls = 0;
    const dead = async (lockId: string) => ({
      ...resultFor(lockId, false),
      kind: 'network' as const,
      httpStatus: null,
    });
    const never = await runBatch({ items: ids(20), concurrency: 2, execute: dead, pauseAfterConnectionFailures: 0 });
    expect(never.results).toHaveLength(20);
  });

  it('hands every worker the same rate limiter, and none with pacing off', async () => {
    const seen = new Set<unknown>();
    const outcome = await runBatch({
      items: ids(12),
      concurrency: 4,
      execute: async (lockId, _signal, pacer) => {
        seen.add(pacer);
        await tick(1);
        return resultFor(lockId);
      },
      onProgress: () => {},
    });
    expect(outcome.results).toHaveLength(12);
    expect(seen.size).toBe(1);
    expect([...seen][0]).toBeDefined();
    const off = new Set<unknown>();
    await runBatch({
      items: ids(3),
      concurrency: 2,
      pacing: false,
      execute: async (id, _s, p) => (off.add(p), resultFor(id)),
    });
    expect([...off]).toEqual([undefined]);
  });
});
