/**
 * One HistoryRow per operation: its pending entry merged with its result entry. Pending entries
 * without a result stay 'pending' (the app or CLI stopped before the answer, or it is still running).
 * The merge runs over the entries' columns and finds an operation's earlier entries in a hash table of
 * operation ids read in place, so it makes no string per entry. What the filters compare (lower-cased
 * lock IDs and profiles, times in ms) is made on the first filter that needs it, as flat arrays for one
 * pass. A row object is built from its entries only when it is asked for (shown or exported), and kept.
 */
import type { HistoryOutcome, HistoryRow } from '../../../shared/history';
import type { LockOperation, ResultKind } from '../../../shared/result';
import type { AuditEntry } from '../audit/auditEntry';
import { type AuditEntries, COLUMN, OUTCOMES, PENDING, STRIDE } from './auditEntries';
import { auditTimeMs } from './auditTimeMs';

export interface HistoryData {
  /** Rows, oldest first (audit log order of each operation's first entry). */
  readonly count: number;
  row(index: number): HistoryRow;
  outcome: HistoryOutcome[];
  /** '' for a row without lock ID. */
  lockIdLower(): readonly string[];
  profileLower(): readonly string[];
  /** The end user of each row ('' when the audit entry has none). */
  userIds(): readonly string[];
  /** The batch of each row ('' when not part of a batch). */
  batchIds(): readonly string[];
  /** NaN when the entry's time cannot be read. */
  timeMs(): Float64Array;
  /** The operation of each row (from its first entry). */
  operations(): readonly LockOperation[];
  /** The result kind of each row (its last result entry's), null when it has none (pending). */
  kinds(): readonly (ResultKind | null)[];
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
  if (entry.userId !== undefined) row.userId = entry.userId;
  if (entry.environment !== undefined) row.environment = entry.environment;
  if (entry.batchId !== undefined) row.batchId = entry.batchId;
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

/** FNV-1a over the UTF-16 units of text[start, end), its bits then mixed (the table uses the low ones). */
function hashSpan(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

function sameSpan(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let offset = 0; offset < aEnd - aStart; offset += 1) {
    if (a.charCodeAt(aStart + offset) !== b.charCodeAt(bStart + offset)) return false;
  }
  return true;
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
  /** Per operation (at most one per entry): its first and last entries, the entries whose time and lock ID it shows. */
  const firstEntry = new Int32Array(entryCount);
  const lastEntry = new Int32Array(entryCount);
  const timeEntry = new Int32Array(entryCount);
  const timeFromPending = new Uint8Array(entryCount);
  /** -1: no lock ID. */
  const lockEntry = new Int32Array(entryCount);
  const outcome: HistoryOutcome[] = [];
  /** Open addressing: operation number + 1, 0 for a free slot. */
  let slots = 16;
  while (slots < entryCount * 2) slots *= 2;
  const table = new Int32Array(slots);
  const mask = slots - 1;
  /** The text of each operation's id (in its first entry); the span is in that entry's columns. */
  const idText: string[] = [];
  const idStart = new Int32Array(entryCount);
  const idEnd = new Int32Array(entryCount);
  let count = 0;

  for (let fileIndex = 0; fileIndex < files.length; fileIndex += 1) {
    const file = files[fileIndex];
    const { texts, columns } = file;
    const base = fileStart[fileIndex];
    for (let index = 0; index < file.count; index += 1) {
      const global = base + index;
      const at = index * STRIDE;
      const code = columns[at + COLUMN.OUTCOME];
      const text = texts[columns[at + COLUMN.TEXT]];
      const start = columns[at + COLUMN.ID_START];
      const end = columns[at + COLUMN.ID_END];
      const hasLockId = columns[at + COLUMN.LOCK_START] >= 0;
      let slot = hashSpan(text, start, end) & mask;
      let op = -1;
      for (let held = table[slot]; held !== 0; held = table[slot]) {
        if (sameSpan(idText[held - 1], idStart[held - 1], idEnd[held - 1], text, start, end)) {
          op = held - 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (op < 0) {
        op = count;
        count += 1;
        table[slot] = count;
        idText.push(text);
        idStart[op] = start;
        idEnd[op] = end;
        firstEntry[op] = global;
        lastEntry[op] = global;
        timeEntry[op] = global;
        timeFromPending[op] = code === PENDING ? 1 : 0;
        lockEntry[op] = hasLockId ? global : -1;
        outcome.push(OUTCOMES[code]);
        continue;
      }
      nextEntry[lastEntry[op]] = global;
      lastEntry[op] = global;
      if (code !== PENDING) {
        outcome[op] = OUTCOMES[code];
        if (hasLockId) lockEntry[op] = global;
      } else if (timeFromPending[op] === 0) {
        // A result seen before its pending entry (an edited log): the row still shows when it was sent.
        timeEntry[op] = global;
        timeFromPending[op] = 1;
      }
    }
  }

  function fileOf(global: number): number {
    let fileIndex = files.length - 1;
    while (fileStart[fileIndex] > global) fileIndex -= 1;
    return fileIndex;
  }

  function entryAt(global: number): AuditEntry {
    const fileIndex = fileOf(global);
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

  let lockIdLower: string[] | null = null;
  let profileLower: string[] | null = null;
  let userIds: string[] | null = null;
  let batchIds: string[] | null = null;
  let operations: LockOperation[] | null = null;
  let kinds: (ResultKind | null)[] | null = null;

  /** Each operation's kind as buildRow gives it: that of its last result entry; only result entries are parsed. */
  function resultKinds(): (ResultKind | null)[] {
    const column = new Array<ResultKind | null>(count);
    for (let index = 0; index < count; index += 1) {
      let result = -1;
      for (let global = firstEntry[index]; global >= 0; global = nextEntry[global]) {
        const fileIndex = fileOf(global);
        if (files[fileIndex].outcomeCode(global - fileStart[fileIndex]) !== PENDING) result = global;
      }
      column[index] = result < 0 ? null : (entryAt(result).kind ?? null);
    }
    return column;
  }

  /** A column read from each operation's first entry, parsed in full (user and batch are not indexed). */
  function firstEntryColumn(field: 'userId' | 'batchId'): string[] {
    const column = new Array<string>(count);
    for (let index = 0; index < count; index += 1) column[index] = entryAt(firstEntry[index])[field] ?? '';
    return column;
  }

  let timeMs: Float64Array | null = null;
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
    outcome,
    lockIdLower() {
      if (lockIdLower === null) {
        lockIdLower = new Array<string>(count);
        for (let index = 0; index < count; index += 1) {
          const global = lockEntry[index];
          if (global < 0) {
            lockIdLower[index] = '';
            continue;
          }
          const fileIndex = fileOf(global);
          lockIdLower[index] = (files[fileIndex].lockId(global - fileStart[fileIndex]) ?? '').toLowerCase();
        }
      }
      return lockIdLower;
    },
    profileLower() {
      if (profileLower === null) {
        profileLower = new Array<string>(count);
        for (let index = 0; index < count; index += 1) {
          const global = firstEntry[index];
          const fileIndex = fileOf(global);
          profileLower[index] = files[fileIndex].profile(global - fileStart[fileIndex]).toLowerCase();
        }
      }
      return profileLower;
    },
    userIds() {
      userIds ??= firstEntryColumn('userId');
      return userIds;
    },
    batchIds() {
      batchIds ??= firstEntryColumn('batchId');
      return batchIds;
    },
    operations() {
      if (operations === null) {
        operations = new Array<LockOperation>(count);
        for (let index = 0; index < count; index += 1) operations[index] = entryAt(firstEntry[index]).operation;
      }
      return operations;
    },
    kinds() {
      kinds ??= resultKinds();
      return kinds;
    },
    timeMs() {
      if (timeMs === null) {
        timeMs = new Float64Array(count);
        for (let index = 0; index < count; index += 1) {
          const global = timeEntry[index];
          const fileIndex = fileOf(global);
          const file = files[fileIndex];
          const local = global - fileStart[fileIndex];
          timeMs[index] = auditTimeMs(file.textOf(local), file.timeStart(local), file.timeEnd(local));
        }
      }
      return timeMs;
    },
  };
}
