import type { Ref } from 'react';
import type { ConnectionReport } from '../../../../shared/diagnostics';
import type { ResultKind } from '../../../../shared/result';
import type { IpcCall } from '../../api/useIpcCall';
import { t } from '../../i18n';
import { DiagnosticsSection } from './DiagnosticsSection';
import type { DiagnosticsStatus } from './DiagnosticsStatusIcon';
import { DiagnosticsStepList } from './DiagnosticsStepList';
import { ErrorAlert } from '../../components/ErrorAlert';

export interface DiagnosticsConnectionPanelProps {
  /** The connection check's call, shared with "Run all checks". */
  call: IpcCall<ConnectionReport>;
  onCheck: () => void;
  onHelp: (kind: ResultKind) => void;
  onReplaceSecret?: () => void;
  status: DiagnosticsStatus | null;
  open: boolean;
  onToggle: (open: boolean) => void;
  toggleRef?: Ref<HTMLButtonElement>;
}

/** The step-by-step connection check; mount with a key per profile. */
export function DiagnosticsConnectionPanel({
  call,
  onCheck,
  onHelp,
  onReplaceSecret,
  status,
  open,
  onToggle,
  toggleRef,
}: DiagnosticsConnectionPanelProps) {
  const { busy, error, value: report } = call;
  const failed = report?.steps.find((step) => step.ok === false);
  const summary = !report
    ? ''
    : failed
      ? t('diagnostics.connection.failedAt', { step: t(`diagnostics.step.${failed.step}`) })
      : t('diagnostics.connection.allPassed');

  return (
    <DiagnosticsSection
      id="diag-connection"
      title={t('diagnostics.connection.title')}
      status={status}
      open={open}
      onToggle={onToggle}
      toggleRef={toggleRef}
      action={
        <button type="button" className="button" disabled={busy} onClick={onCheck}>
          {t('diagnostics.connection.check')}
        </button>
      }
    >
      <p className="field-help">{t('diagnostics.connection.help')}</p>
      <p className="copy-note" role="status">
        {busy ? t('diagnostics.connection.checking') : summary}
      </p>
      {error && <ErrorAlert error={error} />}
      {report && (
        <>
          {report.host && <p className="field-help">{t('diagnostics.connection.host', { host: report.host })}</p>}
          <DiagnosticsStepList steps={report.steps} onHelp={onHelp} onReplaceSecret={onReplaceSecret} />
        </>
      )}
    </DiagnosticsSection>
  );
}
