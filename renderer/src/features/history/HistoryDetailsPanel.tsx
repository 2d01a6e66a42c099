import { type KeyboardEvent, useId } from 'react';
import type { HistoryRow } from '../../../../shared/history';
import { useCopyText } from '../../components/useCopyText';
import { t } from '../../i18n';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { historyFacts, historySummary } from './historyText';

export interface HistoryDetailsPanelProps {
  /** The selected row; undefined while its page is still on its way. */
  row: HistoryRow | undefined;
  onClose: () => void;
}

/**
 * Everything the audit log recorded for the selected operation, beside the list (below it in a narrow
 * window). A non-modal dialog: the list stays usable, and moving through it shows each row here.
 */
export function HistoryDetailsPanel({ row, onClose }: HistoryDetailsPanelProps) {
  const titleId = useId();
  const { state: copyState, copy } = useCopyText();
  const timeZone = useTimeZoneChoice();

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  }

  return (
    <section role="dialog" aria-labelledby={titleId} className="history-details" onKeyDown={onKeyDown}>
      <div className="history-details-head">
        <h2 id={titleId} className="history-details-title">
          {t('history.detail.title')}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('history.detail.close')}
        </button>
      </div>
      {row ? (
        <>
          {row.outcome === 'pending' && <p className="history-details-note">{t('history.detail.pendingNote')}</p>}
          <dl className="details history-details-facts">
            {historyFacts(row, timeZone).map((fact) => (
              <div className="details-row" key={fact.label}>
                <dt>{fact.label}</dt>
                <dd className={fact.mono ? 'mono' : undefined} title={fact.title}>
                  {fact.value}
                </dd>
              </div>
            ))}
          </dl>
          <div className="history-details-actions">
            <button type="button" className="button" onClick={() => void copy(historySummary(row, timeZone))}>
              {t('history.detail.copy')}
            </button>
            <span className="copy-note" role="status">
              {copyState === 'copied' ? t('result.copied') : copyState === 'failed' ? t('result.copyFailed') : ''}
            </span>
          </div>
        </>
      ) : (
        <p className="history-details-loading">{t('history.loadingRow')}</p>
      )}
    </section>
  );
}
