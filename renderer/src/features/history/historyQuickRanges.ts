/**
 * History's quick ranges ("Last hour", …): the From field set to that long before now, written in the zone
 * the list shows (Settings), so historyDateForMain reads it as every typed date. docs/user-guide.md#history
 */
import type { TimeZoneChoice } from '../../lib/dateTime';

export const HISTORY_QUICK_RANGES = ['hour', 'day', 'week'] as const;
export type HistoryQuickRange = (typeof HISTORY_QUICK_RANGES)[number];

const RANGE_MS: Readonly<Record<HistoryQuickRange, number>> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "2026-11-03T07:30:15": the instant's wall time in that zone, to the second. */
export function wallTime(at: Date, zone: TimeZoneChoice): string {
  if (zone === 'utc') return at.toISOString().slice(0, 19);
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${date}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
}

/** The From text of a quick range; To stays empty, so operations made later still show on Refresh. */
export function quickRangeFrom(range: HistoryQuickRange, now: Date, zone: TimeZoneChoice): string {
  return wallTime(new Date(now.getTime() - RANGE_MS[range]), zone);
}
