import { t } from '../../i18n';
import './batchInputSummary.css';

export interface BatchInputSummaryProps {
  /** The run's input in one line (batchRunSummaryText). */
  text: string;
  /** A running batch cannot be edited: the button is disabled and says why. */
  running: boolean;
  onEdit: () => void;
}

/** The batch's input, folded to one line while it runs and after; Edit unfolds it once the batch has ended. */
export function BatchInputSummary({ text, running, onEdit }: BatchInputSummaryProps) {
  return (
    <section className="panel batch-input-summary" aria-label={t('batch.formLabel')}>
      <p className="batch-input-summary-text">{text}</p>
      <button type="button" className="button button--small" disabled={running} onClick={onEdit}>
        {t('batch.inputSummary.edit')}
      </button>
      {running && <p className="field-help batch-input-summary-reason">{t('batch.inputSummary.locked')}</p>}
    </section>
  );
}
