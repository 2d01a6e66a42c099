import { describe, expect, it } from 'vitest';
import { parseCsvRecords, removeFormulaGuard } from '../../../../../shared/csv';
import type { BackupFileView, BackupRecordView } from '../../../../../shared/records';
import {
  FILES_CSV_COLUMNS,
  RECORDS_CSV_COLUMNS,
  filesToCsv,
  recordsToCsv,
} from '../../../../../renderer/src/features/inspect/recordsCsv';

const RECORD: BackupRecordView = {
  recordId: '1100177539229578259',
  moduleCode: '102',
  status: 0,
  statusName: 'in-progress',
  createTime: '2026-12-03T06:00:00.000Z',
  createdAtMs: Date.UTC(2026, 11, 3, 6),
  endTime: '',
  endedAtMs: null,
  version: 1,
  properties: '{"appVersion":"15.0","trigger":"auto","fileCount":37}',
  device: {
    deviceId: '=HYPERLINK("http://evil")',
    machineCode: 'mc-1',
    deviceName: 'HUAWEI, Mate 60 Pro',
    deviceOS: 'HarmonyOS 4',
    createTime: null,
  },
};

const FILE: BackupFileView = {
  fileId: '1100177539229578261',
  fileName: '+cmd|calc.vcf',
  sha256: 'ab'.repeat(32),
  size: '9007199254740993',
  mimeType: 'text/vcard',
  description: 'line one\nline two',
  createTime: '2026-12-03T06:01:00.000Z',
  createdAtMs: null,
};

describe('recordsToCsv', () => {
  it('writes a header and one row per record: IDs exact, formulas guarded, quoting as needed', () => {
    const csv = recordsToCsv([{ record: RECORD, stuck: { ageMs: 1, thresholdMs: 0 } }]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, row] = parseCsvRecords(csv, { separator: ',' }).map((record) => record.cells);
    expect(header).toEqual([...RECORDS_CSV_COLUMNS]);
    const cell = (name: (typeof RECORDS_CSV_COLUMNS)[number]) => row[RECORDS_CSV_COLUMNS.indexOf(name)];
    expect(cell('recordId')).toBe('1100177539229578259');
    expect(cell('status')).toBe('0');
    expect(cell('statusName')).toBe('in-progress');
    expect(cell('possiblyStuck')).toBe('true');
    expect(cell('deviceId')).toBe(`'=HYPERLINK("http://evil")`);
    expect(removeFormulaGuard(cell('deviceId'))).toBe('=HYPERLINK("http://evil")');
    expect(cell('deviceName')).toBe('HUAWEI, Mate 60 Pro');
    expect(cell('properties')).toBe(RECORD.properties);
    expect(cell('endTime')).toBe('');
  });
});

describe('filesToCsv', () => {
  it('writes each file with its exact size and full SHA-256, formula guarded', () => {
    const [header, row] = parseCsvRecords(filesToCsv([FILE]), { separator: ',' }).map((record) => record.cells);
    expect(header).toEqual([...FILES_CSV_COLUMNS]);
    expect(row).toEqual([
      '1100177539229578261',
      `'+cmd|calc.vcf`,
      '9007199254740993',
      'ab'.repeat(32),
      'text/vcard',
      '2026-12-03T06:01:00.000Z',
      'line one\nline two',
    ]);
  });
});
