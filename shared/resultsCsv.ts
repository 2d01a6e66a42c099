/**
 * Batch results as CSV (RFC 4180, CRLF line ends, every cell through csvCell). The file starts with
 * a run summary in `#` comment lines — which a re-import skips — then a header and one row per
 * result. Its userId and lockId columns make it a valid batch input again (shared/batchInput.ts).
 */
import { BATCH_OUTCOMES, countOutcomes, outcomeOf } from './batchOutcome';
import { csvCell } from './csv';
import type { LockResult } from './result';

export { csvCell } from './csv';

export interface RunSummary {
  profile: string;
  environment: string;
  host: string;
  operator: string;
  startedAt: string;
  endedAt: string;
  batchId?: string;
}

export const RESULTS_CSV_COLUMNS = [
  'userId',
  'lockId',
  'outcome',
  'kind',
  'httpStatus',
  'code',
  'msg',
  'sentAt',
  'durationMs',
  'host',
  'requestId',
  'operation',
  'remedy',
] as const;

type Column = (typeof RESULTS_CSV_COLUMNS)[number];

function cellOf(result: LockResult, column: Column): string {
  if (column === 'outcome') return csvCell(outcomeOf(result));
  return csvCell(result[column]);
}

/**
 * One comment line: `# name` and the value as a second cell, so a spreadsheet shows it in a column
 * of its own and the formula guard applies. Line breaks are flattened: a comment is one line.
 */
function commentLine(name: string, value: string | number): string {
  return `# ${name},${csvCell(typeof value === 'string' ? value.replace(/[\r\n]+/g, ' ') : value)}`;
}

function summaryLines(results: readonly LockResult[], summary: RunSummary | undefined): string[] {
  const lines = ['# KooDrive lock batch results'];
  if (summary) {
    lines.push(
      commentLine('profile', summary.profile),
      commentLine('environment', summary.environment),
      commentLine('host', summary.host),
      commentLine('operator', summary.operator),
      commentLine('started', summary.startedAt),
      commentLine('ended', summary.endedAt),
    );
    if (summary.batchId !== undefined) lines.push(commentLine('batch', summary.batchId));
  }
  lines.push(commentLine('results', results.length));
  const counts = countOutcomes(results);
  for (const outcome of BATCH_OUTCOMES) lines.push(commentLine(outcome, counts[outcome]));
  return lines;
}

export function resultsToCsv(results: readonly LockResult[], summary?: RunSummary): string {
  const lines = [...summaryLines(results, summary), RESULTS_CSV_COLUMNS.join(',')];
  for (const result of results) {
    lines.push(RESULTS_CSV_COLUMNS.map((column) => cellOf(result, column)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
