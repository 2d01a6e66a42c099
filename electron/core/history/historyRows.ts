/**
 * One HistoryRow per operation: its pending entry merged with its result entry. Pending entries
 * without a result stay 'pending' (the app or CLI stopped before the answer, or it is still running).
 * Beside the rows, the index keeps the lower-cased and parsed fields that the filters compare, so a
 * filter is one pass over flat arrays. The merge runs over the entries' columns; a row object is
 * built from its entries only when it is asked for (shown or exported), and then kept.
 */
import type { HistoryOutcome, HistoryRow } from '../../../shared/history';
import type { AuditEntry } from '../audit/auditEntry';
import type { AuditEntries } from './auditEntries';

export interface HistoryData {
  /** Rows, oldest first (audit log order of each operation's first entry). */
  readonly count: number;
  row(index: number): HistoryRow;
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

/** `files` in audit log order: oldest file first, each file oldest entry first. */
export function buildHistoryData(files: readonly AuditEntries[]): HistoryData {
  const fileStart: number[] = [];
  let entryCount = 0;
  for (const file of files) {
    fileStart.push(entryCount);
    entryCount += file.count;
  }
  /** Each entry's next entry of the same operation (global entry numbers), -1 for none. */
  const nextEntry = new Int32Array(entryCount).fill(-1);
  const firstEntry: number[] = [];
  const lastEntry: number[] = [];
  const times: string[] = [];
  const timeFromPending: boolean[] = [];
  const lockIds: (string | null)[] = [];
  const profileLower: string[] = [];
  const outcome: HistoryOutcome[] = [];
  const byOperation = new Map<string, number>();
  for (let fileIndex = 0; fileIndex < files.length; fileIndex += 1) {
    const file = files[fileIndex];
    const base = fileStart[fileIndex];
    for (let index = 0; index < file.count; index += 1) {
      const global = base + index;
      const entryOutcome = file.outcome[index];
      const at = byOperation.get(file.operationId[index]);
      if (at === undefined) {
        byOperation.set(file.operationId[index], firstEntry.length);
        firstEntry.push(global);
        lastEntry.push(global);
        times.push(file.time[index]);
        timeFromPending.push(entryOutcome === 'pending');
        lockIds.push(file.lockId[index]);
        profileLower.push(file.profile[index].toLowerCase());
        outcome.push(entryOutcome);
        continue;
      }
      nextEntry[lastEntry[at]] = global;
      lastEntry[at] = global;
      if (entryOutcome !== 'pending') {
        outcome[at] = entryOutcome;
        const lockId = file.lockId[index];
        if (lockId !== null) lockIds[at] = lockId;
      } else if (!timeFromPending[at]) {
        // A result seen before its pending entry (an edited log): the row still shows when it was sent.
        times[at] = file.time[index];
        timeFromPending[at] = true;
      }
    }
  }
  const count = firstEntry.length;
  const lockIdLower = new Array<string>(count);
  const timeMs = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const lockId = lockIds[index];
    lockIdLower[index] = lockId === null ? '' : lockId.toLowerCase();
    timeMs[index] = Date.parse(times[index]);
  }

  function entryAt(global: number): AuditEntry {
    let fileIndex = files.length - 1;
    while (fileStart[fileIndex] > global) fileIndex -= 1;
    return files[fileIndex].entry(global - fileStart[fileIndex]);
  }

  /** The same merge as above, over the full entries. */
  function buildRow(index: number): HistoryRow {
    let global = firstEntry[index];
    const first = entryAt(global);
    const row = rowFrom(first);
    let fromPending = first.phase === 'pending';
    for (global = nextEntry[global]; global >= 0; global = nextEntry[global]) {
      const entry = entryAt(global);
      if (entry.phase === 'result') {
        applyResult(row, entry);
      } else if (!fromPending) {
        row.time = entry.time;
        fromPending = true;
      }
    }
    return row;
  }

  const rows = new Array<HistoryRow | undefined>(count);
  return {
    count,
    row(index) {
      let row = rows[index];
      if (row === undefined) {
        row = buildRow(index);
        rows[index] = row;
      }
      return row;
    },
    lockIdLower,
    profileLower,
    outcome,
    timeMs,
  };
}
