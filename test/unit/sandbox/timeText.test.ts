import { describe, expect, it } from 'vitest';
import { httpDate, isoTime } from '../../../electron/sandbox/timeText';

describe('timeText', () => {
  it('matches toUTCString and toISOString at every millisecond tried, within and across seconds', () => {
    const start = Date.UTC(2025, 0, 15, 8, 29, 58, 990);
    const instants = [
      ...Array.from({ length: 2100 }, (_, i) => start + i),
      Date.UTC(1969, 11, 31, 23, 59, 59, 5),
      Date.UTC(10_000, 0, 1, 0, 0, 0, 42),
      start - 7,
      start,
    ];
    for (const ms of instants) {
      const date = new Date(ms);
      expect(httpDate(date)).toBe(date.toUTCString());
      expect(isoTime(date)).toBe(date.toISOString());
    }
  });

  it('throws like toISOString for an invalid date', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(httpDate(new Date(Number.NaN))).toBe('Invalid Date');
  });
});
