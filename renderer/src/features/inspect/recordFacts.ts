/** Every field of one backup record, labelled, in reading order; and the same as text for a ticket. */
import type { BackupRecordView, StuckReason } from '../../../../shared/records';
import { t } from '../../i18n';
import { moduleOptions } from '../../lib/moduleOptions';
import type { TimeZoneChoice } from '../../lib/dateTime';
import { displayTime } from '../settings/displayTime';
import { recordAgeText, statusText, stuckText } from './recordText';

export interface RecordFact {
  label: string;
  value: string;
  mono: boolean;
}

function timeFact(raw: string | null, ms: number | null, zone: TimeZoneChoice | undefined): string {
  const none = t('result.none');
  if (!raw) return none;
  return ms === null ? raw : t('inspect.time.both', { time: displayTime(new Date(ms), zone).text, raw });
}

function moduleText(code: string): string {
  return moduleOptions(code).find((option) => option.value === code)?.label ?? code;
}

export function recordFacts(
  record: BackupRecordView,
  stuck: StuckReason | null,
  nowMs: number,
  zone?: TimeZoneChoice,
): RecordFact[] {
  const none = t('result.none');
  const device = record.device;
  const status =
    record.status === null ? statusText(record.statusName) : `${statusText(record.statusName)} (${record.status})`;
  return [
    { label: t('inspect.detail.recordId'), value: record.recordId, mono: true },
    { label: t('inspect.detail.module'), value: moduleText(record.moduleCode), mono: false },
    { label: t('inspect.detail.status'), value: status, mono: false },
    ...(stuck ? [{ label: t('inspect.stuck.label'), value: stuckText(stuck), mono: false }] : []),
    { label: t('inspect.detail.created'), value: timeFact(record.createTime, record.createdAtMs, zone), mono: false },
    { label: t('inspect.detail.age'), value: recordAgeText(record, nowMs), mono: false },
    { label: t('inspect.detail.ended'), value: timeFact(record.endTime, record.endedAtMs, zone), mono: false },
    { label: t('inspect.detail.deviceName'), value: device?.deviceName || none, mono: false },
    { label: t('inspect.detail.deviceId'), value: device?.deviceId || none, mono: true },
    { label: t('inspect.detail.deviceOS'), value: device?.deviceOS || none, mono: false },
    { label: t('inspect.detail.machineCode'), value: device?.machineCode || none, mono: true },
    { label: t('inspect.detail.deviceCreated'), value: device?.createTime || none, mono: true },
    { label: t('inspect.detail.version'), value: record.version === null ? none : String(record.version), mono: false },
    { label: t('inspect.detail.properties'), value: record.properties || none, mono: true },
  ];
}

/** Plain text for a support ticket: who, which profile, then every fact. */
export function recordSummary(context: { profileName: string; userId: string }, facts: readonly RecordFact[]): string {
  return [
    t('inspect.detail.heading'),
    `${t('summary.profile')}: ${context.profileName}`,
    `${t('summary.userId')}: ${context.userId}`,
    ...facts.map((fact) => `${fact.label}: ${fact.value}`),
  ].join('\n');
}
