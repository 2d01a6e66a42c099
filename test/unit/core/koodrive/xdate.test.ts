import { describe, expect, it } from 'vitest';
import { X_DATE_WINDOW_MS, formatXDate, parseXDate } from '../../../../electron/core/koodrive/xdate';

describe('formatXDate', () => {
  it('formats UTC in basic ISO-8601 with zero padding', () => {
    expect(formatXDate(new Date(Date.UTC(2025, 0, 15, 8, 30, 0)))).toBe('20250115T083000Z');
    expect(formatXDate(new Date(Date.UTC(2024, 8, 9, 3, 33, 25, 999)))).toBe('20240909T033325Z');
    expect(formatXDate(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))).toHaveLength(16);
  });

  it('uses the day of the month, not the day of the year (docs/koodrive-protocol.md#x-date)', () => {
    expect(formatXDate(new Date(Date.UTC(2025, 1, 3, 0, 0, 0)))).toBe('20250203T000000Z');
  });

  it('gives every instant the text of its own second, whatever was formatted before', () => {
    const second = Date.UTC(2025, 0, 15, 8, 30, 0);
    const sequence = [second + 1, second + 999, second + 1000, second + 999, second - 1, second + 500, 0, -1, -1000];
    for (const ms of sequence) {
      const date = new Date(ms);
      const iso = date.toISOString();
      const expected = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
      expect(formatXDate(date)).toBe(expected);
    }
  });
});

describe('parseXDate', () => {
  it('round-trips formatXDate', () => {
    const at = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));
    expect(parseXDate(formatXDate(at))?.getTime()).toBe(at.getTime());
  });

  it.each([
    '2025-01-15T08:30:00Z',
    '20250115T083000',
    '20250115t083000z',
    '20251315T083000Z',
    '20250230T000000Z',
    '20250115T246000Z',
    ' 20250115T083000Z',
    '',
  ])('rejects %j', (text) => {
    expect(parseXDate(text)).toBeNull();
  });

  it('has a 15-minute window', () => {
    expect(X_DATE_WINDOW_MS).toBe(15 * 60 * 1000);
  });
});
