import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../../../shared/contract';
import type { HistoryFilter, HistoryRow } from '../../../../shared/history';
import { lockAdmin } from '../../api/lockAdmin';

/** Rows asked of main at a time. */
const HISTORY_PAGE_SIZE = 50;

export interface HistoryRowsState {
  /** null until the first page of this filter has arrived. */
  total: number | null;
  skipped: number;
  error: IpcError | null;
  rowAt: (index: number) => HistoryRow | undefined;
  /** Asks main for the pages that hold rows first..last (inclusive) unless they are loaded or on their way. */
  ensure: (first: number, last: number) => void;
}

interface Loaded {
  key: string;
  total: number | null;
  skipped: number;
  error: IpcError | null;
  pages: ReadonlyMap<number, readonly HistoryRow[]>;
}

/**
 * The history for one filter, fetched a window at a time with queryHistory(offset, limit) as the list
 * scrolls. A new filter or `reloadCount` starts from scratch; answers for an older one are dropped.
 */
export function useHistoryRows(filter: HistoryFilter, reloadCount: number): HistoryRowsState {
  const key = `${reloadCount}:${JSON.stringify(filter)}`;
  const [loaded, setLoaded] = useState<Loaded>({ key: '', total: null, skipped: 0, error: null, pages: new Map() });
  const requested = useRef<{ key: string; pages: Set<number> }>({ key: '', pages: new Set() });
  const current = loaded.key === key ? loaded : null;

  const load = useCallback(
    (page: number) => {
      if (requested.current.key !== key) requested.current = { key, pages: new Set() };
      if (requested.current.pages.has(page)) return;
      requested.current.pages.add(page);
      void lockAdmin()
        .queryHistory({ filter, offset: page * HISTORY_PAGE_SIZE, limit: HISTORY_PAGE_SIZE })
        .then((reply) => {
          if (requested.current.key !== key) return;
          setLoaded((previous) => {
            const base: Loaded =
              previous.key === key ? previous : { key, total: null, skipped: 0, error: null, pages: new Map() };
            if (!reply.ok) return { ...base, total: base.total ?? 0, error: reply.error };
            const pages = new Map(base.pages);
            pages.set(page, reply.value.rows);
            return { key, total: reply.value.total, skipped: reply.value.skippedLines, error: null, pages };
          });
        });
    },
    [key, filter],
  );

  useEffect(() => {
    load(0);
  }, [load]);

  const pages = current?.pages;
  const rowAt = useCallback(
    (index: number) => pages?.get(Math.floor(index / HISTORY_PAGE_SIZE))?.[index % HISTORY_PAGE_SIZE],
    [pages],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / HISTORY_PAGE_SIZE); page <= Math.floor(last / HISTORY_PAGE_SIZE); page += 1) {
        load(page);
      }
    },
    [load],
  );

  return {
    total: current?.total ?? null,
    skipped: current?.skipped ?? 0,
    error: current?.error ?? null,
    rowAt,
    ensure,
  };
}
