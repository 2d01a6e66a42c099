/** The records table's rows: each record with its "possibly stuck" reason, and the client-side filters. Pure. */
import {
  type BackupRecordView,
  RECORD_STATUS_COMPLETED,
  RECORD_STATUS_NAMES,
  type RecordStatusWord,
  type StuckReason,
  possiblyStuck,
} from '../../../../shared/records';

export interface RecordRow {
  record: BackupRecordView;
  /** Why the record is possibly stuck (shared/records.ts possiblyStuck), or null. */
  stuck: StuckReason | null;
}

/** Status filter values: a status, every possibly stuck record, or '' for all. */
export type StatusFilter = RecordStatusWord | 'possibly-stuck' | '';

export interface RecordFilter {
  status: StatusFilter;
  /** A device key (deviceKey) or '' for all devices. */
  device: string;
}

export const STATUS_FILTERS: readonly StatusFilter[] = ['', 'possibly-stuck', ...RECORD_STATUS_NAMES, 'unknown'];

/** A status filter value as chosen in the picker; anything else is no filter. */
export function statusFilterOf(value: string): StatusFilter {
  return (STATUS_FILTERS as readonly string[]).includes(value) ? (value as StatusFilter) : '';
}

export const NO_RECORD_FILTER: RecordFilter = { status: '', device: '' };

/**
 * possiblyStuck only looks for completed records in the list it is given, so it gets only those: 10,000
 * old in-progress records then cost 10,000 short scans, not 10,000 scans of the whole list.
 */
export function recordRows(records: readonly BackupRecordView[], nowMs: number): RecordRow[] {
  const completed = records.filter((record) => record.status === RECORD_STATUS_COMPLETED);
  return records.map((record) => ({ record, stuck: possiblyStuck(record, completed, nowMs) }));
}

/** What tells devices apart: the device ID, else the name; '-' for a record without a device. */
export function deviceKey(record: BackupRecordView): string {
  return record.device?.deviceId ?? record.device?.deviceName ?? '-';
}

export function filterRows(rows: readonly RecordRow[], filter: RecordFilter): readonly RecordRow[] {
  if (filter.status === '' && filter.device === '') return rows;
  return rows.filter(({ record, stuck }) => {
    if (filter.device !== '' && deviceKey(record) !== filter.device) return false;
    if (filter.status === 'possibly-stuck') return stuck !== null;
    return filter.status === '' || record.statusName === filter.status;
  });
}

export interface DeviceChoice {
  key: string;
  name: string | null;
  deviceId: string | null;
  records: number;
}

/** The devices the records came from, most records first, for the device filter. */
export function deviceChoices(records: readonly BackupRecordView[]): DeviceChoice[] {
  const found = new Map<string, DeviceChoice>();
  for (const record of records) {
    const key = deviceKey(record);
    const known = found.get(key);
    if (known) known.records += 1;
    else {
      found.set(key, {
        key,
        name: record.device?.deviceName ?? null,
        deviceId: record.device?.deviceId ?? null,
        records: 1,
      });
    }
  }
  return [...found.values()].sort((a, b) => b.records - a.records || a.key.localeCompare(b.key));
}
