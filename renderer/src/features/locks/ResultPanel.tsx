import { useCallback, useEffect, useRef, useState } from 'react';
import { useCopyText } from '../../components/useCopyText';
import { messageText, t } from '../../i18n';
import { environmentName } from '../../lib/environment';
import { moduleNameOfLockId } from '../../lib/moduleName';
import type { CompletedOperation } from '../../lib/operation';
import { formatDuration, operationName, resultSummary, resultTitle } from '../../lib/resultText';
import { HelpDialog } from '../help/HelpDialog';
import { Icon } from '../../components/Icon';
import { cancelledText } from './cancelledText';
import { clockSkewText } from './clockSkewText';
import type { ResultNavigation } from './nextSteps';
import { ResultNextSteps } from './ResultNextSteps';
import { displayTime } from '../settings/displayTime';
import { useTimeZoneChoice } from '../settings/settingsStore';
import './result.css';

export interface ResultPanelProps {
  done: CompletedOperation;
  /** The form now targets another profile or user: this result does not describe it. */
  stale?: boolean;
  /** Opens another screen for a next step (Diagnostics, Profiles, History), filled in. */
  onNavigate: (target: ResultNavigation) => void;
}

/** A detail row: label, value, monospace, and an optional hover text. */
type Row = [string, string, boolean, string?];

/** What happened, in plain words, with everything a support ticket needs. */
export function ResultPanel({ done, stale = false, onNavigate }: ResultPanelProps) {
  const { result } = done;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { state: copyState, copy } = useCopyText();
  const [helpOpen, setHelpOpen] = useState(false);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const none = t('result.none');
  const userId = result.userId ?? done.userId;
  const moduleName = moduleNameOfLockId(result.lockId);
  const skew = clockSkewText(result);
  const timeZone = useTimeZoneChoice();
  const finished = displayTime(done.finishedAt, timeZone);
  const cancelled = cancelledText(result, timeZone);

  useEffect(() => {
    // The button that started the request was disabled while it ran; keep keyboard users in place.
    if (document.activeElement === document.body || document.activeElement === null) headingRef.current?.focus();
  }, [done]);

  const rows: Row[] = [
    [t('result.time'), finished.text, false, finished.title],
    [t('result.userId'), userId || none, true],
    [t('result.lockId'), result.lockId ?? none, true],
    ...(moduleName ? [[t('result.module'), moduleName, false] as Row] : []),
    [t('result.environment'), environmentName(done.environment), false],
    [t('result.host'), result.host, true],
    [t('result.httpStatus'), result.httpStatus === null ? t('result.noResponse') : String(result.httpStatus), false],
    [t('result.code'), result.code ?? none, true],
    [t('result.msg'), result.msg ?? none, false],
    [t('result.duration'), formatDuration(result.durationMs), false],
    [t('result.requestId'), result.requestId ?? none, true],
  ];
  const tone = result.ok ? 'result--ok' : result.kind === 'not-found' ? 'result--neutral' : 'result--fail';

  return (
    <article className={`panel result ${tone}${stale ? ' result--stale' : ''}`} aria-labelledby="result-title">
      {stale && (
        <p className="result-stale" role="note">
          {t('result.stale', { profile: done.profileName, userId: userId || none })}
        </p>
      )}
      <header className="result-head">
        <Icon name={result.ok ? 'check' : 'alert'} className="result-icon" />
        <div>
          <h2 id="result-title" className="result-title" ref={headingRef} tabIndex={-1}>
            {resultTitle(result)}
          </h2>
          <p className="result-operation">
            {t('result.operationFor', {
              operation: operationName(result.operation),
              profile: done.profileName,
              userId: userId || none,
            })}
          </p>
        </div>
      </header>
      <p className="result-remedy">{messageText(result.remedyMessage, result.remedy)}</p>
      {skew && <p className="result-finding strong">{skew}</p>}
      {cancelled && <p className="result-finding">{cancelled}</p>}
      <ResultNextSteps key={done.finishedAt.getTime()} done={done} onNavigate={onNavigate} />
      <dl className="details">
        {rows.map(([label, value, mono, title]) => (
          <div className="details-row" key={label}>
            <dt>{label}</dt>
            <dd className={mono ? 'mono' : undefined} title={title}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy(resultSummary(done))}>
          {t('result.copy')}
        </button>
        <button type="button" className="button button--quiet help-link" onClick={() => setHelpOpen(true)}>
          {t('help.open')}
        </button>
        <span className="copy-note" role="status">
          {copyState === 'copied' ? t('result.copied') : copyState === 'failed' ? t('result.copyFailed') : ''}
        </span>
      </div>
      {helpOpen && <HelpDialog kind={result.kind} onClose={closeHelp} />}
    </article>
  );
}
