import { useCallback, useState, type ReactNode } from 'react';
import type { RecordReadOutcome } from '../../../../shared/records';
import { messageText, t } from '../../i18n';
import { formatDuration } from '../../lib/resultText';
import { HelpDialog } from '../help/HelpDialog';
import { Icon } from '../../components/Icon';
import { failureTitle } from './recordText';

export interface ReadFailureProps {
  outcome: RecordReadOutcome;
  /** What the failure means for what is shown (e.g. "the list is incomplete"). */
  note?: ReactNode;
  headingLevel?: 2 | 3;
}

/** A failed record read in the lock result panel's terms: kind, server answer, remedy, and what the kind means. */
export function ReadFailure({ outcome, note, headingLevel = 2 }: ReadFailureProps) {
  const [helpOpen, setHelpOpen] = useState(false);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const none = t('result.none');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const rows: Array<[string, string, boolean]> = [
    [t('inspect.failure.kind'), outcome.kind, true],
    [t('result.host'), outcome.host, true],
    [t('result.httpStatus'), outcome.httpStatus === null ? t('result.noResponse') : String(outcome.httpStatus), false],
    [t('result.code'), outcome.code ?? none, true],
    [t('result.msg'), outcome.msg ?? none, false],
    [t('result.duration'), formatDuration(outcome.durationMs), false],
    [t('result.requestId'), outcome.requestId ?? none, true],
  ];
  return (
    <article className="panel result result--fail inspect-failure" aria-label={failureTitle(outcome.kind)}>
      <header className="result-head">
        <Icon name="alert" className="result-icon" />
        <Heading className="result-title">{failureTitle(outcome.kind)}</Heading>
      </header>
      {note && <p className="inspect-failure-note">{note}</p>}
      <p className="result-remedy">{messageText(outcome.remedyMessage, outcome.remedy)}</p>
      <dl className="details">
        {rows.map(([label, value, mono]) => (
          <div className="details-row" key={label}>
            <dt>{label}</dt>
            <dd className={mono ? 'mono' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="button button--quiet help-link" onClick={() => setHelpOpen(true)}>
          {t('help.open')}
        </button>
      </div>
      {helpOpen && <HelpDialog kind={outcome.kind} onClose={closeHelp} />}
    </article>
  );
}
