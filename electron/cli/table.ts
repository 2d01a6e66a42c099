import { printable } from './formatResult';

/** Left-aligned columns separated by two spaces; cells are made printable and shortened. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], cellMax = 60): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => printable(cell, cellMax)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
