import { useVirtualGrid } from '../../components/useVirtualGrid';
import { t } from '../../i18n';
import type { RecordRow } from './recordRows';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { deviceText, recordAgeText, statusText, stuckText, timeCell } from './recordText';
import { RecordStatusIcon } from './RecordStatusIcon';

/** Fixed row height in px; must match .inspect-row in inspect.css. */
const ROW_HEIGHT = 32;
const HEADINGS = [
  'inspect.col.status',
  'inspect.col.created',
  'inspect.col.age',
  'inspect.col.device',
  'inspect.col.recordId',
] as const;

export interface RecordGridProps {
  rows: readonly RecordRow[];
  nowMs: number;
  selected: number | null;
  onSelect: (index: number) => void;
  labelId: string;
  helpId: string;
  /** A new list (another listing or filter) starts at the top. */
  listKey: string;
}

function rowId(index: number): string {
  return `record-row-${index}`;
}

function StatusCell({ row }: { row: RecordRow }) {
  if (row.stuck) {
    const reason = stuckText(row.stuck);
    return (
      <span className="record-status record-status--stuck" title={reason}>
        <RecordStatusIcon status="stuck" />
        {t('inspect.stuck.label')}
        <span className="visually-hidden">{`: ${reason}`}</span>
      </span>
    );
  }
  const status = row.record.statusName;
  return (
    <span className={`record-status record-status--${status}`}>
      <RecordStatusIcon status={status} />
      {statusText(status)}
    </span>
  );
}

/**
 * The records as an ARIA grid that draws only the rows in view (plus a few), as History does: a spacer
 * as tall as all rows keeps the scroll bar true and the drawn window is moved into place through the
 * CSSOM (the page's CSP allows no style attributes). 10,000 records stay as quick as 10.
 */
export function RecordGrid({ rows, nowMs, selected, onSelect, labelId, helpId, listKey }: RecordGridProps) {
  const timeZone = useTimeZoneChoice();
  const total = rows.length;
  const { viewport, head, spacer, drawn, first, last, indices, onKeyDown, onScroll } = useVirtualGrid({
    total,
    rowHeight: ROW_HEIGHT,
    initialHeight: 400,
    listKey,
    selected,
    onSelect,
  });

  const drawnRows = indices.map((index) => {
    const row = rows[index];
    const { record } = row;
    const created = timeCell(record.createTime, record.createdAtMs, timeZone);
    const isSelected = index === selected;
    return (
      <div
        key={record.recordId}
        id={rowId(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={isSelected}
        className={`inspect-row${isSelected ? ' inspect-row--selected' : ''}${row.stuck ? ' inspect-row--stuck' : ''}`}
        onClick={() => {
          onSelect(index);
          viewport.current?.focus();
        }}
      >
        <div role="gridcell" className="inspect-cell">
          <StatusCell row={row} />
        </div>
        <div role="gridcell" className="inspect-cell mono" title={created.title}>
          {created.text}
        </div>
        <div role="gridcell" className="inspect-cell">
          {recordAgeText(record, nowMs)}
        </div>
        <div role="gridcell" className="inspect-cell" title={record.device?.deviceId ?? undefined}>
          {deviceText(record)}
        </div>
        <div role="gridcell" className="inspect-cell mono">
          {record.recordId}
        </div>
      </div>
    );
  });

  return (
    <div
      ref={viewport}
      className="inspect-grid"
      role="grid"
      tabIndex={0}
      aria-labelledby={labelId}
      aria-describedby={helpId}
      aria-rowcount={total + 1}
      aria-colcount={HEADINGS.length}
      aria-activedescendant={selected !== null && selected >= first && selected <= last ? rowId(selected) : undefined}
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      <div ref={head} role="rowgroup" className="inspect-head">
        <div role="row" aria-rowindex={1} className="inspect-row inspect-row--head">
          {HEADINGS.map((key) => (
            <div key={key} role="columnheader" className="inspect-cell">
              {t(key)}
            </div>
          ))}
        </div>
      </div>
      <div ref={spacer} className="inspect-spacer">
        <div ref={drawn} role="rowgroup" className="inspect-window">
          {drawnRows}
        </div>
      </div>
    </div>
  );
}
