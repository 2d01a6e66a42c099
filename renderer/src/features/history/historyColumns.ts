/**
 * History's columns: their order, default widths and the limits a resize keeps to. A column the user has
 * not resized keeps its default track (some of them share the spare width); a resized one has a width in px.
 */
export const HISTORY_COLUMNS = [
  { key: 'time', fixed: 212, min: 120 },
  { key: 'operation', fixed: 84, min: 56 },
  { key: 'userId', fixed: 164, min: 64 },
  { key: 'lockId', flex: 2, min: 150 },
  { key: 'outcome', flex: 1, min: 170 },
  { key: 'http', fixed: 64, min: 48 },
  { key: 'batch', fixed: 88, min: 56 },
  { key: 'profile', flex: 1, min: 130 },
  { key: 'source', fixed: 64, min: 48 },
] as const;

export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];
export type HistoryColumnKey = HistoryColumn['key'];
/** Widths set by resizing, in px; a column not in the map has its default track. */
export type HistoryColumnWidths = Readonly<Partial<Record<HistoryColumnKey, number>>>;

export const HISTORY_COLUMN_MAX = 640;
/** One arrow key press on a column's separator; with Shift, four. */
export const HISTORY_COLUMN_STEP = 16;

export function clampColumnWidth(column: HistoryColumn, width: number): number {
  return Math.round(Math.min(HISTORY_COLUMN_MAX, Math.max(column.min, width)));
}

/** The width a column starts with: the px of a fixed one, the least of a shared one. */
function baseWidth(column: HistoryColumn): number {
  return 'fixed' in column ? column.fixed : column.min;
}

function track(column: HistoryColumn, widths: HistoryColumnWidths): string {
  const set = widths[column.key];
  if (set !== undefined) return `${set}px`;
  return 'fixed' in column ? `${column.fixed}px` : `minmax(${column.min}px, ${column.flex}fr)`;
}

/**
 * The rows' grid-template-columns. Once every shared column has a width of its own, an empty last track
 * takes the spare width, so the row still spans the grid.
 */
export function columnTemplate(widths: HistoryColumnWidths): string {
  const tracks = HISTORY_COLUMNS.map((column) => track(column, widths));
  const anyShared = HISTORY_COLUMNS.some((column) => !('fixed' in column) && widths[column.key] === undefined);
  return anyShared ? tracks.join(' ') : `${tracks.join(' ')} minmax(0, 1fr)`;
}

/** The least width of a row, below which the grid scrolls sideways. */
export function rowMinWidth(widths: HistoryColumnWidths): number {
  return HISTORY_COLUMNS.reduce((sum, column) => sum + (widths[column.key] ?? baseWidth(column)), 0);
}

/** The widths after one column is set to `width` (clamped), or back to its default when `width` is null. */
export function withColumnWidth(
  widths: HistoryColumnWidths,
  column: HistoryColumn,
  width: number | null,
): HistoryColumnWidths {
  if (width !== null) return { ...widths, [column.key]: clampColumnWidth(column, width) };
  return Object.fromEntries(Object.entries(widths).filter(([key]) => key !== column.key));
}
