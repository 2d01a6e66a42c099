/** --output json|csv|table of the list commands (docs/cli.md#output); --json is the same as --output json. */
import { csvCell } from '../../shared/csv';
import { UsageError } from './cliError';
import type { OptionValues } from './options';

export const OUTPUT_FORMATS = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

function isOutputFormat(text: string): text is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(text);
}

/** The format asked for: --output, else json with --json, else table. --json with another --output is refused. */
export function outputFormat(values: OptionValues, command: string): OutputFormat {
  const asked = values.output?.trim().toLowerCase();
  if (asked === undefined) return values.json ? 'json' : 'table';
  if (!isOutputFormat(asked)) throw new UsageError(`--output must be ${OUTPUT_FORMATS.join(', ')}.`, command);
  if (values.json && asked !== 'json')
    throw new UsageError(`--json cannot be combined with --output ${asked}.`, command);
  return asked;
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A header and rows as CSV (RFC 4180, CRLF line ends), every cell through csvCell: quoted when needed,
 * text a spreadsheet could run as a formula guarded with a leading '.
 */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
