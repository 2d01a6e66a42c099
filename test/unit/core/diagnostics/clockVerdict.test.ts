import { describe, expect, it } from 'vitest';
import type { ClockVerdict } from '../../../../shared/diagnostics';
import { judgeClock } from '../../../../electron/core/diagnostics/clockVerdict';

const SERVER = Date.UTC(2025, 0, 15, 8, 30, 0);
const MINUTE = 60_000;

/** The local clock reads server + localAheadMs when the answer is produced (mid-round-trip). */
function sample(localAheadMs: number, roundTripMs = 40) {
  return {
    sentAtMs: SERVER + 500 + localAheadMs - roundTripMs / 2,
    roundTripMs,
    serverDate: new Date(SERVER).toUTCString(),
  };
}

describe('judgeClock', () => {
  it.each<[string, number, ClockVerdict]>([
    ['in sync', 0, 'ok'],
    ['0.9 s ahead (below HTTP Date resolution)', 900, 'ok'],
    ['0.9 s behind', -900, 'ok'],
    ['1.9 s ahead', 1900, 'ok'],
    ['2.5 s ahead', 2500, 'local-ahead'],
    ['90 s ahead', 90_000, 'local-ahead'],
    ['3 hours ahead', 180 * MINUTE, 'local-ahead'],
    ['5 s behind', -5000, 'ok'],
    ['10 minutes behind', -10 * MINUTE, 'ok'],
    ['13 min 50 s behind', -13 * MINUTE - 50_000, 'ok'],
    ['14 min 10 s behind', -14 * MINUTE - 10_000, 'local-behind'],
    ['20 minutes behind', -20 * MINUTE, 'local-behind'],
  ])('%s -> %s', (_label, localAheadMs, verdict) => {
    const check = judgeClock(sample(localAheadMs));
    expect(check.verdict).toBe(verdict);
    // server minus local, estimated from a whole-second Date as Date + 0.5 s.
    expect(check.skewMs).toBe(0 - localAheadMs);
    expect(check.serverTime).toBe(new Date(SERVER).toISOString());
    expect(check.localTime).toBe(new Date(SERVER + 500 + localAheadMs).toISOString());
  });

  it('suggests an offset that puts the signing time just before the server time when the clock is ahead', () => {
    const check = judgeClock(sample(90_000, 400));
    expect(check.verdict).toBe('local-ahead');
    expect(check.message).toContain('about 90 seconds ahead');
    expect(check.message).toContain('NTP');
    expect(check.message).toContain('sign with the server’s time');
    // -90 s, minus the ±(0.5 s + half the round trip) uncertainty, minus 1 s of margin.
    expect(check.suggestedOffsetMs).toBe(-90_000 - 700 - 1000);
    const corrected = SERVER + 500 + 90_000 + (check.suggestedOffsetMs ?? 0);
    expect(corrected).toBeLessThan(SERVER);
    expect(corrected).toBeGreaterThan(SERVER - 5000);
  });

  it('suggests an offset when the clock is more than 14 minutes behind', () => {
    const check = judgeClock(sample(-20 * MINUTE));
    expect(check.message).toContain('about 20 minutes behind');
    expect(check.message).toContain('15 minutes old');
    expect(check.suggestedOffsetMs).toBe(20 * MINUTE - 520 - 1000);
  });

  it('suggests no offset when all is well, or when the gap exceeds what can be passed (one day)', () => {
    expect(judgeClock(sample(0)).suggestedOffsetMs).toBeNull();
    expect(judgeClock(sample(-10 * MINUTE)).message).toContain('still accepts');
    const far = judgeClock(sample(3 * 24 * 60 * MINUTE));
    expect(far.verdict).toBe('local-ahead');
    expect(far.message).toContain('about 3 days ahead');
    expect(far.suggestedOffsetMs).toBeNull();
    expect(far.message).not.toContain('sign with the server');
  });

  it('says the resolution is whole seconds', () => {
    expect(judgeClock(sample(0)).message).toContain('whole seconds');
  });

  it('is unknown without a usable Date header', () => {
    for (const serverDate of [undefined, 'yesterday-ish']) {
      const check = judgeClock({ ...sample(0), serverDate });
      expect(check).toMatchObject({ verdict: 'unknown', skewMs: null, serverTime: null, suggestedOffsetMs: null });
      expect(check.message).toContain('Check connection');
    }
  });
});
