import type { BatchOutcome } from '../../../../shared/batchOutcome';
import { t } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';

/** The parts shown; cancelled only when there are some. */
const SHOWN: readonly BatchOutcome[] = ['released', 'already-gone', 'retryable', 'needs-fix'];

export type OutcomeFilter = BatchOutcome | 'all';

export interface BatchOutcomeBarProps {
  outcomes: Record<BatchOutcome, number>;
  total: number;
  filter: OutcomeFilter;
  onFilter: (filter: OutcomeFilter) => void;
}

/** The results counted by what they mean; each part is a toggle that filters the results list. */
export function BatchOutcomeBar({ outcomes, total, filter, onFilter }: BatchOutcomeBarProps) {
  const parts: OutcomeFilter[] = [...SHOWN, ...(outcomes.cancelled > 0 ? (['cancelled'] as const) : [])];
  return (
    <div className="batch-outcomes" role="group" aria-label={t('batch.outcome.label')}>
      <button
        type="button"
        className="batch-outcome-part batch-outcome-part--all"
        aria-pressed={filter === 'all'}
        onClick={() => onFilter('all')}
      >
        <span className="batch-outcome-count">{formatCount(total)}</span>
        <span>{t('batch.outcome.all')}</span>
      </button>
      {parts.map((part) =>
        part === 'all' ? null : (
          <button
            key={part}
            type="button"
            className={`batch-outcome-part batch-outcome-part--${part}`}
            aria-pressed={filter === part}
            onClick={() => onFilter(filter === part ? 'all' : part)}
          >
            <span className="batch-outcome-count">{formatCount(outcomes[part])}</span>
            <span>{t(`batch.outcome.${part}`)}</span>
          </button>
        ),
      )}
    </div>
  );
}
