import { useState } from 'react';
import type { LockResult } from '../../../shared/result';
import { t } from '../i18n';
import { formatCount } from '../lib/batchFormat';
import { formatDuration, resultTitle } from '../lib/resultText';

export const BATCH_PAGE_SIZE = 100;

export interface BatchResultsProps {
  results: readonly LockResult[];
  /** Failed lock IDs that can be sent again; null while the batch runs. */
  retryCount: number | null;
  notSentCount: number | null;
  exportNote: string;
  onRetry: () => void;
  onSendRest: () => void;
  onExport: () => void;
}

/** Results in completion order, a page at a time (a batch may hold 10,000), optionally failures only. */
export function BatchResults({
  results,
  retryCount,
  notSentCount,
  exportNote,
  onRetry,
  onSendRest,
  onExport,
}: BatchResultsProps) {
  const [failuresOnly, setFailuresOnly] = useState(false);
  const [page, setPage] = useState(0);
  const shown = failuresOnly ? results.filter((result) => !result.ok) : results;
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
        <label className="batch-check">
          <input
            type="checkbox"
            checked={failuresOnly}
            onChange={(event) => {
              setFailuresOnly(event.target.checked);
              setPage(0);
            }}
          />
          {t('batch.results.failuresOnly')}
        </label>
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
      </div>
      {shown.length === 0 ? (
        <p className="field-help">{failuresOnly ? t('batch.results.noFailures') : t('batch.results.empty')}</p>
      ) : (
        <>
          <div className="batch-table-wrap">
            <table className="batch-table" aria-label={t('batch.results.tableLabel')} aria-rowcount={shown.length + 1}>
              <thead>
                <tr aria-rowindex={1}>
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
                {rows.map((result, index) => (
                  <tr
                    key={first + index}
                    aria-rowindex={first + index + 2}
                    className={result.ok ? 'batch-row' : 'batch-row batch-row--failed'}
                  >
                    <td className="mono">{result.lockId ?? none}</td>
                    <td>
                      <span
                        className={result.ok ? 'batch-outcome batch-outcome--ok' : 'batch-outcome batch-outcome--fail'}
                      >
                        {resultTitle(result)}
                      </span>
                    </td>
                    <td className="batch-col-num">{result.httpStatus ?? none}</td>
                    <td className="mono">{result.code ?? none}</td>
                    <td className="batch-msg">{result.msg ?? none}</td>
                    <td className="batch-col-num">{formatDuration(result.durationMs)}</td>
                  </tr>
                ))}
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
