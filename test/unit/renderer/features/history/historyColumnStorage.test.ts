import { describe, expect, it } from 'vitest';
import { HISTORY_COLUMN_MAX } from '../../../../../renderer/src/features/history/historyColumns';
import {
  HISTORY_COLUMNS_KEY,
  readHistoryColumnWidths,
  writeHistoryColumnWidths,
} from '../../../../../renderer/src/features/history/historyColumnStorage';
import { BrokenStore, MemoryStore } from '../../support/memoryStore';

function storeWith(text: string): MemoryStore {
  const store = new MemoryStore();
  store.setItem(HISTORY_COLUMNS_KEY, text);
  return store;
}

describe('History column widths in localStorage', () => {
  it('reads back what it wrote, and removes the entry once no column is resized', () => {
    const store = new MemoryStore();
    expect(readHistoryColumnWidths(store)).toEqual({});
    expect(writeHistoryColumnWidths(store, { time: 292, outcome: 250 })).toBe(true);
    expect(JSON.parse(store.getItem(HISTORY_COLUMNS_KEY) ?? '')).toEqual({ time: 292, outcome: 250 });
    expect(readHistoryColumnWidths(store)).toEqual({ time: 292, outcome: 250 });
    expect(writeHistoryColumnWidths(store, {})).toBe(true);
    expect(store.items.has(HISTORY_COLUMNS_KEY)).toBe(false);
  });

  it('ignores an entry that is not JSON or not an object', () => {
    for (const text of ['{"time": 2', 'not json', '', 'null', '42', '"wide"', '[300, 200]', 'true']) {
      expect(readHistoryColumnWidths(storeWith(text)), text).toEqual({});
    }
  });

  it('drops unknown columns and widths that are not finite numbers; the other columns are kept', () => {
    const store = storeWith(
      JSON.stringify({
        time: '300',
        operation: null,
        userId: [200],
        lockId: { px: 200 },
        outcome: true,
        http: 80,
        nope: 300,
      }),
    );
    expect(readHistoryColumnWidths(store)).toEqual({ http: 80 });
    expect(readHistoryColumnWidths(storeWith('{"__proto__": {"time": 300}, "constructor": 300}'))).toEqual({});
    // 1e400 is Infinity in JSON.parse; NaN cannot be written in JSON at all.
    expect(readHistoryColumnWidths(storeWith('{"time": 1e400, "batch": 90}'))).toEqual({ batch: 90 });
  });

  it('clamps a width outside the column’s limits to them, in whole pixels, as a resize does', () => {
    const store = storeWith(JSON.stringify({ outcome: 10, time: 99_999, profile: -5, source: 60.6 }));
    expect(readHistoryColumnWidths(store)).toEqual({
      outcome: 170,
      time: HISTORY_COLUMN_MAX,
      profile: 130,
      source: 61,
    });
  });

  it('never throws where storage is missing or refuses', () => {
    expect(readHistoryColumnWidths(null)).toEqual({});
    expect(writeHistoryColumnWidths(null, { time: 300 })).toBe(false);
    expect(readHistoryColumnWidths(new BrokenStore())).toEqual({});
    expect(writeHistoryColumnWidths(new BrokenStore(), { time: 300 })).toBe(false);
    expect(writeHistoryColumnWidths(new BrokenStore(), {})).toBe(false);
  });
});
