import { describe, expect, it } from 'vitest';
import { localClockTime, localDateTime, utcDateTime } from '../../../../../renderer/src/features/locks/resultTime';

describe('result times', () => {
  it('shows local time year first with the zone, and UTC for the hover text', () => {
    const local = new Date(2026, 2, 2, 14, 57, 3);
    expect(localDateTime(local)).toMatch(/^2026-03-02 14:57:03( \S+)?$/);
    expect(localClockTime(local)).toBe('14:57');
    expect(utcDateTime(new Date(Date.UTC(2026, 2, 2, 6, 57, 3, 450)))).toBe('2026-03-02 06:57:03 UTC');
  });
});
