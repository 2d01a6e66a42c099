/**
 * Lock results as CSV (RFC 4180: CRLF line ends, fields with quotes, separators or line breaks
 * quoted, quotes doubled). A cell starting with = + - @ (or tab / CR) is prefixed with ' so that a
 * spreadsheet does not run it as a formula (CSV injection).
 */
import type { LockResult } from './result';

const COLUMNS = [
  'operation',
  'lockId',
  'ok',
  'kind',
  'httpStatus',
  'code',
  'msg',
  'durationMs',
  'host',
  'requestId',
  'serverDate',
  'remedy',
] as const satisfies ReadonlyArray<keyof LockResult>;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsToCsv(results: readonly LockResult[]): string {
  const lines = [COLUMNS.join(',')];
  for (const result of results) lines.push(COLUMNS.map((column) => csvCell(result[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
