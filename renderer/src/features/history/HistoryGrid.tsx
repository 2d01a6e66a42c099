import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useVirtualGrid } from '../../components/useVirtualGrid';
import type { HistoryRow } from '../../../../shared/history';
import { t } from '../../i18n';
import {
  historyOutcome,
  historyProfile,
  historySource,
  historySourceShort,
  historyTime,
  shortBatchId,
} from './historyText';
import { operationName } from '../../lib/resultText';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { HISTORY_COLUMNS, type HistoryColumnKey, columnTemplate, rowMinWidth } from './historyColumns';
import { setHistoryColumnWidth, useHistoryColumnWidths } from './historyColumnStore';
import { HistoryColumnResizer } from './HistoryColumnResizer';

/** Fixed row height in px; must match .history-row in batchHistory.css. */
const HISTORY_ROW_HEIGHT = 32;
const HEADINGS: Readonly<Record<HistoryColumnKey, { key: `history.col.${HistoryColumnKey}`; numeric: boolean }>> = {
  time: { key: 'history.col.time', numeric: false },
  operation: { key: 'history.col.operation', numeric: false },
  userId: { key: 'history.col.userId', numeric: false },
  lockId: { key: 'history.col.lockId', numeric: false },
  outcome: { key: 'history.col.outcome', numeric: false },
  http: { key: 'history.col.http', numeric: true },
  batch: { key: 'history.col.batch', numeric: false },
  profile: { key: 'history.col.profile', numeric: false },
  source: { key: 'history.col.source', numeric: false },
};
const COLUMNS = HISTORY_COLUMNS.length;

export interface HistoryGridProps {
  total: number;
  rowAt: (index: number) => HistoryRow | undefined;
  ensure: (first: number, last: number) => void;
  selected: number | null;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  /** Escape in the list: closes the details. */
  onEscape: () => void;
  labelId: string;
  helpId: string;
  /** A new list (another filter, a refresh) starts at the top. */
  listKey: string;
}

function rowId(index: number): string {
  return `history-row-${index}`;
}

/**
 * The history as an ARIA grid that draws only the rows in view (plus a few): a spacer as tall as all
 * rows keeps the scroll bar true, and the drawn window is moved into place. Both are positioned
 * through the CSSOM, never with style attributes (the page's CSP allows no inline styles).
 */
export function HistoryGrid({
  total,
  rowAt,
  ensure,
  selected,
  onSelect,
  onOpen,
  onEscape,
  labelId,
  helpId,
  listKey,
}: HistoryGridProps) {
  const timeZone = useTimeZoneChoice();
  const { viewport, head, spacer, drawn, first, last, indices, onKeyDown, onScroll } = useVirtualGrid({
    total,
    rowHeight: HISTORY_ROW_HEIGHT,
    initialHeight: 480,
    listKey,
    selected,
    onSelect,
    extraKeys: {
      Enter: () => {
        if (selected !== null) onOpen(selected);
      },
      Escape: onEscape,
    },
  });
  const widths = useHistoryColumnWidths();
  const headingId = useId();
  const headCells = useRef<(HTMLDivElement | null)[]>([]);
  const [drawnWidths, setDrawnWidths] = useState<readonly number[]>([]);

  useLayoutEffect(() => {
    viewport.current?.style.setProperty('--history-columns', columnTemplate(widths));
    viewport.current?.style.setProperty('--history-row-min', `${rowMinWidth(widths)}px`);
  }, [viewport, widths]);

  useEffect(() => {
    const cells = headCells.current.filter((cell): cell is HTMLDivElement => cell !== null);
    const measure = () => setDrawnWidths(headCells.current.map((cell) => cell?.getBoundingClientRect().width ?? 0));
    measure();
    const observer = new ResizeObserver(measure);
    for (const cell of cells) observer.observe(cell);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (total > 0 && last >= first) ensure(first, last);
  }, [ensure, first, last, total]);

  const rows = indices.map((index) => {
    const row = rowAt(index);
    const time = row ? historyTime(row.time, timeZone) : null;
    const isSelected = index === selected;
    return (
      <div
        key={index}
        id={rowId(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isSelected}
        className={`history-row${isSelected ? ' history-row--selected' : ''}${row ? ` history-row--${row.outcome}` : ''}`}
        onClick={() => {
          onSelect(index);
          onOpen(index);
          viewport.current?.focus();
        }}
        onDoubleClick={() => onOpen(index)}
      >
        {row ? (
          <>
            <div role="gridcell" className="history-cell mono" title={time?.title}>
              {time?.text}
            </div>
            <div role="gridcell" className="history-cell">
              {operationName(row.operation)}
            </div>
            <div role="gridcell" className="history-cell mono" title={row.userId}>
              {row.userId ?? t('result.none')}
            </div>
            <div role="gridcell" className="history-cell mono" title={row.lockId ?? undefined}>
              {row.lockId ?? t('result.none')}
            </div>
            <div role="gridcell" className="history-cell">
              <span className={`history-outcome history-outcome--${row.outcome}`} title={historyOutcome(row)}>
                {historyOutcome(row)}
              </span>
            </div>
            <div role="gridcell" className="history-cell history-cell--num">
              {row.httpStatus ?? t('result.none')}
            </div>
            <div role="gridcell" className="history-cell mono" title={row.batchId}>
              {row.batchId ? shortBatchId(row.batchId) : t('result.none')}
            </div>
            <div role="gridcell" className="history-cell" title={historyProfile(row)}>
              {historyProfile(row)}
            </div>
            <div role="gridcell" className="history-cell" title={historySource(row)}>
              {historySourceShort(row)}
            </div>
          </>
        ) : (
          <div role="gridcell" className="history-cell history-cell--loading" aria-colspan={COLUMNS}>
            {t('history.loadingRow')}
          </div>
        )}
      </div>
    );
  });

  return (
    <div
      ref={viewport}
      className="history-grid"
      role="grid"
      tabIndex={0}
      aria-labelledby={labelId}
      aria-describedby={helpId}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS}
      aria-activedescendant={selected !== null && selected >= first && selected <= last ? rowId(selected) : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      <div ref={head} role="rowgroup" className="history-head">
        <div role="row" aria-rowindex={1} className="history-row history-row--head">
          {HISTORY_COLUMNS.map((column, position) => {
            const { key, numeric } = HEADINGS[column.key];
            return (
              <div
                key={column.key}
                ref={(cell) => {
                  headCells.current[position] = cell;
                }}
                role="columnheader"
                aria-labelledby={`${headingId}-${column.key}`}
                className={`history-cell history-cell--head${numeric ? ' history-cell--num' : ''}`}
              >
                {/* Named by its text alone, not by the resize handle's label inside it. */}
                <span id={`${headingId}-${column.key}`}>{t(key)}</span>
                <HistoryColumnResizer
                  column={column}
                  label={t(key)}
                  width={widths[column.key] ?? drawnWidths[position] ?? column.min}
                  onResize={(width, final) => setHistoryColumnWidth(column, width, final)}
                  onReset={() => setHistoryColumnWidth(column, null)}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div ref={spacer} className="history-spacer">
        <div ref={drawn} role="rowgroup" className="history-window">
          {rows}
        </div>
      </div>
    </div>
  );
}
