import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { t } from '../../i18n';
import { HISTORY_COLUMN_MAX, HISTORY_COLUMN_STEP, type HistoryColumn } from './historyColumns';

export interface HistoryColumnResizerProps {
  column: HistoryColumn;
  label: string;
  /** The column's width as drawn, in px. */
  width: number;
  /** `final` is false while a drag goes on (shown, not yet kept), true for a key press and the drag's end. */
  onResize: (width: number, final: boolean) => void;
  onReset: () => void;
}

/**
 * The right edge of a column heading: drag it, or focus it and use the arrow keys (Shift: four steps),
 * Home/End for the narrowest/widest; Enter or a double-click gives the column its default width back.
 */
export function HistoryColumnResizer({ column, label, width, onResize, onReset }: HistoryColumnResizerProps) {
  const drag = useRef<{ pointerId: number; startX: number; startWidth: number; last: number | null } | null>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? HISTORY_COLUMN_STEP * 4 : HISTORY_COLUMN_STEP;
    const keys: Record<string, () => void> = {
      ArrowRight: () => onResize(width + step, true),
      ArrowLeft: () => onResize(width - step, true),
      Home: () => onResize(column.min, true),
      End: () => onResize(HISTORY_COLUMN_MAX, true),
      Enter: onReset,
    };
    const action = keys[event.key];
    // The grid around it moves the selection with the same keys.
    event.stopPropagation();
    if (!action) return;
    event.preventDefault();
    action();
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { pointerId: event.pointerId, startX: event.clientX, startWidth: width, last: null };
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const started = drag.current;
    if (!started || started.pointerId !== event.pointerId) return;
    started.last = started.startWidth + event.clientX - started.startX;
    onResize(started.last, false);
  }

  function endDrag(event: PointerEvent<HTMLDivElement>) {
    const ended = drag.current;
    if (ended?.pointerId !== event.pointerId) return;
    drag.current = null;
    event.currentTarget.releasePointerCapture(event.pointerId);
    if (ended.last !== null) onResize(ended.last, true);
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={t('history.col.resize', { column: label })}
      aria-valuenow={Math.round(width)}
      aria-valuemin={column.min}
      aria-valuemax={HISTORY_COLUMN_MAX}
      className="history-resizer"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={onReset}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
