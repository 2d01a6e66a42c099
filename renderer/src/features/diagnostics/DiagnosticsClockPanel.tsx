import { type Ref, useState } from 'react';
import type { ClockCheck } from '../../../../shared/diagnostics';
import type { Profile } from '../../../../shared/profile';
import type { IpcCall } from '../../api/useIpcCall';
import { messageText, t } from '../../i18n';
import { clockOffsetFor, offsetSeconds, setClockOffset, useClockOffset } from './diagnosticsClockOffset';
import { DiagnosticsSection } from './DiagnosticsSection';
import { type DiagnosticsStatus, DiagnosticsStatusIcon } from './DiagnosticsStatusIcon';
import { ErrorAlert } from '../../components/ErrorAlert';

const VERDICT_STATUS: Readonly<Record<ClockCheck['verdict'], DiagnosticsStatus>> = {
  ok: 'passed',
  'local-ahead': 'failed',
  'local-behind': 'failed',
  unknown: 'skipped',
};

export interface DiagnosticsClockPanelProps {
  profile: Profile;
  /** The clock check's call, shared with "Run all checks". */
  call: IpcCall<ClockCheck>;
  onCheck: () => void;
  status: DiagnosticsStatus | null;
  open: boolean;
  onToggle: (open: boolean) => void;
  toggleRef?: Ref<HTMLButtonElement>;
}

/** The clock check, and the per-profile "Sign with server time" switch; mount with a key per profile. */
export function DiagnosticsClockPanel({
  profile,
  call,
  onCheck,
  status,
  open,
  onToggle,
  toggleRef,
}: DiagnosticsClockPanelProps) {
  const { busy, error, value: check } = call;
  const [notice, setNotice] = useState('');
  const activeOffset = useClockOffset(profile.id);

  function run() {
    setNotice('');
    onCheck();
  }

  // What the switch applies: the latest check's suggestion, else the offset in use when the panel opened.
  const [remembered] = useState(() => clockOffsetFor(profile.id) ?? null);
  const offer = check ? (check.suggestedOffsetMs ?? activeOffset ?? null) : (activeOffset ?? remembered);
  const seconds = (ms: number | null) =>
    ms === null ? t('diagnostics.clock.none') : t('diagnostics.clock.seconds', { seconds: offsetSeconds(ms) });

  function toggle(on: boolean) {
    setClockOffset(profile.id, on ? offer : null);
    setNotice(t(on ? 'diagnostics.clock.useServerTime.on' : 'diagnostics.clock.useServerTime.off'));
  }

  return (
    <DiagnosticsSection
      id="diag-clock"
      title={t('diagnostics.clock.title')}
      status={status}
      open={open}
      onToggle={onToggle}
      toggleRef={toggleRef}
      action={
        <>
          <span className="copy-note" role="status">
            {busy ? t('diagnostics.clock.checking') : ''}
          </span>
          <button type="button" className="button" disabled={busy} onClick={run}>
            {t('diagnostics.clock.check')}
          </button>
        </>
      }
    >
      <p className="field-help">{t('diagnostics.clock.help')}</p>
      {error && <ErrorAlert error={error} />}
      {check && (
        <div className={`diag-verdict diag-verdict--${VERDICT_STATUS[check.verdict]}`}>
          <div className="diag-verdict-head">
            <DiagnosticsStatusIcon status={VERDICT_STATUS[check.verdict]} />
            <h3 className="diag-verdict-title">{t(`diagnostics.clock.verdict.${check.verdict}`)}</h3>
          </div>
          <p>{messageText(check.verdictMessage, check.message)}</p>
          <dl className="details">
            <div className="details-row">
              <dt>{t('diagnostics.clock.local')}</dt>
              <dd className="mono">{check.localTime}</dd>
            </div>
            <div className="details-row">
              <dt>{t('diagnostics.clock.server')}</dt>
              <dd className="mono">{check.serverTime ?? t('diagnostics.clock.none')}</dd>
            </div>
            <div className="details-row">
              <dt>{t('diagnostics.clock.skew')}</dt>
              <dd className="mono">{seconds(check.skewMs)}</dd>
            </div>
          </dl>
        </div>
      )}
      {offer !== null && (
        <div className="diag-switch">
          <label className="diag-switch-label">
            <input
              type="checkbox"
              role="switch"
              checked={activeOffset !== undefined}
              onChange={(event) => toggle(event.target.checked)}
              aria-describedby="diag-switch-help"
            />
            <span className="strong">{t('diagnostics.clock.useServerTime')}</span>
          </label>
          <p id="diag-switch-help" className="field-help">
            {t('diagnostics.clock.useServerTime.help', { seconds: offsetSeconds(activeOffset ?? offer) })}
          </p>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {notice}
      </p>
    </DiagnosticsSection>
  );
}
