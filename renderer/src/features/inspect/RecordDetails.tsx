import { useCopyText } from '../../components/useCopyText';
import { t } from '../../i18n';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { RecordFiles } from './RecordFiles';
import { recordFacts, recordSummary } from './recordFacts';
import type { RecordRow } from './recordRows';

export interface RecordDetailsProps {
  row: RecordRow;
  nowMs: number;
  profileId: string;
  profileName: string;
  userId: string;
  /** Opens the Locks screen for this user and the record's module (offered for a possibly stuck record). */
  onOpenLocks: () => void;
}

/** One record: every field (IDs exact), copy as text, the way to Locks when it looks stuck, and its files. */
export function RecordDetails({ row, nowMs, profileId, profileName, userId, onOpenLocks }: RecordDetailsProps) {
  const { record, stuck } = row;
  const facts = recordFacts(record, stuck, nowMs, useTimeZoneChoice());
  const { state: copyState, copy } = useCopyText();
  return (
    <section
      className={`panel inspect-details${stuck ? ' inspect-details--stuck' : ''}`}
      aria-labelledby="inspect-details-title"
    >
      <h2 id="inspect-details-title" className="panel-title">
        {t('inspect.detail.title', { recordId: record.recordId })}
      </h2>
      {stuck && (
        <div className="inspect-stuck-box">
          <p>{t('inspect.stuck.explain')}</p>
          <button type="button" className="button button--primary" onClick={onOpenLocks}>
            {t('inspect.openLocks')}
          </button>
        </div>
      )}
      <dl className="details">
        {facts.map((fact) => (
          <div className="details-row" key={fact.label}>
            <dt>{fact.label}</dt>
            <dd className={fact.mono ? 'mono' : undefined}>{fact.value}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => void copy(recordSummary({ profileName, userId }, facts))}
        >
          {t('result.copy')}
        </button>
        <span className="copy-note" role="status">
          {copyState === 'copied' ? t('result.copied') : copyState === 'failed' ? t('result.copyFailed') : ''}
        </span>
      </div>
      <RecordFiles key={record.recordId} target={{ profileId, userId, recordId: record.recordId }} />
    </section>
  );
}
