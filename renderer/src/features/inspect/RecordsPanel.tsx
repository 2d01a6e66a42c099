import { useId, useMemo, useState } from 'react';
import { t, tCount } from '../../i18n';
import { downloadCsv, timestampedCsvName } from '../../lib/csvDownload';
import { formatCount } from '../../lib/numberFormat';
import type { LocksPrefill } from '../locks/LocksScreen';
import { ReadFailure } from './ReadFailure';
import { RecordDetails } from './RecordDetails';
import { RecordFilters } from './RecordFilters';
import { RecordGrid } from './RecordGrid';
import { NO_RECORD_FILTER, type RecordFilter, deviceChoices, filterRows, recordRows } from './recordRows';
import { recordsToCsv } from './recordsCsv';
import { stuckText } from './recordText';
import type { RecordListing } from './useRecordListing';

export interface RecordsPanelProps {
  listing: RecordListing;
  /** The heading that takes focus when the listing arrives. */
  headingId: string;
  onOpenLocks: (target: LocksPrefill) => void;
}

/** What one listing found: why it is incomplete if it is, the filters, the table, and the chosen record. */
export function RecordsPanel({ listing, headingId, onOpenLocks }: RecordsPanelProps) {
  const { request, result, readAtMs } = listing;
  const [filter, setFilter] = useState<RecordFilter>(NO_RECORD_FILTER);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exportNote, setExportNote] = useState('');
  const gridLabelId = useId();
  const helpId = useId();

  const rows = useMemo(() => recordRows(result.records, readAtMs), [result.records, readAtMs]);
  const devices = useMemo(() => deviceChoices(result.records), [result.records]);
  const shown = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const stuckRows = useMemo(() => rows.filter((row) => row.stuck !== null), [rows]);
  const selectedIndex = shown.findIndex((row) => row.record.recordId === selectedId);
  const selected = selectedIndex === -1 ? null : shown[selectedIndex];
  const total = rows.length;

  const incomplete = !result.ok && total > 0;
  const announcement =
    stuckRows.length > 0 && stuckRows[0].stuck
      ? tCount('inspect.announce.stuck', stuckRows.length, {
          count: formatCount(total),
          stuck: formatCount(stuckRows.length),
          reason: stuckText(stuckRows[0].stuck),
        })
      : tCount('inspect.count', total, { count: formatCount(total) });

  function exportCsv() {
    const name = timestampedCsvName(`koodrive-records-${request.moduleCode}`);
    downloadCsv(name, recordsToCsv(shown));
    setExportNote(t('inspect.exported', { name, count: formatCount(shown.length) }));
  }

  return (
    <>
      <section className="panel inspect-results" aria-labelledby={headingId}>
        <div className="inspect-toolbar">
          <h2 id={headingId} className="inspect-count" tabIndex={-1}>
            {shown.length === total
              ? tCount('inspect.count', total, { count: formatCount(total) })
              : t('inspect.count.filtered', { shown: formatCount(shown.length), count: formatCount(total) })}
          </h2>
          {stuckRows.length > 0 && (
            <span className="badge badge--warn">
              {tCount('inspect.stuck.count', stuckRows.length, { count: formatCount(stuckRows.length) })}
            </span>
          )}
          <span className="copy-note" role="status">
            {exportNote}
          </span>
          <span className="actions-spacer" />
          <button type="button" className="button" onClick={exportCsv} disabled={shown.length === 0}>
            {t('inspect.export')}
          </button>
        </div>
        <p className="field-help">
          {t('inspect.context', {
            userId: request.userId,
            module: request.moduleCode,
            profile: request.profileName,
          })}
        </p>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {!result.ok && (
          <ReadFailure
            outcome={result}
            note={
              incomplete
                ? t(result.kind === 'cancelled' ? 'inspect.cancelled' : 'inspect.incomplete', {
                    count: formatCount(total),
                  })
                : undefined
            }
          />
        )}
        {result.ok && result.limitReached && (
          <p className="inspect-note inspect-note--warn">{t('inspect.limitReached', { count: formatCount(total) })}</p>
        )}
        {result.ok && total === 0 && <p className="inspect-empty">{t('inspect.empty')}</p>}
        {total > 0 && (
          <>
            <RecordFilters filter={filter} onChange={setFilter} devices={devices} />
            <p id={gridLabelId} className="visually-hidden">
              {t('inspect.gridLabel')}
            </p>
            <p id={helpId} className="visually-hidden">
              {t('inspect.gridHelp')}
            </p>
            {shown.length === 0 ? (
              <p className="inspect-empty">{t('inspect.noMatch')}</p>
            ) : (
              <RecordGrid
                rows={shown}
                nowMs={readAtMs}
                selected={selectedIndex === -1 ? null : selectedIndex}
                onSelect={(index) => setSelectedId(shown[index]?.record.recordId ?? null)}
                labelId={gridLabelId}
                helpId={helpId}
                listKey={`${filter.status}|${filter.device}`}
              />
            )}
          </>
        )}
      </section>
      {selected && (
        <RecordDetails
          row={selected}
          nowMs={readAtMs}
          profileId={request.profileId}
          profileName={request.profileName}
          userId={request.userId}
          onOpenLocks={() =>
            onOpenLocks({
              profileId: request.profileId,
              userId: request.userId,
              moduleCode: selected.record.moduleCode,
            })
          }
        />
      )}
    </>
  );
}
