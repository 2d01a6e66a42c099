import type { ConnectionStep, ConnectionStepName } from '../../../../shared/diagnostics';
import type { ResultKind } from '../../../../shared/result';
import { messageText, t } from '../../i18n';
import { type DiagnosticsStatus, DiagnosticsStatusIcon } from './DiagnosticsStatusIcon';

/** The result kind a lock operation would most likely end in when this step fails: its help applies. */
const STEP_KIND: Readonly<Record<ConnectionStepName, ResultKind>> = {
  dns: 'network',
  tcp: 'network',
  tls: 'tls',
  http: 'network',
  auth: 'auth',
};

function stepStatus(step: ConnectionStep): DiagnosticsStatus {
  if (step.ok === null) return 'skipped';
  if (!step.ok) return 'failed';
  return step.remedy ? 'warning' : 'passed';
}

export function DiagnosticsStepList({
  steps,
  onHelp,
  onReplaceSecret,
}: {
  steps: readonly ConnectionStep[];
  onHelp: (kind: ResultKind) => void;
  /** Opens the profile at its secret field: the next step when the authenticated call was refused. */
  onReplaceSecret?: () => void;
}) {
  return (
    <ol className="diag-steps" aria-label={t('diagnostics.connection.steps')}>
      {steps.map((step) => {
        const status = stepStatus(step);
        const certificate = step.certificate;
        return (
          <li key={step.step} className={`diag-step diag-step--${status}`}>
            <DiagnosticsStatusIcon status={status} />
            <div className="diag-step-body">
              <div className="diag-step-head">
                <span className="diag-step-name">{t(`diagnostics.step.${step.step}`)}</span>
                <span className="diag-step-status">{t(`diagnostics.status.${status}`)}</span>
                {status !== 'skipped' && (
                  <span className="diag-step-time">
                    {t('diagnostics.step.duration', { ms: Math.round(step.durationMs) })}
                  </span>
                )}
              </div>
              <p className="diag-step-detail">{messageText(step.detailMessage, step.detail)}</p>
              {certificate && (
                <dl className="details diag-cert">
                  <div className="details-row">
                    <dt>{t('diagnostics.cert.subject')}</dt>
                    <dd className="mono">{certificate.subject}</dd>
                  </div>
                  <div className="details-row">
                    <dt>{t('diagnostics.cert.issuer')}</dt>
                    <dd className="mono">{certificate.issuer}</dd>
                  </div>
                  <div className="details-row">
                    <dt>{t('diagnostics.cert.validFrom')}</dt>
                    <dd className="mono">{certificate.validFrom}</dd>
                  </div>
                  <div className="details-row">
                    <dt>{t('diagnostics.cert.validTo')}</dt>
                    <dd className="mono">{certificate.validTo}</dd>
                  </div>
                </dl>
              )}
              {step.remedy && (
                <p className="diag-step-remedy">
                  <span className="strong">{t('diagnostics.step.remedy')}</span>{' '}
                  {messageText(step.remedyMessage, step.remedy)}
                </p>
              )}
              {status === 'failed' && step.step === 'auth' && onReplaceSecret && (
                <button type="button" className="button button--small" onClick={onReplaceSecret}>
                  {t('diagnostics.step.replaceSecret')}
                </button>
              )}
              {status === 'failed' && (
                <button
                  type="button"
                  className="button button--quiet button--small help-link"
                  onClick={() => onHelp(STEP_KIND[step.step])}
                >
                  {t('help.open')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
