import { describe, expect, it } from 'vitest';
import type { HistoryRow } from '../../../../../shared/history';
import { historyFacts, historySummary, historyTime } from '../../../../../renderer/src/features/history/historyText';

const ROW: HistoryRow = {
  operationId: 'op-1',
  time: '2026-03-02T20:00:00.000Z',
  source: 'cli',
  osUser: 'ana',
  profile: 'night-shift',
  host: 'intl.myhuaweicloud-koodrive.com',
  operation: 'release',
  lockId: 'c0ffee00-0000-4000-8000-000000000000@101',
  outcome: 'pending',
};

describe('history times', () => {
  it('shows the audit time in the chosen zone with the ISO text on hover', () => {
    expect(historyTime(ROW.time, 'utc')).toEqual({ text: '2026-03-02 20:00:00 UTC', title: ROW.time });
    expect(historyTime(ROW.time, 'local').title).toBe(ROW.time);
    expect(historyTime(ROW.time, 'local').text).toMatch(/^2026-03-0[23] \d{2}:00:00 \S+$/);
  });

  it('shows a time it cannot read as written', () => {
    expect(historyTime('not a time', 'local')).toEqual({ text: 'not a time', title: 'not a time' });
  });

  it('puts the shown time first in the details, and the UTC time in the copied text too', () => {
    expect(historyFacts(ROW, 'utc')[0]).toMatchObject({ value: '2026-03-02 20:00:00 UTC', title: ROW.time });
    const local = historySummary(ROW, 'local');
    expect(local).toContain(`(${ROW.time})`);
    expect(historySummary(ROW, 'utc')).toContain(`2026-03-02 20:00:00 UTC (${ROW.time})`);
  });
});
