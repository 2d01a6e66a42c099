/**
 * The records table and a record's files as CSV (RFC 4180, CRLF line ends), every cell through
 * csvCell: formula injection guarded, IDs and sizes written as the exact text the server sent.
 */
import type { BackupFileView } from '../../../../shared/records';
import { csvCell } from '../../../../shared/csv';
import type { RecordRow } from './recordRows';

export const RECORDS_CSV_COLUMNS = [
  'recordId',
  'moduleCode',
  'status',
  'statusName',
  'possiblyStuck',
  'createTime',
  'endTime',
  'deviceId',
  'deviceName',
  'deviceOS',
  'machineCode',
  'version',
  'properties',
] as const;

export const FILES_CSV_COLUMNS = [
  'fileId',
  'fileName',
  'size',
  'sha256',
  'mimeType',
  'createTime',
  'description',
] as const;

function csvText(lines: string[][]): string {
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

export function recordsToCsv(rows: readonly RecordRow[]): string {
  const lines: string[][] = [[...RECORDS_CSV_COLUMNS]];
  for (const { record, stuck } of rows) {
    const device = record.device;
    lines.push(
      [
        record.recordId,
        record.moduleCode,
        record.status,
        record.statusName,
        stuck !== null,
        record.createTime,
        record.endTime,
        device?.deviceId,
        device?.deviceName,
        device?.deviceOS,
        device?.machineCode,
        record.version,
        record.properties,
      ].map(csvCell),
    );
  }
  return csvText(lines);
}

export function filesToCsv(files: readonly BackupFileView[]): string {
  const lines: string[][] = [[...FILES_CSV_COLUMNS]];
  for (const file of files) {
    lines.push(
      [file.fileId, file.fileName, file.size, file.sha256, file.mimeType, file.createTime, file.description].map(
        csvCell,
      ),
    );
  }
  return csvText(lines);
}
