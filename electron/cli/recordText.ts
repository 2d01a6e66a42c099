/**
 * How `records list` and `records show` print records and files (docs/cli.md#records-list): times in UTC
 * ISO-8601 (the raw text when its format is not recognisable), ages in days, hours and minutes, the
 * possibly-stuck marker with its reason.
 */
import type { MessageLocale } from '../../shared/messages/localized';
import { remedyIn } from './cliLocale';
import type { BackupFileView, BackupRecordView, RecordReadOutcome, StuckReason } from '../../shared/records';
import { printable } from './formatResult';
import { formatTable } from './table';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** UTC ISO-8601 to the second, else the time as sent, else '-'. */
export function utcText(ms: number | null, raw: string | null): string {
  if (ms !== null) return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return raw ?? '-';
}

/** '4m', '6h 0m', '20d 3h'; '-' when unknown, '0m' for a time in the future. */
export function ageText(ms: number | null): string {
  if (ms === null) return '-';
  const age = Math.max(0, ms);
  if (age < HOUR_MS) return `${Math.floor(age / MINUTE_MS)}m`;
  if (age < DAY_MS) return `${Math.floor(age / HOUR_MS)}h ${Math.floor((age % HOUR_MS) / MINUTE_MS)}m`;
  return `${Math.floor(age / DAY_MS)}d ${Math.floor((age % DAY_MS) / HOUR_MS)}h`;
}

function hoursText(ms: number): string {
  const hours = ms / HOUR_MS;
  return Number.isInteger(hours) ? `${hours} h` : `${hours.toFixed(1)} h`;
}

export function stuckText(record: BackupRecordView, reason: StuckReason): string {
  const device = record.device?.deviceId ? ' from this device' : '';
  return `record ${record.recordId} has been in progress for ${ageText(reason.ageMs)} (over the ${hoursText(reason.thresholdMs)} threshold) with no completed backup of module ${record.moduleCode}${device} since: the backup client probably crashed, so a lock of this user and module may still be held.`;
}

function deviceText(record: BackupRecordView): string {
  const device = record.device;
  if (!device) return '-';
  const name = device.deviceName ?? device.deviceId ?? '-';
  return device.deviceId && device.deviceName ? `${name} (${device.deviceId})` : name;
}

export interface ListedRecord {
  record: BackupRecordView;
  stuck: StuckReason | null;
}

export function recordsTable(rows: readonly ListedRecord[], nowMs: number): string {
  const body = rows.map(({ record, stuck }) => [
    record.recordId,
    record.statusName === 'unknown' ? `unknown (${record.status ?? '-'})` : record.statusName,
    utcText(record.createdAtMs, record.createTime),
    ageText(record.createdAtMs === null ? null : nowMs - record.createdAtMs),
    deviceText(record),
    stuck ? 'POSSIBLY STUCK' : '',
  ]);
  return formatTable(['RECORD ID', 'STATUS', 'CREATED (UTC)', 'AGE', 'DEVICE', ''], body, 80);
}

export function recordDetails(record: BackupRecordView, nowMs: number): string {
  const device = record.device;
  const lines: [string, string][] = [
    ['Record ID', record.recordId],
    ['Module', record.moduleCode || '-'],
    ['Status', record.statusName === 'unknown' ? `unknown (${record.status ?? '-'})` : record.statusName],
    ['Created (UTC)', utcText(record.createdAtMs, record.createTime)],
    ['Age', ageText(record.createdAtMs === null ? null : nowMs - record.createdAtMs)],
    ['Ended (UTC)', utcText(record.endedAtMs, record.endTime)],
    ['Version', record.version === null ? '-' : String(record.version)],
    ['Device', device ? deviceText(record) : '-'],
    ['Device OS', device?.deviceOS ?? '-'],
    ['Machine code', device?.machineCode ?? '-'],
    ['Properties', record.properties ?? '-'],
  ];
  return formatTable(['FIELD', 'VALUE'], lines, 200).split('\n').slice(1).join('\n');
}

export function filesTable(files: readonly BackupFileView[]): string {
  const body = files.map((file) => [
    file.fileId,
    file.size ?? '-',
    utcText(file.createdAtMs, file.createTime),
    file.mimeType ?? '-',
    file.sha256 ?? '-',
    file.fileName,
  ]);
  return formatTable(['FILE ID', 'BYTES', 'CREATED (UTC)', 'MIME TYPE', 'SHA-256', 'NAME'], body, 100);
}

/** One line for a read that failed: what the server said, where, and what to do (in `locale`: cliLocale.ts). */
export function failureText(read: RecordReadOutcome, what: string, locale: MessageLocale = 'en'): string {
  const parts = [read.httpStatus === null ? 'no HTTP response' : `HTTP ${read.httpStatus}`];
  if (read.code !== null) parts.push(`code ${printable(read.code, 40)}`);
  if (read.requestId) parts.push(`request ${printable(read.requestId, 80)}`);
  const said = read.msg ? printable(read.msg) : read.kind;
  return `FAILED ${what}: ${said} (${read.kind}; ${parts.join(', ')}) — ${printable(remedyIn(locale, read.remedy, read.remedyMessage), 600)}`;
}
