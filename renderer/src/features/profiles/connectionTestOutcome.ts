/** The one-paragraph outcome of "Test connection" in the profile editor, from the connection check's report. */
import type { ConnectionReport } from '../../../../shared/diagnostics';
import { messageText, t } from '../../i18n';

export interface ConnectionTestOutcome {
  passed: boolean;
  /** What happened, in the user's language. */
  summary: string;
  /** The failed step's own detail and remedy (from main, as the Diagnostics screen shows them). */
  detail: string | null;
  remedy: string | null;
}

export function connectionTestOutcome(report: ConnectionReport): ConnectionTestOutcome {
  const failed = report.steps.find((step) => step.ok === false);
  if (failed) {
    return {
      passed: false,
      summary: t('profile.test.failed', { step: t(`diagnostics.step.${failed.step}`), host: report.host }),
      detail: messageText(failed.detailMessage, failed.detail),
      remedy: failed.remedy === null ? null : messageText(failed.remedyMessage, failed.remedy),
    };
  }
  return { passed: true, summary: t('profile.test.passed', { host: report.host }), detail: null, remedy: null };
}
