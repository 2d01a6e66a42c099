import type { ClockCheck, ConnectionReport, ConnectionStep } from '../../../../shared/diagnostics';
import type { IpcError } from '../../../../shared/ipcResult';
import { t, tCount } from '../../i18n';
import { amountOfTime } from '../locks/clockSkewText';
import type { DiagnosticsStatus } from './DiagnosticsStatusIcon';

/** The checks "Run all checks" runs, in this order; the request preview is a preview, not a check. */
export const DIAGNOSTICS_CHECKS = ['clock', 'connection'] as const;
export type DiagnosticsCheck = (typeof DIAGNOSTICS_CHECKS)[number];

/** What one check came to: a call's value, or the error that kept it from answering. */
export interface CheckOutcome<T> {
  value: T | null;
  error: IpcError | null;
}

export interface SummaryRow {
  check: DiagnosticsCheck;
  status: DiagnosticsStatus;
  /** One sentence: why it passed, failed or was skipped. */
  reason: string;
}

function couldNotRun(error: IpcError): string {
  return t('diagnostics.summary.couldNotRun', { message: error.message });
}

export function clockSummaryRow({ value, error }: CheckOutcome<ClockCheck>): SummaryRow | null {
  if (error) return { check: 'clock', status: 'failed', reason: couldNotRun(error) };
  if (!value) return null;
  if (value.verdict === 'unknown' || value.skewMs === null) {
    return { check: 'clock', status: 'skipped', reason: t('diagnostics.summary.clock.unknown') };
  }
  if (value.verdict === 'ok') return { check: 'clock', status: 'passed', reason: t('diagnostics.summary.clock.ok') };
  const amount = amountOfTime(value.skewMs);
  const key = value.verdict === 'local-behind' ? 'diagnostics.summary.clock.behind' : 'diagnostics.summary.clock.ahead';
  return { check: 'clock', status: 'failed', reason: t(key, { amount }) };
}

function stepName(step: ConnectionStep): string {
  return t(`diagnostics.step.${step.step}`);
}

export function connectionSummaryRow({ value, error }: CheckOutcome<ConnectionReport>): SummaryRow | null {
  if (error) return { check: 'connection', status: 'failed', reason: couldNotRun(error) };
  if (!value) return null;
  const failed = value.steps.find((step) => step.ok === false);
  if (failed) {
    return {
      check: 'connection',
      status: 'failed',
      reason: t('diagnostics.connection.failedAt', { step: stepName(failed) }),
    };
  }
  if (value.steps.every((step) => step.ok === null)) {
    return { check: 'connection', status: 'skipped', reason: t('diagnostics.summary.connection.nothing') };
  }
  const warned = value.steps.find((step) => step.ok === true && step.remedy !== null);
  if (warned) {
    return {
      check: 'connection',
      status: 'warning',
      reason: t('diagnostics.summary.connection.warning', { step: stepName(warned) }),
    };
  }
  return { check: 'connection', status: 'passed', reason: t('diagnostics.connection.allPassed') };
}

/** One row per check that has an outcome, in the order the checks run. */
export function summaryRows(outcomes: {
  clock: CheckOutcome<ClockCheck>;
  connection: CheckOutcome<ConnectionReport>;
}): SummaryRow[] {
  const rows = [clockSummaryRow(outcomes.clock), connectionSummaryRow(outcomes.connection)];
  return rows.filter((row): row is SummaryRow => row !== null);
}

/** What a screen reader hears when "Run all checks" ends: how many passed, failed or were skipped. */
export function summaryAnnouncement(rows: readonly SummaryRow[]): string {
  const count = (statuses: readonly DiagnosticsStatus[]) => rows.filter((row) => statuses.includes(row.status)).length;
  const failed = count(['failed']);
  const params = {
    count: rows.length,
    passed: count(['passed', 'warning']),
    failed,
    skipped: count(['skipped']),
  };
  return tCount(
    failed > 0 ? 'diagnostics.summary.announce.failed' : 'diagnostics.summary.announce',
    rows.length,
    params,
  );
}

/** After "Run all checks": a section stays open unless its check passed cleanly. */
export function sectionOpenAfterRun(row: SummaryRow | undefined): boolean {
  return row === undefined || row.status !== 'passed';
}
