// The sandbox as a throttling gateway (token bucket, 429 APIGW.0308 + Retry-After) with latency.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/sandbox-gateway.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/core/clock';
import { startSandbox } from '../../electron/sandbox/server';
import type { RunningSandbox, SandboxOptions } from '../../electron/sandbox/server';
import { lockCall, manualClock, rawRequest } from '../support/sandboxHttp';

const running: RunningSandbox[] = [];

async function start(options: SandboxOptions = {}) {
  const { clock, advance } = manualClock();
  const sandbox = await startSandbox({ clock, ...options });
  running.push(sandbox);
  return { sandbox, clock, advance };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.stop()));
});

describe('sandbox gateway: request rate (token bucket on the sandbox clock)', () => {
  it('answers beyond the burst with 429, Retry-After and the APIG body, without processing; recovers after the delay', async () => {
    const { sandbox, clock, advance } = await start({ rate: 2, burst: 2 });
    const [first, second, third] = sandbox.seededLockIds;
    expect((await lockCall(sandbox, clock, { lockId: first })).status).toBe(200);
    expect((await lockCall(sandbox, clock, { lockId: second, auth: 'app' })).status).toBe(200);

    const throttled = await lockCall(sandbox, clock, { lockId: third });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(throttled.json).toEqual({
      error_code: 'APIGW.0308',
      error_msg:
        'The throttling threshold has been reached: this sandbox accepts 2 requests per second (bursts of 2); retry after 1 s',
      request_id: throttled.headers['x-request-id'],
    });
    expect(throttled.headers.date).toBe(clock.now().toUTCString());
    expect(sandbox.activeLockIds()).toEqual([third]);
    expect(sandbox.received().at(-1)).toMatchObject({ method: 'DELETE', lockId: third, outcome: 'rejected:throttled' });

    advance(499);
    expect((await lockCall(sandbox, clock, { lockId: third })).status).toBe(429);
    advance(1);
    const retried = await lockCall(sandbox, clock, { lockId: third });
    expect(retried.status).toBe(200);
    expect(sandbox.activeLockIds()).toEqual([]);
    expect(sandbox.received().map((r) => r.outcome)).toEqual([
      'released',
      'released',
      'rejected:throttled',
      'rejected:throttled',
      'released',
    ]);
  });

  it('says how long to wait in whole seconds, rounded up', async () => {
    const { sandbox, clock, advance } = await start({ rate: 0.25, burst: 1 });
    expect((await lockCall(sandbox, clock, { lockId: 'x@1' })).status).toBe(400);
    expect((await lockCall(sandbox, clock, { lockId: 'x@1' })).headers['retry-after']).toBe('4');
    advance(2500);
    const later = await lockCall(sandbox, clock, { lockId: 'x@1' });
    expect(later.headers['retry-after']).toBe('2');
    expect(later.json?.error_msg).toMatch(/accepts 0.25 requests per second \(bursts of 1\); retry after 2 s$/);
  });

  it('a throttled request uses up no fault, is not authenticated, and admin requests are never throttled', async () => {
    const { sandbox, clock, advance } = await start({ rate: 1, burst: 1 });
    const host = { Host: new URL(sandbox.url).host };
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] })).status).toBe(200);
    sandbox.setFault({ kind: 'status', status: 503 }, 1);
    const throttled = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[1], token: 'wrong' });
    expect(throttled.status).toBe(429);
    for (let i = 0; i < 3; i += 1) {
      expect((await rawRequest(sandbox.url, { method: 'GET', path: '/_sandbox/locks', headers: host })).status).toBe(
        200,
      );
    }
    advance(1000);
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[1] })).status).toBe(503);
    advance(1000);
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[1] })).status).toBe(200);
  });

  it('recovers by real time with the system clock', async () => {
    const sandbox = await startSandbox({ rate: 5, burst: 1 });
    running.push(sandbox);
    const clock = systemClock;
    const [first, second] = sandbox.seededLockIds;
    expect((await lockCall(sandbox, clock, { lockId: first })).status).toBe(200);
    const throttled = await lockCall(sandbox, clock, { lockId: second });
    // On a slow machine the token may be back already; then there is nothing to wait for.
    if (throttled.status === 429) {
      expect(sandbox.activeLockIds()).toContain(second);
      await new Promise((resolve) => setTimeout(resolve, Number(throttled.headers['retry-after']) * 1000));
    }
    expect((await lockCall(sandbox, clock, { lockId: second })).status).toBe(200);
  });
});

describe('sandbox gateway: latency', () => {
  const timed = async (call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    return performance.now() - started;
  };

  it('answers every API request at least the latency late, the lock operation included', async () => {
    const { sandbox, clock } = await start({ latencyMs: 150 });
    const elapsed = await timed(() => lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] }));
    expect(elapsed).toBeGreaterThanOrEqual(149);
    expect(sandbox.activeLockIds()).toHaveLength(2);
    const host = { Host: new URL(sandbox.url).host };
    const admin = await timed(() => rawRequest(sandbox.url, { method: 'GET', path: '/_sandbox/locks', headers: host }));
    expect(admin).toBeLessThan(elapsed);
  });

  it('varies by the jitter, and delays 429s too', async () => {
    const { sandbox, clock } = await start({ latencyMs: 60, jitterMs: 40, rate: 1, burst: 1 });
    const times: number[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      times.push(await timed(async () => statuses.push((await lockCall(sandbox, clock, { lockId: 'none@1' })).status)));
    }
    expect(statuses).toEqual([400, 429, 429, 429, 429, 429, 429, 429]);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(19);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(10);
  });

  it('stop() ends requests still waiting out their latency', async () => {
    const { sandbox, clock } = await start({ latencyMs: 60_000 });
    const pending = lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const stopped = await timed(() => sandbox.stop());
    expect(stopped).toBeLessThan(2000);
    await expect(pending).rejects.toThrow();
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });
});
