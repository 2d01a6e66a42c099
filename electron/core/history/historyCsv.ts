/** History rows as CSV (RFC 4180, cells guarded against spreadsheet formula injection by csvCell). */
import type { HistoryRow } from '../../../shared/history';
import { csvCell } from '../../../shared/resultsCsv';

const HISTORY_CSV_COLUMNS = [
  'time',
  'operation',
  'userId',
  'lockId',
  'outcome',
  'kind',
  'httpStatus',
  'code',
  'msg',
  'durationMs',
  'requestId',
  'profile',
  'profileName',
  'environment',
  'batchId',
  'host',
  'source',
  'osUser',
  'operationId',
] as const satisfies ReadonlyArray<keyof HistoryRow>;

export function historyToCsv(rows: Iterable<HistoryRow>): string {
  const lines = [HISTORY_CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(HISTORY_CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
