import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import { browserStore } from '../settings/settingsStore';
import { type HistoryColumn, type HistoryColumnWidths, withColumnWidth } from './historyColumns';
import { readHistoryColumnWidths, writeHistoryColumnWidths } from './historyColumnStorage';

/** Resized column widths: read once from localStorage, written back when a change is final (historyColumnStorage.ts). */
export const historyColumnStore = createStore<HistoryColumnWidths>(readHistoryColumnWidths(browserStore()));

export function useHistoryColumnWidths(): HistoryColumnWidths {
  return useStore(historyColumnStore);
}

/**
 * Sets one column's width (clamped), or gives it its default back when `width` is null. A final change is kept
 * across app runs; the steps of a drag are only shown, and the drag's end keeps the last.
 */
export function setHistoryColumnWidth(column: HistoryColumn, width: number | null, final = true): void {
  const current = historyColumnStore.get();
  const next = withColumnWidth(current, column, width);
  if (next[column.key] !== current[column.key]) historyColumnStore.set(next);
  if (final) writeHistoryColumnWidths(browserStore(), historyColumnStore.get());
}
