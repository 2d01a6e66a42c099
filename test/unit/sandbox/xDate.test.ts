import { describe, expect, it } from 'vitest';
import { parseXDateMs, X_DATE_WINDOW_MS, xDateText } from '../../../electron/sandbox/xDate';

describe('sandbox X-Date reading (docs/koodrive-protocol.md#x-date)', () => {
  it('reads yyyyMMddTHHmmssZ as a UTC instant', () => {
    expect(parseXDateMs('20250115T083000Z')).toBe(Date.UTC(2025, 0, 15, 8, 30, 0));
    expect(parseXDateMs('20240229T235959Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it.each([
    '2025-01-15T08:30:00Z',
    '20250115T083000',
    '20250115t083000z',
    '20250115T0830Z',
    ' 20250115T083000Z',
    '20250230T083000Z',
    '20250115T246000Z',
    '20250115T083060Z',
    '20251315T083000Z',
  ])('refuses %j', (text) => {
    expect(parseXDateMs(text)).toBeNull();
  });

  it('writes the server time in the same form, and round-trips', () => {
    const at = new Date(Date.UTC(2025, 0, 5, 3, 4, 5, 999));
    expect(xDateText(at)).toBe('20250105T030405Z');
    expect(parseXDateMs(xDateText(at))).toBe(Date.UTC(2025, 0, 5, 3, 4, 5));
  });

  it('accepts 15 minutes', () => {
    expect(X_DATE_WINDOW_MS).toBe(900_000);
  });
});
