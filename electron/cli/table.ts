import { displayWidth, padToWidth, truncateToWidth } from './displayWidth';
import { printable } from './formatResult';

/**
 * Left-aligned columns separated by two spaces; cells are made printable and cut to `cellMax` columns.
 * Widths are terminal columns (displayWidth.ts), so CJK text stays aligned.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], cellMax = 60): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => truncateToWidth(printable(cell, Number.MAX_SAFE_INTEGER), cellMax)),
  );
  const widths = header.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ''))));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : padToWidth(cell, widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
