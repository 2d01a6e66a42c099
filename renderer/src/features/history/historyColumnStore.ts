import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import type { HistoryColumnWidths } from './historyColumns';

/** Resized column widths, kept while the app runs (leaving History and coming back keeps them). */
export const historyColumnStore = createStore<HistoryColumnWidths>({});

export function useHistoryColumnWidths(): HistoryColumnWidths {
  return useStore(historyColumnStore);
}
