import type { ConnectionReport } from '../../../../shared/diagnostics';
import type { Profile } from '../../../../shared/profile';
import type { ResultKind } from '../../../../shared/result';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { t } from '../../i18n';
import { DiagnosticsStepList } from './DiagnosticsStepList';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The step-by-step connection check; mount with a key per profile. */
export function DiagnosticsConnectionPanel({
  profile,
  userId,
  onHelp,
}: {
  profile: Profile;
  /** The end user of the authenticated step; the profile's default when absent. */
  userId?: string;
  onHelp: (kind: ResultKind) => void;
}) {
  const { busy, error, value: report, run: send, dismissError } = useIpcCall<ConnectionReport>();

  async function run() {
    if (busy) return;
    dismissError();
    await send(() =>
      lockAdmin().checkConnection(userId === undefined ? { profileId: profile.id } : { profileId: profile.id, userId }),
    );
  }

  const failed = report?.steps.find((step) => step.ok === false);
  const summary = !report
    ? ''
    : failed
      ? t('diagnostics.connection.failedAt', { step: t(`diagnostics.step.${failed.step}`) })
      : t('diagnostics.connection.allPassed');

  return (
    <section className="panel form" aria-labelledby="diag-connection-title">
      <div className="diag-panel-head">
        <h2 id="diag-connection-title" className="panel-title">
          {t('diagnostics.connection.title')}
        </h2>
        <p className="field-help">{t('diagnostics.connection.help')}</p>
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
          {t('diagnostics.connection.check')}
        </button>
        <span className="copy-note" role="status">
          {busy ? t('diagnostics.connection.checking') : summary}
        </span>
      </div>
      {error && <ErrorAlert error={error} />}
      {report && (
        <>
          {report.host && <p className="field-help">{t('diagnostics.connection.host', { host: report.host })}</p>}
          <DiagnosticsStepList steps={report.steps} onHelp={onHelp} />
        </>
      )}
    </section>
  );
}
