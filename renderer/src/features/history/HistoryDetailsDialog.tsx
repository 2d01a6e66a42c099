import { useId } from 'react';
import type { HistoryRow } from '../../../../shared/history';
import { useCopyText } from '../../components/useCopyText';
import { useModalDialog } from '../../components/useModalDialog';
import { t } from '../../i18n';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { historyFacts, historySummary } from './historyText';

export interface HistoryDetailsDialogProps {
  row: HistoryRow;
  onClose: () => void;
}

/** Everything the audit log recorded for one operation, in a modal <dialog>; Escape closes it. */
export function HistoryDetailsDialog({ row, onClose }: HistoryDetailsDialogProps) {
  const { dialogRef, initialFocusRef: closeRef } = useModalDialog<HTMLButtonElement>(onClose);
  const titleId = useId();
  const { state: copyState, copy } = useCopyText();
  const timeZone = useTimeZoneChoice();

  return (
    <dialog ref={dialogRef} className="dialog history-dialog" aria-labelledby={titleId}>
      <h2 id={titleId} className="dialog-title">
        {t('history.detail.title')}
      </h2>
      {row.outcome === 'pending' && <p className="history-dialog-note">{t('history.detail.pendingNote')}</p>}
      <dl className="details">
        {historyFacts(row, timeZone).map((fact) => (
          <div className="details-row" key={fact.label}>
            <dt>{fact.label}</dt>
            <dd className={fact.mono ? 'mono' : undefined} title={fact.title}>
              {fact.value}
            </dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <span className="copy-note history-dialog-copied" role="status">
          {copyState === 'copied' ? t('result.copied') : copyState === 'failed' ? t('result.copyFailed') : ''}
        </span>
        <button type="button" className="button" onClick={() => void copy(historySummary(row, timeZone))}>
          {t('history.detail.copy')}
        </button>
        <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
          {t('history.detail.close')}
        </button>
      </div>
    </dialog>
  );
}
