import { describe, expect, it } from 'vitest';
import { type BackupRecordView, possiblyStuck } from '../../../../../shared/records';
import {
  deviceChoices,
  filterRows,
  recordRows,
  statusFilterOf,
} from '../../../../../renderer/src/features/inspect/recordRows';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const PHONE = {
  deviceId: 'phone-1',
  machineCode: null,
  deviceName: 'HUAWEI Mate 60 Pro',
  deviceOS: null,
  createTime: null,
};
const TABLET = {
  deviceId: 'tablet-1',
  machineCode: null,
  deviceName: 'HUAWEI MatePad',
  deviceOS: null,
  createTime: null,
};

function record(recordId: string, status: number, hoursAgo: number, device = PHONE): BackupRecordView {
  const createdAtMs = NOW - hoursAgo * HOUR;
  return {
    recordId,
    moduleCode: '102',
    status,
    statusName:
      status === 0 ? 'in-progress' : status === 1 ? 'completed' : status === 2 ? 'pending-deletion' : 'unknown',
    createTime: new Date(createdAtMs).toISOString(),
    createdAtMs,
    endTime: null,
    endedAtMs: null,
    version: 1,
    properties: null,
    device,
  };
}

const RECORDS = [
  record('1100177539229578201', 0, 6),
  record('1100177539229578203', 1, 24),
  record('1100177539229578205', 0, 0.1, TABLET),
  record('1100177539229578207', 1, 30, TABLET),
  record('1100177539229578209', 2, 45 * 24),
  record('1100177539229578211', 7, 50 * 24),
];

describe('recordRows', () => {
  it('flags an old in-progress record with no completed backup since, with its age and threshold', () => {
    const rows = recordRows(RECORDS, NOW);
    expect(rows[0].stuck).toEqual({ ageMs: 6 * HOUR, thresholdMs: 2 * HOUR });
    expect(rows.slice(1).map((row) => row.stuck)).toEqual([null, null, null, null, null]);
  });

  it('flags exactly what possiblyStuck flags over the whole list', () => {
    const mixed = [
      ...RECORDS,
      record('1100177539229578215', 0, 31, TABLET),
      record('1100177539229578217', 0, 3, { ...TABLET, deviceId: 'tablet-2' }),
      { ...record('1100177539229578219', 0, 50), createdAtMs: null },
    ];
    const rows = recordRows(mixed, NOW);
    expect(rows.map((row) => row.stuck)).toEqual(mixed.map((item) => possiblyStuck(item, mixed, NOW)));
    expect(rows.filter((row) => row.stuck).map((row) => row.record.recordId.slice(-2))).toEqual(['01', '17']);
  });
});

describe('filterRows', () => {
  const rows = recordRows(RECORDS, NOW);
  const ids = (filtered: ReturnType<typeof filterRows>) => filtered.map((row) => row.record.recordId.slice(-2));

  it('keeps every row without a filter', () => {
    expect(filterRows(rows, { status: '', device: '' })).toBe(rows);
  });

  it('filters by status, by possibly stuck and by device, together', () => {
    expect(ids(filterRows(rows, { status: 'in-progress', device: '' }))).toEqual(['01', '05']);
    expect(ids(filterRows(rows, { status: 'completed', device: '' }))).toEqual(['03', '07']);
    expect(ids(filterRows(rows, { status: 'pending-deletion', device: '' }))).toEqual(['09']);
    expect(ids(filterRows(rows, { status: 'unknown', device: '' }))).toEqual(['11']);
    expect(ids(filterRows(rows, { status: 'possibly-stuck', device: '' }))).toEqual(['01']);
    expect(ids(filterRows(rows, { status: '', device: 'tablet-1' }))).toEqual(['05', '07']);
    expect(ids(filterRows(rows, { status: 'in-progress', device: 'tablet-1' }))).toEqual(['05']);
    expect(ids(filterRows(rows, { status: 'possibly-stuck', device: 'tablet-1' }))).toEqual([]);
  });

  it('reads a picked status value, and treats anything else as no filter', () => {
    expect(statusFilterOf('possibly-stuck')).toBe('possibly-stuck');
    expect(statusFilterOf('completed')).toBe('completed');
    expect(statusFilterOf('done')).toBe('');
  });
});

describe('deviceChoices', () => {
  it('lists each device once, most records first, with its name and ID', () => {
    const withoutDevice = { ...record('1100177539229578213', 1, 1), device: null };
    expect(deviceChoices([...RECORDS, withoutDevice])).toEqual([
      { key: 'phone-1', name: 'HUAWEI Mate 60 Pro', deviceId: 'phone-1', records: 4 },
      { key: 'tablet-1', name: 'HUAWEI MatePad', deviceId: 'tablet-1', records: 2 },
      { key: '-', name: null, deviceId: null, records: 1 },
    ]);
  });
});
