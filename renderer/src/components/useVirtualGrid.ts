import { type KeyboardEvent, type UIEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Rows drawn above and below the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 8;

export interface VirtualGridOptions {
  total: number;
  /** Fixed row height in px; must match the grid's row CSS. */
  rowHeight: number;
  /** The viewport height assumed until it is measured. */
  initialHeight: number;
  /** A new list (another filter, a refresh) starts at the top. */
  listKey: string;
  selected: number | null;
  onSelect: (index: number) => void;
  /** Keys beyond the arrows, pages, Home and End (e.g. Enter opens the selected row). */
  extraKeys?: Record<string, () => void>;
}

/**
 * An ARIA grid that draws only the rows in view (plus a few): a spacer as tall as all rows keeps the scroll
 * bar true, and the drawn window is moved into place through the CSSOM, never with style attributes (the
 * page's CSP allows no inline styles). Keyboard: arrows, Page Up/Down, Home and End move the selection.
 */
export function useVirtualGrid(options: VirtualGridOptions) {
  const { total, rowHeight, initialHeight, listKey, selected, onSelect, extraKeys } = options;
  const viewport = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const spacer = useRef<HTMLDivElement>(null);
  const drawn = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(initialHeight);
  const [headHeight, setHeadHeight] = useState(rowHeight);

  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => {
      setHeight(element.clientHeight);
      setHeadHeight(head.current?.offsetHeight ?? rowHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [rowHeight]);

  const bodyHeight = Math.max(rowHeight, height - headHeight);
  const visible = Math.ceil(bodyHeight / rowHeight);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(total - 1, Math.floor(scrollTop / rowHeight) + visible + OVERSCAN);

  useLayoutEffect(() => {
    viewport.current?.scrollTo(0, 0);
  }, [listKey]);

  useLayoutEffect(() => {
    spacer.current?.style.setProperty('height', `${total * rowHeight}px`);
    drawn.current?.style.setProperty('transform', `translateY(${first * rowHeight}px)`);
  }, [total, first, rowHeight]);

  function reveal(index: number) {
    const element = viewport.current;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + bodyHeight) element.scrollTop = top + rowHeight - bodyHeight;
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
      ...extraKeys,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  function onScroll(event: UIEvent<HTMLDivElement>) {
    setScrollTop(event.currentTarget.scrollTop);
  }

  const indices = Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => first + offset);
  return { viewport, head, spacer, drawn, first, last, indices, onKeyDown, onScroll };
}
