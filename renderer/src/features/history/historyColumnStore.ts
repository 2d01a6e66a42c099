import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import { browserStore } from '../settings/settingsStore';
import { type HistoryColumn, type HistoryColumnWidths, withColumnWidth } from './historyColumns';
import { readHistoryColumnWidths, writeHistoryColumnWidths } from './historyColumnStorage';

/** Resized column widths: read once from localStorage, written back at each change (historyColumnStorage.ts). */
export const historyColumnStore = createStore<HistoryColumnWidths>(readHistoryColumnWidths(browserStore()));

export function useHistoryColumnWidths(): HistoryColumnWidths {
  return useStore(historyColumnStore);
}

/** Sets one column's width (clamped), or gives it its default back when `width` is null; kept across app runs. */
export function setHistoryColumnWidth(column: HistoryColumn, width: number | null): void {
  const current = historyColumnStore.get();
  const next = withColumnWidth(current, column, width);
  if (next[column.key] === current[column.key]) return;
  historyColumnStore.set(next);
  writeHistoryColumnWidths(browserStore(), next);
}
