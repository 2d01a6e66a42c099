import type { HistoryRow } from '../../../../shared/history';
import { t } from '../../i18n';
import { ENVIRONMENTS, type Environment } from '../../../../shared/profile';
import { environmentName } from '../../lib/environment';
import type { ShownTime, TimeZoneChoice } from '../../lib/dateTime';
import { formatDuration, operationName } from '../../lib/resultText';
import { displayTime } from '../settings/displayTime';

function isEnvironment(value: string | undefined): value is Environment {
  return (ENVIRONMENTS as readonly (string | undefined)[]).includes(value);
}

/** The audit log's ISO time in the zone chosen in Settings, the ISO text on hover; an unreadable one as it is. */
export function historyTime(iso: string, zone?: TimeZoneChoice): ShownTime {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? { text: iso, title: iso } : displayTime(at, zone);
}

export function historyOutcome(row: HistoryRow): string {
  if (row.outcome === 'pending') return t('history.outcome.pending');
  if (row.outcome === 'success') return t(`resultTitle.success.${row.operation}`);
  return row.kind && row.kind !== 'success' ? t(`resultTitle.${row.kind}`) : t('history.outcome.failed');
}

/** The profile's name when it still exists, else the id the audit log recorded. */
export function historyProfile(row: HistoryRow): string {
  return row.profileName ?? row.profile;
}

/** The first 8 characters of a batch ID: enough to tell batches apart in the list (the full ID is in the details). */
export function shortBatchId(batchId: string): string {
  return batchId.length > 8 ? `${batchId.slice(0, 8)}…` : batchId;
}

export function historySource(row: HistoryRow): string {
  return t(`history.source.${row.source}`);
}

/** App or CLI, for the narrow column of the list. */
export function historySourceShort(row: HistoryRow): string {
  return t(`history.sourceShort.${row.source}`);
}

export interface HistoryFact {
  label: string;
  value: string;
  mono: boolean;
  /** Hover text: the time in ISO-8601 UTC. */
  title?: string;
}

/** Every recorded fact of one operation, label and value, in reading order. */
export function historyFacts(row: HistoryRow, zone?: TimeZoneChoice): HistoryFact[] {
  const none = t('result.none');
  const time = historyTime(row.time, zone);
  const facts: HistoryFact[] = [
    { label: t('history.detail.time'), value: time.text, mono: true, title: time.title },
    { label: t('history.detail.outcome'), value: historyOutcome(row), mono: false },
    { label: t('history.detail.kind'), value: row.kind ?? none, mono: true },
    { label: t('history.detail.operation'), value: operationName(row.operation), mono: false },
    { label: t('history.detail.userId'), value: row.userId ?? none, mono: true },
    { label: t('history.detail.lockId'), value: row.lockId ?? none, mono: true },
    {
      label: t('history.detail.profile'),
      value: row.profileName
        ? t('history.detail.profileNamed', { name: row.profileName, id: row.profile })
        : row.profile,
      mono: false,
    },
    {
      label: t('history.detail.environment'),
      value: isEnvironment(row.environment) ? environmentName(row.environment) : (row.environment ?? none),
      mono: false,
    },
    { label: t('history.detail.batchId'), value: row.batchId ?? none, mono: true },
    { label: t('history.detail.host'), value: row.host, mono: true },
    { label: t('history.detail.source'), value: historySource(row), mono: false },
    { label: t('history.detail.osUser'), value: row.osUser, mono: true },
    {
      label: t('history.detail.httpStatus'),
      value:
        row.httpStatus === undefined ? none : row.httpStatus === null ? t('result.noResponse') : String(row.httpStatus),
      mono: false,
    },
    { label: t('history.detail.code'), value: row.code ?? none, mono: true },
    { label: t('history.detail.msg'), value: row.msg ?? none, mono: false },
    {
      label: t('history.detail.duration'),
      value: row.durationMs === undefined ? none : formatDuration(row.durationMs),
      mono: false,
    },
    { label: t('history.detail.requestId'), value: row.requestId ?? none, mono: true },
    { label: t('history.detail.operationId'), value: row.operationId, mono: true },
  ];
  return facts;
}

/** The details as text for a ticket; the time also in UTC, whatever the display setting. */
export function historySummary(row: HistoryRow, zone?: TimeZoneChoice): string {
  const lines = historyFacts(row, zone).map(
    (fact) => `${fact.label}: ${fact.value}${fact.title && fact.title !== fact.value ? ` (${fact.title})` : ''}`,
  );
  return [t('history.detail.title'), ...lines].join('\n');
}
