import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseHistoryDate } from '../../../../../electron/core/history/historyDates';
import { EMPTY_HISTORY_FILTER, historyFilterOf } from '../../../../../renderer/src/features/history/historyFilterDraft';
import { quickRangeFrom, wallTime } from '../../../../../renderer/src/features/history/historyQuickRanges';

const NOW = new Date('2026-03-02T20:30:15.400Z');
const HOUR = 3_600_000;
beforeAll(() => {
  // A zone 8 hours east of UTC, where "the last 24 hours" spans another local date than in UTC.
  vi.stubEnv('TZ', 'Asia/Shanghai');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

/** The instant main reads From as, after the window added the zone as for a typed date. */
function mainReadsFrom(text: string, zone: 'local' | 'utc'): number {
  const filter = historyFilterOf({ ...EMPTY_HISTORY_FILTER, from: text }, zone);
  const check = parseHistoryDate(filter.from ?? '', 'from');
  if (!check.ok) throw new Error(check.problem);
  return check.ms;
}

describe('History quick ranges', () => {
  it('writes From as the wall time in the zone the list shows, to the second', () => {
    expect(quickRangeFrom('hour', NOW, 'utc')).toBe('2026-03-02T19:30:15');
    expect(quickRangeFrom('day', NOW, 'utc')).toBe('2026-03-01T20:30:15');
    expect(quickRangeFrom('week', NOW, 'utc')).toBe('2026-02-23T20:30:15');
    expect(quickRangeFrom('hour', NOW, 'local')).toBe('2026-03-03T03:30:15');
    expect(quickRangeFrom('day', NOW, 'local')).toBe('2026-03-02T04:30:15');
    expect(wallTime(NOW, 'local')).toBe('2026-03-03T04:30:15');
  });

  it('is read by main as exactly that span before now (to the second), in either zone', () => {
    const second = Math.floor(NOW.getTime() / 1000) * 1000;
    for (const zone of ['local', 'utc'] as const) {
      expect(mainReadsFrom(quickRangeFrom('hour', NOW, zone), zone)).toBe(second - HOUR);
      expect(mainReadsFrom(quickRangeFrom('day', NOW, zone), zone)).toBe(second - 24 * HOUR);
      expect(mainReadsFrom(quickRangeFrom('week', NOW, zone), zone)).toBe(second - 7 * 24 * HOUR);
    }
  });
});
