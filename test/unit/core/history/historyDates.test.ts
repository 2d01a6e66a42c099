import { describe, expect, it } from 'vitest';
import { parseHistoryDate } from '../../../../electron/core/history/historyDates';

const ms = (text: string) => Date.parse(text);

describe('parseHistoryDate', () => {
  it('reads a date alone as the whole UTC day', () => {
    expect(parseHistoryDate('2026-11-03', 'from')).toEqual({ ok: true, ms: ms('2026-11-03T00:00:00.000Z') });
    expect(parseHistoryDate('2026-11-03', 'to')).toEqual({ ok: true, ms: ms('2026-11-03T23:59:59.999Z') });
  });

  it('makes "to" inclusive at the precision given', () => {
    expect(parseHistoryDate('2026-11-03T10:15', 'to')).toEqual({ ok: true, ms: ms('2026-11-03T10:15:59.999Z') });
    expect(parseHistoryDate('2026-11-03 10:15:30', 'to')).toEqual({ ok: true, ms: ms('2026-11-03T10:15:30.999Z') });
    expect(parseHistoryDate('2026-11-03T10:15:30.250Z', 'to')).toEqual({
      ok: true,
      ms: ms('2026-11-03T10:15:30.250Z'),
    });
    expect(parseHistoryDate('2026-11-03T10:15', 'from')).toEqual({ ok: true, ms: ms('2026-11-03T10:15:00.000Z') });
  });

  it('treats a date-time without a zone as UTC and honours an explicit offset', () => {
    expect(parseHistoryDate('2026-11-03T10:15', 'from')).toEqual(parseHistoryDate('2026-11-03T10:15Z', 'from'));
    expect(parseHistoryDate('2026-11-03T10:15+02:00', 'from')).toEqual({
      ok: true,
      ms: ms('2026-11-03T08:15:00.000Z'),
    });
    expect(parseHistoryDate('2026-11-03T10:15-0130', 'from')).toEqual({
      ok: true,
      ms: ms('2026-11-03T11:45:00.000Z'),
    });
  });

  it.each(['yesterday', '2026-13-01', '2026-02-30', '2026-11-03T24:00', '2026-11-03T10:61', '03/11/2026', '2026-1-3'])(
    'refuses %s with a sentence that shows the expected form',
    (text) => {
      const check = parseHistoryDate(text, 'from');
      expect(check.ok).toBe(false);
      expect(!check.ok && check.problem).toContain('YYYY-MM-DD');
      expect(!check.ok && check.problem).toContain(text);
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(parseHistoryDate('2028-02-29', 'from').ok).toBe(true);
    expect(parseHistoryDate('2026-02-29', 'from').ok).toBe(false);
  });
});
