// Throttled requests are sent again (freshly signed, each attempt audited); nothing else is.
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profile';
import type { AuditEntry } from '../../../electron/core/audit/auditEntry';
import { createHttpTransport } from '../../../electron/core/koodrive/httpTransport';
import type { HttpRequest, HttpResponse, Transport } from '../../../electron/core/koodrive/transport';
import { type LockServiceDeps, createLockService } from '../../../electron/core/lockService';
import { startSandbox } from '../../../electron/sandbox/server';
import type { RunningSandbox, SandboxOptions } from '../../../electron/sandbox/types';
import { planRetry, retryAfterMs } from '../../../electron/core/throttleRetry';
import { type VirtualClock, virtualClock } from '../../support/virtualClock';

const running: RunningSandbox[] = [];
const http = createHttpTransport();

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.stop()));
});

function appProfile(sandbox: RunningSandbox): Profile {
  return {
    id: 'sbx',
    name: 'Sandbox',
    baseUrl: sandbox.url,
    authMode: 'app',
    appId: sandbox.credentials.appId,
    environment: 'sandbox',
    moduleCode: '102',
  };
}

/** The real sandbox and HTTP transport, sharing a simulated clock with the lock service. */
async function withSandbox(options: SandboxOptions = {}, deps: Partial<LockServiceDeps> = {}) {
  const clock = virtualClock(Date.now());
  const sandbox = await startSandbox({ clock, ...options });
  running.push(sandbox);
  const sent: HttpRequest[] = [];
  const audit: AuditEntry[] = [];
  const transport: Transport = (request) => {
    sent.push(request);
    return http(request);
  };
  const service = createLockService({
    transport,
    clock,
    secretFor: async () => sandbox.credentials.appSecret,
    audit: { append: async (entry) => void audit.push(entry) },
    source: 'cli',
    osUser: 'alice',
    throttleRetry: { random: () => 0.5 },
    ...deps,
  });
  return { sandbox, clock, service, sent, audit, profile: appProfile(sandbox) };
}

