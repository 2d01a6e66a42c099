/**
 * The history of lock operations, read from the audit log of a data folder (the desktop app's and
 * the CLI's entries alike). Parsed rows are cached; each query first checks the audit files (a stat
 * each) and reads only what changed. The last filter's matches are kept, so scrolling through one
 * filtered list costs a slice.
 */
import type { HistoryFilter, HistoryPage, HistoryRow } from '../../../shared/history';
import { DEFAULT_AUDIT_MAX_FILES } from '../audit/auditLog';
import { AuditFileCache } from './auditFileCache';
import { historyToCsv } from './historyCsv';
import { type CompiledHistoryFilter, type ProfileName, compileHistoryFilter, matchingRows } from './historyFilter';
import { type HistoryData, buildHistoryData } from './historyRows';

export { HistoryFilterError, type ProfileName } from './historyFilter';

export interface HistoryIndexOptions {
  dataDir: string;
  /** As the audit log's maxFiles (default 10). */
  maxFiles?: number;
}

export interface HistoryIndex {
  /** Throws HistoryFilterError for a filter to correct, AuditLogError when the log cannot be read. */
  query(filter: HistoryFilter, offset: number, limit: number, profiles?: readonly ProfileName[]): Promise<HistoryPage>;
  /** Every matching row, newest first, as CSV. */
  exportCsv(filter: HistoryFilter, profiles?: readonly ProfileName[]): Promise<{ csv: string; rows: number }>;
  /** For tests: bytes read from disk and how often the rows were rebuilt. */
  stats(): { bytesRead: number; rebuilds: number };
}

/** Rows as shown: with the profile's current name (the audit log records its id), when it still exists. */
function withProfileNames(profiles: readonly ProfileName[] | undefined): (row: HistoryRow) => HistoryRow {
  const names = new Map((profiles ?? []).map((profile) => [profile.id, profile.name]));
  return (row) => {
    const profileName = names.get(row.profile);
    return profileName === undefined ? row : { ...row, profileName };
  };
}

export function createHistoryIndex(options: HistoryIndexOptions): HistoryIndex {
  const files = new AuditFileCache(options.dataDir, options.maxFiles ?? DEFAULT_AUDIT_MAX_FILES);
  let data: HistoryData = buildHistoryData([]);
  let skipped = 0;
  let generation = 0;
  let rebuilds = 0;
  let refreshing: Promise<void> | null = null;
  let lastMatch: { generation: number; key: string; indices: Int32Array } | null = null;

  async function refreshNow(): Promise<void> {
    const snapshot = await files.load();
    skipped = snapshot.skipped;
    if (!snapshot.changed) return;
    data = buildHistoryData(snapshot.files.map((file) => file.entries));
    generation += 1;
    rebuilds += 1;
  }

  /** One refresh at a time; callers that arrive meanwhile wait for it and then check again. */
  async function refresh(): Promise<void> {
    while (refreshing) await refreshing;
    refreshing = refreshNow().finally(() => {
      refreshing = null;
    });
    await refreshing;
  }

  function matches(filter: CompiledHistoryFilter): Int32Array {
    if (lastMatch && lastMatch.generation === generation && lastMatch.key === filter.key) return lastMatch.indices;
    const indices = matchingRows(data, filter);
    lastMatch = { generation, key: filter.key, indices };
    return indices;
  }

  return {
    async query(filter, offset, limit, profiles) {
      const compiled = compileHistoryFilter(filter, profiles);
      await refresh();
      const indices = matches(compiled);
      const named = withProfileNames(profiles);
      const rows: HistoryRow[] = [];
      const end = Math.min(indices.length, offset + limit);
      for (let at = offset; at < end; at += 1) rows.push(named(data.row(indices[at])));
      return { total: indices.length, rows, skippedLines: skipped };
    },

    async exportCsv(filter, profiles) {
      const compiled = compileHistoryFilter(filter, profiles);
      await refresh();
      const indices = matches(compiled);
      const source = data;
      const named = withProfileNames(profiles);
      return {
        csv: historyToCsv(Array.from(indices, (index) => named(source.row(index)))),
        rows: indices.length,
      };
    },

    stats: () => ({ bytesRead: files.bytesRead, rebuilds }),
  };
}
