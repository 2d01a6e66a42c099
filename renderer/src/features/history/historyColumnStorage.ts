/**
 * History's resized column widths as kept in localStorage (one versioned JSON entry: column key → px).
 * Pure: the caller passes the store. When read, unknown columns and widths that are not finite numbers are
 * dropped (the column keeps its default track), and a width outside the column's limits is clamped to them,
 * as a resize would; an entry that is not a JSON object is ignored whole. The next write replaces it.
 */
import { storedObject } from '../../lib/storedObject';
import type { KeyValueStore } from '../settings/settingsStorage';
import { HISTORY_COLUMNS, type HistoryColumnKey, type HistoryColumnWidths, clampColumnWidth } from './historyColumns';

export const HISTORY_COLUMNS_KEY = 'koodrive-lock-admin.historyColumns.v1';

function parse(text: string | null): HistoryColumnWidths {
  const record = storedObject(text);
  if (!record) return {};
  const widths: Partial<Record<HistoryColumnKey, number>> = {};
  for (const column of HISTORY_COLUMNS) {
    if (!Object.hasOwn(record, column.key)) continue;
    const width = record[column.key];
    if (typeof width === 'number' && Number.isFinite(width)) widths[column.key] = clampColumnWidth(column, width);
  }
  return widths;
}

export function readHistoryColumnWidths(store: KeyValueStore | null): HistoryColumnWidths {
  if (!store) return {};
  try {
    return parse(store.getItem(HISTORY_COLUMNS_KEY));
  } catch {
    return {};
  }
}

/** False when the store refused the write (quota, storage disabled): the widths then last until the app closes. */
export function writeHistoryColumnWidths(store: KeyValueStore | null, widths: HistoryColumnWidths): boolean {
  if (!store) return false;
  try {
    if (Object.keys(widths).length === 0) store.removeItem(HISTORY_COLUMNS_KEY);
    else store.setItem(HISTORY_COLUMNS_KEY, JSON.stringify(widths));
    return true;
  } catch {
    return false;
  }
}