describe('a throttled request against the real sandbox', () => {
  it("is sent again after the gateway's Retry-After, with a fresh X-Date and signature, and each attempt is audited", async () => {
    const { sandbox, clock, service, sent, audit, profile } = await withSandbox({ rate: 1, burst: 1 });
    const [first, second] = sandbox.seededLockIds;
    const userId = sandbox.credentials.userId;
    expect(await service.run({ operation: 'release', profile, lockId: first, userId })).toMatchObject({
      ok: true,
      attempts: 1,
    });

    const result = await service.run({ operation: 'release', profile, lockId: second, userId, batchId: 'b-7' });
    expect(result).toMatchObject({ ok: true, kind: 'success', attempts: 2, batchId: 'b-7' });
    expect(sandbox.received().map((r) => r.outcome)).toEqual(['released', 'rejected:throttled', 'released']);
    // Retry-After: 1 (s), plus at most 20 % jitter.
    expect(clock.sleeps).toEqual([1100]);
    const [throttled, resent] = sent.slice(1);
    expect(resent.headers['X-Date']).not.toBe(throttled.headers['X-Date']);
    expect(resent.headers.Authorization).not.toBe(throttled.headers.Authorization);

    const entries = audit.slice(2);
    expect(entries.map((e) => [e.phase, e.kind, e.httpStatus, e.code])).toEqual([
      ['pending', undefined, undefined, undefined],
      ['result', 'throttled', 429, 'APIGW.0308'],
      ['pending', undefined, undefined, undefined],
      ['result', 'success', 200, '0'],
    ]);
    expect(entries[0].operationId).toBe(entries[1].operationId);
    expect(entries[2].operationId).toBe(entries[3].operationId);
    expect(entries[0].operationId).not.toBe(entries[2].operationId);
    for (const entry of entries) {
      expect(entry).toMatchObject({ userId, environment: 'sandbox', batchId: 'b-7', lockId: second, source: 'cli' });
    }
  });

  it('stops after the attempts allowed and reports throttled with the count', async () => {
    const { sandbox, service, sent, audit, profile } = await withSandbox({}, { throttleRetry: { maxAttempts: 3 } });
    sandbox.setFault({ kind: 'status', status: 429, retryAfterSeconds: 2 });
    const lockId = sandbox.seededLockIds[0];
    const result = await service.release(profile, lockId, { userId: sandbox.credentials.userId });
    expect(result).toMatchObject({ ok: false, kind: 'throttled', attempts: 3, httpStatus: 429 });
    expect(sent).toHaveLength(3);
    expect(audit.map((e) => e.phase)).toEqual(['pending', 'result', 'pending', 'result', 'pending', 'result']);
    expect(new Set(audit.map((e) => e.operationId)).size).toBe(3);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('is not re-sent when the server asks for longer than the cap', async () => {
    const { sandbox, service, sent, clock, profile } = await withSandbox();
    sandbox.setFault({ kind: 'status', status: 429, retryAfterSeconds: 120 }, 1);
    const result = await service.release(profile, sandbox.seededLockIds[0], { userId: sandbox.credentials.userId });
    expect(result).toMatchObject({ kind: 'throttled', attempts: 1 });
    expect(result.remedy).toMatch(/120 seconds/);
    expect(sent).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('503 with Retry-After is sent again; 503 without it and 500 are not', async () => {
    const { sandbox, service, sent, profile } = await withSandbox();
    const userId = sandbox.credentials.userId;
    const [a, b, c] = sandbox.seededLockIds;
    sandbox.setFault({ kind: 'status', status: 503, retryAfterSeconds: 1 }, 1);
    expect(await service.release(profile, a, { userId })).toMatchObject({ ok: true, attempts: 2 });
    sandbox.setFault({ kind: 'status', status: 503 }, 1);
    expect(await service.release(profile, b, { userId })).toMatchObject({ kind: 'server', attempts: 1 });
    sandbox.setFault({ kind: 'status', status: 500 }, 1);
    expect(await service.release(profile, c, { userId })).toMatchObject({ kind: 'server', attempts: 1 });
    expect(sent).toHaveLength(4);
  });

  it('a timeout after sending is never re-sent', async () => {
    const { sandbox, service, sent, profile } = await withSandbox({}, { timeoutMs: 150 });
    sandbox.setFault({ kind: 'hang' }, 1);
    const result = await service.release(profile, sandbox.seededLockIds[0], { userId: sandbox.credentials.userId });
    expect(result).toMatchObject({ ok: false, kind: 'timeout', attempts: 1 });
    expect(sent).toHaveLength(1);
    expect(sandbox.received()).toHaveLength(1);
  });

  it('a connection reset after sending is never re-sent', async () => {
    const { sandbox, service, sent, profile } = await withSandbox();
    sandbox.setFault({ kind: 'reset' }, 1);
    const result = await service.release(profile, sandbox.seededLockIds[0], { userId: sandbox.credentials.userId });
    expect(result).toMatchObject({ ok: false, kind: 'network', attempts: 1 });
    expect(sent).toHaveLength(1);
  });
});

describe('throttling answers from an injected transport', () => {
  const profile: Profile = {
    id: 'p',
    name: 'P',
    baseUrl: 'https://gw.example.com',
    userId: '1505084218764547200',
    authMode: 'bearer',
    environment: 'production',
    moduleCode: '102',
  };
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers,
    body: Buffer.from(JSON.stringify(body)),
  });
  const gateway0308 = {
    error_code: 'APIGW.0308',
    error_msg: 'The throttling threshold has been reached',
    request_id: 'r',
  };

  function serviceAnswering(answers: HttpResponse[], clock: VirtualClock = virtualClock()) {
    const sent: HttpRequest[] = [];
    const service = createLockService({
      transport: async (request) => {
        sent.push(request);
        return answers[Math.min(sent.length, answers.length) - 1];
      },
      clock,
      secretFor: async () => 'tok-throttle-unit-1234',
      audit: { append: async () => {} },
      source: 'gui',
      osUser: 'alice',
      throttleRetry: { random: () => 0 },
    });
    return { service, sent, clock };
  }

  it.each([
    ['200 with an APIG body', 200],
    ['400 with an APIG body', 400],
  ])(
    'APIGW.0308 in a %s is throttling: sent again with backoff when no Retry-After is given',
    async (_label, status) => {
      const { service, sent, clock } = serviceAnswering([reply(status, gateway0308), reply(200, { code: 0 })]);
      const result = await service.release(profile, 'a@102');
      expect(result).toMatchObject({ ok: true, attempts: 2 });
      expect(sent).toHaveLength(2);
      expect(clock.sleeps).toEqual([250]);
    },
  );

  it('backs off exponentially without Retry-After and gives up after 4 attempts by default', async () => {
    const { service, sent, clock } = serviceAnswering([reply(429, {})]);
    const result = await service.release(profile, 'a@102');
    expect(result).toMatchObject({ kind: 'throttled', attempts: 4 });
    expect(sent).toHaveLength(4);
    expect(clock.sleeps).toEqual([250, 500, 1000]);
  });

  it('honours an HTTP-date Retry-After, measured against the server Date', async () => {
    const headers = { 'retry-after': 'Wed, 15 Jan 2025 08:30:07 GMT', date: 'Wed, 15 Jan 2025 08:30:04 GMT' };
    const { service, clock } = serviceAnswering([reply(429, gateway0308, headers), reply(200, { code: 0 })]);
    expect(await service.release(profile, 'a@102')).toMatchObject({ ok: true, attempts: 2 });
    expect(clock.sleeps).toEqual([3000]);
  });

  it('a cancel interrupts the wait: the throttled result comes back and nothing more is sent', async () => {
    const controller = new AbortController();
    const clock = virtualClock();
    const sleep = clock.sleep;
    clock.sleep = (ms, signal) => {
      const waiting = sleep(ms, signal);
      controller.abort();
      return waiting;
    };
    const { service, sent } = serviceAnswering([reply(429, gateway0308, { 'retry-after': '5' })], clock);
    const result = await service.release(profile, 'a@102', { signal: controller.signal });
    expect(result).toMatchObject({ kind: 'throttled', attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it('refuses an attempt count outside 1-10', () => {
    const make = (maxAttempts: number) => () =>
      createLockService({
        transport: async () => reply(200, { code: 0 }),
        clock: virtualClock(),
        secretFor: async () => 'x',
        audit: { append: async () => {} },
        source: 'gui',
        osUser: 'a',
        throttleRetry: { maxAttempts },
      });
    expect(make(0)).toThrow(/1 to 10/);
    expect(make(11)).toThrow(/1 to 10/);
    expect(make(1)).not.toThrow();
  });
});

describe('planRetry and retryAfterMs', () => {
  const now = new Date('2025-01-15T08:30:00Z');
  it('reads delta-seconds and HTTP dates (against our clock when the server sent no Date)', () => {
    expect(retryAfterMs('3', undefined, now)).toBe(3000);
    expect(retryAfterMs('Wed, 15 Jan 2025 08:30:02 GMT', undefined, now)).toBe(2000);
    expect(retryAfterMs('Wed, 15 Jan 2025 08:29:00 GMT', undefined, now)).toBe(0);
    expect(retryAfterMs('soon', undefined, now)).toBeNull();
    expect(retryAfterMs(undefined, undefined, now)).toBeNull();
  });

  it('jitters above the server delay, never below it, by at most 1 s', () => {
    const at = (random: number, retryAfter: string) =>
      planRetry({ status: 429, code: null, retryAfter }, 1, now, { random: () => random }).delayMs;
    expect(at(0, '2')).toBe(2000);
    expect(at(0.999, '2')).toBeCloseTo(2399.6);
    expect(at(0.999, '20')).toBeCloseTo(20_999);
  });

  it('never plans a re-send for answers that do not prove the request was not processed', () => {
    for (const status of [200, 400, 401, 404, 409, 500, 502, 503, 504]) {
      expect(planRetry({ status, code: '13000309' }, 1, now, {}).delayMs).toBeNull();
    }
  });
});
