import { describe, expect, it } from 'vitest';
import { hugeBodyFrame, statusFaultReply } from '../../../electron/sandbox/faultReplies';
import { FaultSchedule, parseFault } from '../../../electron/sandbox/faults';

describe('FaultSchedule', () => {
  it('applies a fault until cleared when no count is given', () => {
    const schedule = new FaultSchedule();
    expect(schedule.take()).toBeNull();
    schedule.set({ kind: 'html' });
    for (let i = 0; i < 5; i += 1) expect(schedule.take()).toEqual({ kind: 'html' });
    schedule.set(null);
    expect(schedule.take()).toBeNull();
  });

  it('applies a fault to the next `times` requests only', () => {
    const schedule = new FaultSchedule();
    schedule.set({ kind: 'status', status: 503 }, 2);
    expect(schedule.current()).toEqual({ fault: { kind: 'status', status: 503 }, remaining: 2 });
    expect(schedule.take()?.kind).toBe('status');
    expect(schedule.take()?.kind).toBe('status');
    expect(schedule.take()).toBeNull();
  });

  it('refuses invalid faults and counts', () => {
    const schedule = new FaultSchedule();
    expect(() => schedule.set({ kind: 'delay', ms: -1 })).toThrow(/ms must be/);
    expect(() => schedule.set({ kind: 'status', status: 99 })).toThrow(/status must be/);
    expect(() => schedule.set({ kind: 'hang' }, 0)).toThrow(/at least 1/);
    expect(() => schedule.set({ kind: 'hang' }, 1.5)).toThrow(/at least 1/);
  });
});

describe('parseFault', () => {
  it.each([
    [
      { kind: 'delay', ms: 10 },
      { kind: 'delay', ms: 10 },
    ],
    [
      { kind: 'slow-body', ms: 10, extra: 1 },
      { kind: 'slow-body', ms: 10 },
    ],
    [
      { kind: 'status', status: 429 },
      { kind: 'status', status: 429 },
    ],
    [
      { kind: 'status', status: 503, retryAfterSeconds: 7 },
      { kind: 'status', status: 503, retryAfterSeconds: 7 },
    ],
    [
      { kind: 'huge', bytes: 1e6 },
      { kind: 'huge', bytes: 1e6 },
    ],
    [{ kind: 'reset' }, { kind: 'reset' }],
  ])('reads %j', (input, fault) => {
    expect(parseFault(input)).toEqual({ ok: true, fault });
  });

  it.each([null, 'hang', { kind: 'explode' }, { kind: 'huge' }, { kind: 'delay', ms: '5' }, { kind: 'status' }])(
    'refuses %j',
    (input) => {
      expect(parseFault(input).ok).toBe(false);
    },
  );
});

describe('fault replies', () => {
  it('sends 429 as APIGW.0308 with Retry-After (1 s unless given)', () => {
    expect(statusFaultReply(429, undefined, 'r')).toEqual({
      status: 429,
      body: { error_code: 'APIGW.0308', error_msg: expect.any(String), request_id: 'r' },
      headers: { 'Retry-After': '1' },
    });
    expect(statusFaultReply(429, 30, 'r').headers).toEqual({ 'Retry-After': '30' });
    expect(statusFaultReply(503, undefined, 'r').headers).toBeUndefined();
    expect(statusFaultReply(503, 5, 'r').headers).toEqual({ 'Retry-After': '5' });
  });

  it('uses the KooDrive shape for 500 and 4xx, the gateway shape for other 5xx', () => {
    expect(statusFaultReply(500, undefined, 'r').body).toMatchObject({ code: 13000201 });
    expect(statusFaultReply(400, undefined, 'r').body).toMatchObject({ code: 13000101 });
    expect(statusFaultReply(502, undefined, 'r').body).toMatchObject({ error_code: 'APIGW.0201' });
    expect(statusFaultReply(599, undefined, 'r').body).toMatchObject({ error_code: 'APIGW.0201' });
  });

  it('frames a huge body as exact-length JSON that is never a success', () => {
    const { prefix, fillBytes, suffix } = hugeBodyFrame(1000);
    expect(prefix.length + fillBytes + suffix.length).toBe(1000);
    const body = JSON.parse(prefix + 'x'.repeat(fillBytes) + suffix) as { code: number };
    expect(body.code).not.toBe(0);
    expect(hugeBodyFrame(5)).toEqual({ prefix: '', fillBytes: 5, suffix: '' });
  });
});
