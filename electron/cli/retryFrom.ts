/**
 * release --retry-from FILE: the rows of an earlier run that are worth sending again. The file is this
 * CLI's --json output (one LockResult per line) or the window's batch CSV export (shared/resultsCsv.ts).
 * Only retryable failures (throttled, 5xx, network, timeout) come back; a released or already-gone lock,
 * an auth failure or an invalid row never does.
 */
import { type BatchOutcome, BATCH_OUTCOMES, outcomeOf } from '../../shared/batchOutcome';
import { parseCsvRecords } from '../../shared/csv';
import { checkLockId } from '../../shared/identifiers';
import { resolveUserId } from '../../shared/profile';
import { LOCK_OPERATIONS, type LockOperation, RESULT_KINDS, type ResultKind } from '../../shared/result';
import { CliError } from './cliError';
import type { Connection } from './connection';
import { EXIT } from './exitCodes';
import type { CliIo } from './io';
import { type CollectedRows, ID_FILE_MAX_BYTES } from './lockIdInput';
import { readAll, readTextFile } from './readInput';

interface EarlierRow {
  line: number;
  userId: string | null;
  lockId: string;
  outcome: BatchOutcome;
}

function isKind(value: unknown): value is ResultKind {
  return typeof value === 'string' && (RESULT_KINDS as readonly string[]).includes(value);
}

function isOperation(value: unknown): value is LockOperation {
  return typeof value === 'string' && (LOCK_OPERATIONS as readonly string[]).includes(value);
}

function unreadable(label: string, line: number, what: string): CliError {
  return new CliError(
    `${label}:${line}: ${what}. --retry-from reads this command's --json output or the window's batch CSV export; nothing was sent.`,
    EXIT.usage,
  );
}

function jsonRows(text: string, label: string): EarlierRow[] {
  const rows: EarlierRow[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw unreadable(label, line, 'is not a JSON line');
    }
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const { kind, operation, lockId, userId } = record;
    if (!isKind(kind) || !isOperation(operation) || typeof lockId !== 'string') {
      throw unreadable(label, line, 'is not a lock result (kind, operation and lockId are needed)');
    }
    const outcome = outcomeOf({ kind, operation });
    rows.push({ line, lockId, userId: typeof userId === 'string' ? userId : null, outcome });
  });
  return rows;
}

function csvRows(text: string, label: string): EarlierRow[] {
  const [header, ...records] = parseCsvRecords(text);
  if (!header) return [];
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const column = (name: string) => names.indexOf(name.toLowerCase());
  const lockAt = column('lockId');
  const userAt = column('userId');
  const outcomeAt = column('outcome');
  if (lockAt < 0 || outcomeAt < 0) {
    throw unreadable(label, header.line, 'has no lockId and outcome columns (a batch results export has both)');
  }
  return records.map((record) => {
    const outcome = record.cells[outcomeAt]?.trim() ?? '';
    if (!(BATCH_OUTCOMES as readonly string[]).includes(outcome)) {
      throw unreadable(label, record.line, `has the unknown outcome "${outcome.slice(0, 30)}"`);
    }
    const user = userAt >= 0 ? (record.cells[userAt]?.trim() ?? '') : '';
    return {
      line: record.line,
      lockId: record.cells[lockAt] ?? '',
      userId: user === '' ? null : user,
      outcome: outcome as BatchOutcome,
    };
  });
}

/** The retryable rows of the earlier run, checked like any batch input (users resolved against the profile). */
export async function readRetryRows(file: string, connection: Connection, io: CliIo): Promise<CollectedRows> {
  const label = file === '-' ? 'stdin' : file;
  const text =
    file === '-'
      ? await readAll(io.stdin, ID_FILE_MAX_BYTES)
      : await readTextFile(file, ID_FILE_MAX_BYTES, `the results file ${file}`);
  const earlier = text.trimStart().startsWith('{') ? jsonRows(text, label) : csvRows(text, label);
  const retryable = earlier.filter((row) => row.outcome === 'retryable');
  const skipped = earlier.length - retryable.length;
  const collected: CollectedRows = {
    valid: [],
    invalid: [],
    duplicates: 0,
    unusual: [],
    fileSummary: `${label}: ${earlier.length} earlier result${earlier.length === 1 ? '' : 's'}, ${retryable.length} retryable sent again, ${skipped} not (released, already gone, or in need of a fix).`,
  };
  const seen = new Set<string>();
  for (const row of retryable) {
    const where = `${label}:${row.line}`;
    const lock = checkLockId(row.lockId);
    if (!lock.ok) {
      collected.invalid.push({ where, text: row.lockId.slice(0, 80), problem: lock.problem });
      continue;
    }
    const user = resolveUserId(connection.profile, row.userId ?? connection.userId);
    if (!user.ok) {
      collected.invalid.push({ where, text: row.userId ?? lock.lockId, problem: user.problem });
      continue;
    }
    const { userId } = user;
    const key = `${userId} ${lock.lockId}`;
    if (seen.has(key)) {
      collected.duplicates += 1;
      continue;
    }
    seen.add(key);
    collected.valid.push({ userId, lockId: lock.lockId });
  }
  return collected;
}
