import { useState } from 'react';
import { type BatchOutcome, outcomeOf } from '../../../../shared/batchOutcome';
import type { LockResult } from '../../../../shared/result';
import { t } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { formatDuration, resultTitle } from '../../lib/resultText';
import { BatchOutcomeBar, type OutcomeFilter } from './BatchOutcomeBar';
import './outcomes.css';

const BATCH_PAGE_SIZE = 100;

export interface BatchResultsProps {
  results: readonly LockResult[];
  outcomes: Record<BatchOutcome, number>;
  /** Retryable results that can be sent again; null while the batch runs. */
  retryCount: number | null;
  notSentCount: number | null;
  exportNote: string;
  onRetry: () => void;
  onSendRest: () => void;
  onExport: () => void;
  /** Opens History filtered to this batch; null until main has given the batch its ID. */
  onShowInHistory: (() => void) | null;
}

const OUTCOME_CLASS: Readonly<Record<BatchOutcome, string>> = {
  released: 'batch-outcome--ok',
  'already-gone': 'batch-outcome--neutral',
  retryable: 'batch-outcome--warn',
  'needs-fix': 'batch-outcome--fail',
  cancelled: 'batch-outcome--neutral',
};

function outcomeText(result: LockResult, outcome: BatchOutcome): string {
  return outcome === 'already-gone' ? t('batch.outcome.already-gone') : resultTitle(result);
}

/** Results in completion order, a page at a time (a batch may hold 10,000), filtered by outcome. */
export function BatchResults({
  results,
  outcomes,
  retryCount,
  notSentCount,
  exportNote,
  onRetry,
  onSendRest,
  onExport,
  onShowInHistory,
}: BatchResultsProps) {
  const [filter, setFilter] = useState<OutcomeFilter>('all');
  const [page, setPage] = useState(0);
  const shown = filter === 'all' ? results : results.filter((result) => outcomeOf(result) === filter);
  const pageCount = Math.max(1, Math.ceil(shown.length / BATCH_PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const first = current * BATCH_PAGE_SIZE;
  const rows = shown.slice(first, first + BATCH_PAGE_SIZE);
  const none = t('result.none');

  return (
    <section className="panel batch-results" aria-labelledby="batch-results-title">
      <div className="batch-results-head">
        <h2 id="batch-results-title" className="panel-title">
          {t('batch.results.title')}
        </h2>
        <span className="copy-note" role="status">
          {exportNote}
        </span>
        <span className="actions-spacer" />
        {retryCount !== null && retryCount > 0 && (
          <button type="button" className="button" onClick={onRetry}>
            {t('batch.results.retry', { count: formatCount(retryCount) })}
          </button>
        )}
        {notSentCount !== null && notSentCount > 0 && (
          <button type="button" className="button" onClick={onSendRest}>
            {t('batch.results.sendRest', { count: formatCount(notSentCount) })}
          </button>
        )}
        <button type="button" className="button" onClick={onExport} disabled={results.length === 0}>
          {t('batch.results.export')}
        </button>
        {onShowInHistory && (
          <button type="button" className="button" onClick={onShowInHistory}>
            {t('batch.results.showInHistory')}
          </button>
        )}
      </div>
      <BatchOutcomeBar
        outcomes={outcomes}
        total={results.length}
        filter={filter}
        onFilter={(next) => {
          setFilter(next);
          setPage(0);
        }}
      />
      {shown.length === 0 ? (
        <p className="field-help">{filter === 'all' ? t('batch.results.empty') : t('batch.results.noneOfOutcome')}</p>
      ) : (
        <>
          <div className="batch-table-wrap">
            <table className="batch-table" aria-label={t('batch.results.tableLabel')} aria-rowcount={shown.length + 1}>
              <thead>
                <tr aria-rowindex={1}>
                  <th scope="col">{t('batch.results.userId')}</th>
                  <th scope="col">{t('batch.results.lockId')}</th>
                  <th scope="col">{t('batch.results.outcome')}</th>
                  <th scope="col" className="batch-col-num">
                    {t('batch.results.http')}
                  </th>
                  <th scope="col">{t('batch.results.code')}</th>
                  <th scope="col">{t('batch.results.msg')}</th>
                  <th scope="col" className="batch-col-num">
                    {t('batch.results.duration')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((result, index) => {
                  const outcome = outcomeOf(result);
                  return (
                    <tr
                      key={first + index}
                      aria-rowindex={first + index + 2}
                      className={`batch-row batch-row--${outcome}`}
                    >
                      <td className="mono">{result.userId ?? none}</td>
                      <td className="mono">{result.lockId ?? none}</td>
                      <td>
                        <span className={`batch-outcome ${OUTCOME_CLASS[outcome]}`}>
                          {outcomeText(result, outcome)}
                        </span>
                      </td>
                      <td className="batch-col-num">{result.httpStatus ?? none}</td>
                      <td className="mono">{result.code ?? none}</td>
                      <td className="batch-msg">{result.msg ?? none}</td>
                      <td className="batch-col-num">{formatDuration(result.durationMs)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <nav className="batch-pager" aria-label={t('batch.results.pages')}>
            <button
              type="button"
              className="button button--small"
              onClick={() => setPage(current - 1)}
              disabled={current === 0}
            >
              {t('batch.results.previous')}
            </button>
            <span>
              {t('batch.results.rows', {
                first: formatCount(first + 1),
                last: formatCount(first + rows.length),
                count: formatCount(shown.length),
              })}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => setPage(current + 1)}
              disabled={current >= pageCount - 1}
            >
              {t('batch.results.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
