import { describe, expect, it } from 'vitest';
import {
  HISTORY_COLUMNS,
  HISTORY_COLUMN_MAX,
  type HistoryColumnKey,
  clampColumnWidth,
  columnTemplate,
  rowMinWidth,
  withColumnWidth,
} from '../../../../../renderer/src/features/history/historyColumns';

function column(key: HistoryColumnKey) {
  const found = HISTORY_COLUMNS.find((candidate) => candidate.key === key);
  if (!found) throw new Error(key);
  return found;
}

describe('History column widths', () => {
  it('keeps a width between the column’s least and the maximum, in whole pixels', () => {
    expect(clampColumnWidth(column('outcome'), 10)).toBe(170);
    expect(clampColumnWidth(column('time'), 250.6)).toBe(251);
    expect(clampColumnWidth(column('time'), 5000)).toBe(HISTORY_COLUMN_MAX);
  });

  it('lets lock ID, outcome and profile share the spare width until they are resized', () => {
    expect(columnTemplate({})).toBe(
      '212px 84px 164px minmax(150px, 2fr) minmax(170px, 1fr) 64px 88px minmax(130px, 1fr) 64px',
    );
    expect(rowMinWidth({})).toBe(212 + 84 + 164 + 150 + 170 + 64 + 88 + 130 + 64);
    const outcome = withColumnWidth({}, column('outcome'), 300);
    expect(columnTemplate(outcome)).toContain('minmax(150px, 2fr) 300px 64px');
    expect(rowMinWidth(outcome)).toBe(rowMinWidth({}) - 170 + 300);
  });

  it('adds an empty last track once no column shares the spare width, so a row still spans the grid', () => {
    let widths = withColumnWidth({}, column('lockId'), 320);
    widths = withColumnWidth(widths, column('outcome'), 200);
    expect(columnTemplate(widths).endsWith('minmax(0, 1fr)')).toBe(false);
    widths = withColumnWidth(widths, column('profile'), 180);
    expect(columnTemplate(widths)).toBe('212px 84px 164px 320px 200px 64px 88px 180px 64px minmax(0, 1fr)');
  });

  it('gives a column its default back on reset, leaving the others as resized', () => {
    const resized = withColumnWidth(withColumnWidth({}, column('time'), 40), column('profile'), 999);
    expect(resized).toEqual({ time: 120, profile: HISTORY_COLUMN_MAX });
    expect(withColumnWidth(resized, column('time'), null)).toEqual({ profile: HISTORY_COLUMN_MAX });
  });
});
