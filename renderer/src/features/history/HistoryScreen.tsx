import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ResultOf } from '../../../../shared/contract';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { useHistoryRows } from './useHistoryRows';
import { t, tCount } from '../../i18n';
import { downloadCsv, timestampedCsvName } from '../../lib/csvDownload';
import { formatCount } from '../../lib/numberFormat';
import {
  EMPTY_HISTORY_FILTER,
  type HistoryFilterDraft,
  historyFilterOf,
  isEmptyHistoryFilter,
} from './historyFilterDraft';
import { AuditIntegrityBadge } from './AuditIntegrityBadge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HistoryDetailsPanel } from './HistoryDetailsPanel';
import { HistoryFilters } from './HistoryFilters';
import { HistoryGrid } from './HistoryGrid';
import { useTimeZoneChoice } from '../settings/settingsStore';
import '../../styles/batchHistory.css';

/** Filters apply this long after the last keystroke. */
const FILTER_DEBOUNCE_MS = 250;

export interface HistoryScreenProps {
  /** Filters set when the screen opens (e.g. one batch, from the batch screen's "Show in History"). */
  initialFilter?: Partial<HistoryFilterDraft>;
}

export function HistoryScreen({ initialFilter }: HistoryScreenProps) {
  const [draft, setDraft] = useState<HistoryFilterDraft>(() => ({ ...EMPTY_HISTORY_FILTER, ...initialFilter }));
  const [applied, setApplied] = useState<HistoryFilterDraft>(() => ({ ...EMPTY_HISTORY_FILTER, ...initialFilter }));
  const [reloadCount, setReloadCount] = useState(0);
  const [selection, setSelection] = useState<{ key: string; index: number } | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [profileNames, setProfileNames] = useState<string[]>([]);
  const exporting = useIpcCall<ResultOf<'exportHistory'>>();
  const [exportNote, setExportNote] = useState('');
  const labelId = useId();
  const gridLabelId = useId();
  const helpId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setApplied(draft), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  useEffect(() => {
    let current = true;
    void lockAdmin()
      .listProfiles()
      .then((reply) => {
        if (current && reply.ok) setProfileNames(reply.value.map((profile) => profile.name));
      });
    return () => {
      current = false;
    };
  }, []);

  const timeZone = useTimeZoneChoice();
  const filter = useMemo(() => historyFilterOf(applied, timeZone), [applied, timeZone]);
  const history = useHistoryRows(filter, reloadCount);
  const listKey = `${reloadCount}:${JSON.stringify(filter)}`;
  const selected = selection && selection.key === listKey ? selection.index : null;
  const filterProblem = history.error?.code === 'invalid-argument' ? history.error.message : null;
  const loadError = history.error && !filterProblem ? history.error : null;

  const select = useCallback((index: number) => setSelection({ key: listKey, index }), [listKey]);
  const open = useCallback(
    (index: number) => {
      select(index);
      setDetailsOpen(true);
    },
    [select],
  );
  const closeDetails = useCallback(() => {
    setDetailsOpen(false);
    document.querySelector<HTMLElement>('.history-grid')?.focus();
  }, []);
  const showDetails = detailsOpen && selected !== null;

  async function exportCsv() {
    setExportNote('');
    exporting.dismissError();
    const reply = await exporting.run(() => lockAdmin().exportHistory({ filter }));
    if (!reply.ok) return;
    const name = timestampedCsvName('koodrive-history');
    downloadCsv(name, reply.value.csv);
    setExportNote(t('history.exported', { name, count: formatCount(reply.value.rows) }));
  }

  const total = history.total;
  const countText =
    total === null ? t('history.count.loading') : tCount('history.count', total, { count: formatCount(total) });

  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1 className="page-title">{t('history.title')}</h1>
        <p className="page-subtitle">{t('history.subtitle')}</p>
      </div>
      <section className="panel form history-panel" aria-labelledby={labelId}>
        <HistoryFilters draft={draft} onChange={setDraft} profileNames={profileNames} dateProblem={filterProblem} />
        <div className="history-toolbar">
          <h2 id={labelId} className="history-count" aria-live="polite">
            {countText}
          </h2>
          <AuditIntegrityBadge reloadCount={reloadCount} />
          {history.skipped > 0 && (
            <span className="badge badge--warn">
              {tCount('history.skipped', history.skipped, {
                count: formatCount(history.skipped),
              })}
            </span>
          )}
          <span className="copy-note" role="status">
            {exportNote}
          </span>
          <span className="actions-spacer" />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setDraft(EMPTY_HISTORY_FILTER)}
            disabled={isEmptyHistoryFilter(draft)}
          >
            {t('history.filter.clear')}
          </button>
          <button type="button" className="button" onClick={() => setReloadCount((count) => count + 1)}>
            {t('history.refresh')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => selected !== null && open(selected)}
            disabled={selected === null || !history.rowAt(selected)}
          >
            {t('history.details')}
          </button>
          <button type="button" className="button" onClick={() => void exportCsv()} disabled={!total}>
            {t('history.export')}
          </button>
        </div>
        {exporting.error && <ErrorAlert error={exporting.error} />}
        {loadError && <ErrorAlert error={loadError} />}
        <p id={gridLabelId} className="visually-hidden">
          {t('history.gridLabel')}
        </p>
        <p id={helpId} className="visually-hidden">
          {t('history.gridHelp')}
        </p>
        {total === 0 && !history.error ? (
          <p className="history-empty">{isEmptyHistoryFilter(applied) ? t('history.empty') : t('history.noMatch')}</p>
        ) : (
          <div className={`history-body${showDetails ? ' history-body--details' : ''}`}>
            <HistoryGrid
              total={total ?? 0}
              rowAt={history.rowAt}
              ensure={history.ensure}
              selected={selected}
              onSelect={select}
              onOpen={open}
              onEscape={closeDetails}
              labelId={gridLabelId}
              helpId={helpId}
              listKey={listKey}
            />
            {showDetails && (
              <HistoryDetailsPanel
                key={history.rowAt(selected)?.operationId ?? 'loading'}
                row={history.rowAt(selected)}
                onClose={closeDetails}
              />
            )}
          </div>
        )}
      </section>
    </div>
  );
}
