/**
 * One HistoryRow per operation: its pending entry merged with its result entry. Pending entries
 * without a result stay 'pending' (the app or CLI stopped before the answer, or it is still running).
 * Beside the rows, the index keeps the lower-cased and parsed fields that the filters compare, so a
 * filter is one pass over flat arrays.
 */
import type { HistoryOutcome, HistoryRow } from '../../../shared/history';
import type { AuditEntry } from '../audit/auditEntry';

export interface HistoryData {
  /** Oldest first (audit log order of each operation's first entry). */
  rows: HistoryRow[];
  lockIdLower: string[];
  profileLower: string[];
  outcome: HistoryOutcome[];
  /** NaN when the entry's time cannot be read. */
  timeMs: Float64Array;
}

function outcomeOf(entry: AuditEntry): HistoryOutcome {
  if (entry.phase === 'pending') return 'pending';
  return entry.ok ? 'success' : 'failed';
}

function rowFrom(entry: AuditEntry): HistoryRow {
  const row: HistoryRow = {
    operationId: entry.operationId,
    time: entry.time,
    source: entry.source,
    osUser: entry.osUser,
    profile: entry.profile,
    host: entry.host,
    operation: entry.operation,
    lockId: entry.lockId,
    outcome: 'pending',
  };
  if (entry.phase === 'result') applyResult(row, entry);
  return row;
}

function applyResult(row: HistoryRow, entry: AuditEntry): void {
  row.outcome = outcomeOf(entry);
  if (entry.lockId !== null) row.lockId = entry.lockId;
  if (entry.kind !== undefined) row.kind = entry.kind;
  if (entry.httpStatus !== undefined) row.httpStatus = entry.httpStatus;
  if (entry.code !== undefined) row.code = entry.code;
  if (entry.msg !== undefined) row.msg = entry.msg;
  if (entry.requestId !== undefined) row.requestId = entry.requestId;
  if (entry.durationMs !== undefined) row.durationMs = entry.durationMs;
}

/** `entryLists` in audit log order: oldest file first, each file oldest entry first. */
export function buildHistoryData(entryLists: readonly (readonly AuditEntry[])[]): HistoryData {
  const rows: HistoryRow[] = [];
  const byOperation = new Map<string, number>();
  const pendingTimes = new Set<number>();
  for (const entries of entryLists) {
    for (const entry of entries) {
      const at = byOperation.get(entry.operationId);
      if (at === undefined) {
        byOperation.set(entry.operationId, rows.length);
        if (entry.phase === 'pending') pendingTimes.add(rows.length);
        rows.push(rowFrom(entry));
        continue;
      }
      const row = rows[at];
      if (entry.phase === 'result') {
        applyResult(row, entry);
      } else if (!pendingTimes.has(at)) {
        // A result seen before its pending entry (an edited log): the row still shows when it was sent.
        row.time = entry.time;
        pendingTimes.add(at);
      }
    }
  }
  const count = rows.length;
  const lockIdLower = new Array<string>(count);
  const profileLower = new Array<string>(count);
  const outcome = new Array<HistoryOutcome>(count);
  const timeMs = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const row = rows[index];
    lockIdLower[index] = row.lockId === null ? '' : row.lockId.toLowerCase();
    profileLower[index] = row.profile.toLowerCase();
    outcome[index] = row.outcome;
    timeMs[index] = Date.parse(row.time);
  }
  return { rows, lockIdLower, profileLower, outcome, timeMs };
}
