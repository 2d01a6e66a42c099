import { describe, expect, it } from 'vitest';
import { parseHistoryDate } from '../../../../../electron/core/history/historyDates';
import { historyDateForMain } from '../../../../../renderer/src/features/history/historyDateZone';
import { historyFilterOf, EMPTY_HISTORY_FILTER } from '../../../../../renderer/src/features/history/historyFilterDraft';

/** What main makes of the text the window sends. */
function mainReads(text: string, bound: 'from' | 'to'): number {
  const check = parseHistoryDate(historyDateForMain(text, bound, 'local'), bound);
  if (!check.ok) throw new Error(check.problem);
  return check.ms;
}

describe('history dates in the zone the window shows', () => {
  it('sends UTC dates as typed', () => {
    expect(historyDateForMain('2026-11-03', 'to', 'utc')).toBe('2026-11-03');
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, from: ' 2026-11-03 ' }, 'utc').from).toBe('2026-11-03');
  });

  it('reads a local date as the whole local day', () => {
    expect(mainReads('2026-11-03', 'from')).toBe(new Date(2026, 10, 3).getTime());
    expect(mainReads('2026-11-03', 'to')).toBe(new Date(2026, 10, 4).getTime() - 1);
  });

  it('keeps the precision of a local time: a minute, a second', () => {
    expect(mainReads('2026-11-03T07:30', 'from')).toBe(new Date(2026, 10, 3, 7, 30).getTime());
    expect(mainReads('2026-11-03 07:30', 'to')).toBe(new Date(2026, 10, 3, 7, 31).getTime() - 1);
    expect(mainReads('2026-11-03T07:30:15', 'to')).toBe(new Date(2026, 10, 3, 7, 30, 16).getTime() - 1);
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, to: '2026-11-03T07:30' }, 'local').to).toMatch(
      /^2026-11-03T07:30[+-]\d{2}:\d{2}$/,
    );
  });

  it('leaves text with a zone or not a date to main, which reads or refuses it as typed', () => {
    expect(historyDateForMain('2026-11-03T07:30Z', 'from', 'local')).toBe('2026-11-03T07:30Z');
    expect(historyDateForMain('2026-02-30', 'from', 'local')).toBe('2026-02-30');
    expect(historyDateForMain('yesterday', 'to', 'local')).toBe('yesterday');
    expect(historyDateForMain('2026-11-03T25:00', 'to', 'local')).toBe('2026-11-03T25:00');
  });
});
