import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditTimeMs } from '../../../../electron/core/history/auditTimeMs';

/** auditTimeMs over `time` placed inside a larger text, as the history reads it. */
function readIn(time: string): number {
  const text = `{"time":"${time}","x":1}`;
  return auditTimeMs(text, 9, 9 + time.length);
}

describe('auditTimeMs', () => {
  it('reads the times the audit log writes as Date.parse does', () => {
    for (const time of [
      '2026-01-01T00:00:00.000Z',
      '2026-11-03T23:59:59.999Z',
      '2024-02-29T12:30:15.150Z',
      '2000-02-29T00:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '0100-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(readIn(time)).toBe(Date.parse(time));
      expect(Number.isNaN(readIn(time))).toBe(false);
    }
  });

  it('agrees with Date.parse on dates outside the calendar, other forms and text that is no time', () => {
    for (const time of [
      '2026-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-00-01T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T23:60:00.000Z',
      '2026-01-01T23:59:60.000Z',
      '0050-01-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000+01:00',
      '2026-01-01T00:00:00Z',
      '2026-01-01',
      '2026-01-01 00:00:00.000Z',
      '2026-01-01T00:00:00.000z',
      '2026-01-01T0a:00:00.000Z',
      '+2026-01-01T00:00:00.00Z',
      'not a time at all, 24 ch',
      '',
    ]) {
      expect(Object.is(readIn(time), Date.parse(time)), time).toBe(true);
    }
  });

  it('agrees with Date.parse for any ISO time and for edits of one', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(-1000, 0, 1)), max: new Date(Date.UTC(12000, 0, 1)), noInvalidDate: true }),
        fc.nat({ max: 23 }),
        fc.string({ maxLength: 2 }),
        (date, at, insert) => {
          const time = date.toISOString();
          expect(Object.is(readIn(time), Date.parse(time))).toBe(true);
          const edited = time.slice(0, at) + insert + time.slice(at + insert.length);
          expect(Object.is(readIn(edited), Date.parse(edited)), edited).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
