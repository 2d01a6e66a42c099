/** Backup records and files in words: status, times, ages, devices, sizes and digests. Pure but for t(). */
import type { BackupRecordView, RecordStatusWord, StuckReason } from '../../../../shared/records';
import type { ResultKind } from '../../../../shared/result';
import { t } from '../../i18n';
import type { TimeZoneChoice } from '../../lib/dateTime';
import { numberFormats } from '../../lib/numberFormat';
import { displayTime } from '../settings/displayTime';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export function statusText(status: RecordStatusWord): string {
  return t(`inspect.status.${status}`);
}

/** A duration as people say it: "3 h 12 min", "2 d 4 h", "45 min", "2 h"; under a minute (or negative) as such. */
export function ageText(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE_MS) return t('inspect.age.underMinute');
  if (ms < HOUR_MS) return t('inspect.age.minutes', { minutes: Math.floor(ms / MINUTE_MS) });
  if (ms < DAY_MS) {
    const hours = Math.floor(ms / HOUR_MS);
    const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
    return minutes === 0 ? t('inspect.age.hours', { hours }) : t('inspect.age.hoursMinutes', { hours, minutes });
  }
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS);
  return hours === 0 ? t('inspect.age.days', { days }) : t('inspect.age.daysHours', { days, hours });
}

/**
 * A record or file time for a cell: in the zone chosen in Settings with UTC on hover, or the raw text
 * when it has no known format.
 */
export function timeCell(
  raw: string | null,
  ms: number | null,
  zone?: TimeZoneChoice,
): { text: string; title: string | undefined } {
  if (ms === null) return { text: raw || t('result.none'), title: undefined };
  return displayTime(new Date(ms), zone);
}

export function recordAgeText(record: BackupRecordView, nowMs: number): string {
  return record.createdAtMs === null ? t('result.none') : ageText(nowMs - record.createdAtMs);
}

/** The device's name, else its ID. */
export function deviceText(record: BackupRecordView): string {
  const device = record.device;
  return device?.deviceName || device?.deviceId || t('result.none');
}

export function stuckText(reason: StuckReason): string {
  return t('inspect.stuck.reason', { age: ageText(reason.ageMs), threshold: ageText(reason.thresholdMs) });
}

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/** Bytes (exact decimal text) in the largest fitting unit of 1024: "1.4 MB". */
export function sizeText(size: string | null): string {
  if (size === null || !/^\d+$/.test(size)) return size ?? t('result.none');
  let value = Number(size);
  if (value < 1024) return t('inspect.size.bytes', { bytes: size });
  let unit = -1;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${numberFormats().oneDecimal.format(value)} ${UNITS[unit]}`;
}

/** The exact byte count with thousands separators, digit by digit (a size may exceed 2^53). */
export function exactSizeText(size: string | null): string | undefined {
  if (size === null || !/^\d+$/.test(size)) return undefined;
  return t('inspect.size.exact', { bytes: size.replace(/\B(?=(\d{3})+(?!\d))/g, ',') });
}

/** The first 12 hex digits of a SHA-256, enough to compare by eye; the full value is on hover and copy. */
export function shortSha(sha256: string | null): string {
  if (!sha256) return t('result.none');
  return sha256.length > 12 ? `${sha256.slice(0, 12)}…` : sha256;
}

/** The heading of a failed read; "not found" names a record, not a lock. */
export function failureTitle(kind: ResultKind): string {
  if (kind === 'not-found') return t('inspect.failure.notFound');
  if (kind === 'success') return t('inspect.failure.none');
  return t(`resultTitle.${kind}`);
}
