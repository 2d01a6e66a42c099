import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import type { RecordRow } from './recordRows';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { deviceText, recordAgeText, statusText, stuckText, timeCell } from './recordText';
import { RecordStatusIcon } from './RecordStatusIcon';

/** Fixed row height in px; must match .inspect-row in inspect.css. */
const ROW_HEIGHT = 32;
/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 8;
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
  const viewport = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const drawn = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const [headHeight, setHeadHeight] = useState(ROW_HEIGHT);
  const total = rows.length;

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => {
      setHeight(element.clientHeight);
      setHeadHeight(head.current?.offsetHeight ?? ROW_HEIGHT);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const bodyHeight = Math.max(ROW_HEIGHT, height - headHeight);
  const visible = Math.ceil(bodyHeight / ROW_HEIGHT);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total - 1, Math.floor(scrollTop / ROW_HEIGHT) + visible + OVERSCAN);

  useLayoutEffect(() => {
    viewport.current?.scrollTo(0, 0);
  }, [listKey]);

  useLayoutEffect(() => {
    spacer.current?.style.setProperty('height', `${total * ROW_HEIGHT}px`);
    drawn.current?.style.setProperty('transform', `translateY(${first * ROW_HEIGHT}px)`);
  }, [total, first]);

  function reveal(index: number) {
    const element = viewport.current;
    if (!element) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + bodyHeight) element.scrollTop = top + ROW_HEIGHT - bodyHeight;
  }

  function move(index: number) {
    if (total === 0) return;
    const next = Math.min(total - 1, Math.max(0, index));
    onSelect(next);
    reveal(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = selected ?? -1;
    const page = Math.max(1, visible - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(selected === null ? 0 : at - 1),
      PageDown: () => move(at + page),
      PageUp: () => move(selected === null ? 0 : at - page),
      Home: () => move(0),
      End: () => move(total - 1),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const indices = Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => first + offset);
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
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
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
