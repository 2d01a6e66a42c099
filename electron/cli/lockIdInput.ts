/**
 * The (user, lock) rows of a CLI batch: lock IDs given as arguments (for the --user-id user, else the
 * profile's), and a --file (a path, or - for standard input) read by the same rules as the window's
 * batch input (shared/batchInput.ts). Every row is checked, its user resolved, before anything is sent.
 */
import { BATCH_MAX_LOCKS } from '../../shared/batch';
import { describeBatchInput, parseBatchInput } from '../../shared/batchInput';
import { checkLockId } from '../../shared/identifiers';
import { cliLocale, remedyIn } from './cliLocale';
import { type Profile, resolveUserId } from '../../shared/profile';
import { CliError } from './cliError';
import { EXIT } from './exitCodes';
import { printable } from './formatResult';
import type { CliIo } from './io';
import { readAll, readTextFile } from './readInput';

export const ID_FILE_MAX_BYTES = 16 * 1024 * 1024;
const SHOWN_MAX = 20;

export interface InputProblem {
  /** "argument 2" or "ids.txt:14". */
  where: string;
  text: string;
  problem: string;
}

export interface BatchRow {
  userId: string;
  lockId: string;
}

export interface CollectedRows {
  valid: BatchRow[];
  invalid: InputProblem[];
  duplicates: number;
  unusual: { where: string; lockId: string }[];
  /** What was read from the file ("300 rows: user from column userId, …"), when a file was given. */
  fileSummary: string | null;
}

export interface RowSource {
  operands: readonly string[];
  file: string | undefined;
  /** Accept file entries without the usual <uuid>@<moduleCode> shape. */
  allowUnusual: boolean;
  profile: Profile;
  /** --user-id: the user of rows that name none. */
  userId: string | undefined;
}

function readIdFile(file: string, io: CliIo): Promise<string> {
  if (file === '-') return readAll(io.stdin, ID_FILE_MAX_BYTES);
  return readTextFile(file, ID_FILE_MAX_BYTES, `the lock ID file ${file}`);
}

export async function collectRows(source: RowSource, io: CliIo): Promise<CollectedRows> {
  const out: CollectedRows = { valid: [], invalid: [], duplicates: 0, unusual: [], fileSummary: null };
  const seen = new Set<string>();
  const locale = cliLocale(io.env);
  const add = (userId: string | null, lockId: string, where: string, unusual: boolean) => {
    const user = resolveUserId(source.profile, userId ?? source.userId);
    if (!user.ok) {
      const problem = remedyIn(locale, user.problem, user.problemMessage);
      out.invalid.push({ where, text: printable(userId ?? lockId, 80), problem });
      return;
    }
    const key = `${user.userId} ${lockId}`;
    if (seen.has(key)) {
      out.duplicates += 1;
      return;
    }
    seen.add(key);
    out.valid.push({ userId: user.userId, lockId });
    if (unusual) out.unusual.push({ where, lockId });
  };

  source.operands.forEach((operand, index) => {
    const where = `argument ${index + 1}`;
    const check = checkLockId(operand);
    if (check.ok) add(null, check.lockId, where, check.hint !== null);
    else
      out.invalid.push({
        where,
        text: printable(operand, 80),
        problem: remedyIn(locale, check.problem, check.problemMessage),
      });
  });

  if (source.file !== undefined) {
    const label = source.file === '-' ? 'stdin' : source.file;
    const input = parseBatchInput(await readIdFile(source.file, io), { allowUnusual: source.allowUnusual });
    out.fileSummary = `${label}: ${describeBatchInput(input)}`;
    out.duplicates += input.duplicates;
    for (const entry of input.invalid) {
      const problem = remedyIn(locale, entry.problem, entry.problemMessage);
      out.invalid.push({ where: `${label}:${entry.line}`, text: printable(entry.text, 80), problem });
    }
    const unusualLines = new Set(input.unusual.map((entry) => entry.line));
    for (const row of input.rows) add(row.userId, row.lockId, `${label}:${row.line}`, unusualLines.has(row.line));
  }
  if (out.valid.length > BATCH_MAX_LOCKS) {
    throw new CliError(`At most ${BATCH_MAX_LOCKS} locks can be sent at once; split the list.`, EXIT.usage);
  }
  return out;
}

/** Prints what was read from the file, invalid rows, unusual IDs and the duplicate count on stderr. */
export function reportRowNotes(io: CliIo, rows: CollectedRows): void {
  const lines: string[] = [];
  if (rows.fileSummary) lines.push(rows.fileSummary);
  if (rows.invalid.length > 0) {
    lines.push(`${rows.invalid.length} invalid row${rows.invalid.length === 1 ? '' : 's'}:`);
    for (const entry of rows.invalid.slice(0, SHOWN_MAX))
      lines.push(`  ${entry.where}: "${entry.text}": ${entry.problem}`);
    if (rows.invalid.length > SHOWN_MAX) lines.push(`  … and ${rows.invalid.length - SHOWN_MAX} more`);
  }
  if (rows.unusual.length > 0) {
    lines.push(
      `note: ${rows.unusual.length} ID${rows.unusual.length === 1 ? ' does' : 's do'} not have the usual <uuid>@<moduleCode> shape and will be sent as typed:`,
    );
    for (const entry of rows.unusual.slice(0, SHOWN_MAX)) lines.push(`  ${entry.where}: ${entry.lockId}`);
    if (rows.unusual.length > SHOWN_MAX) lines.push(`  … and ${rows.unusual.length - SHOWN_MAX} more`);
  }
  if (rows.duplicates > 0)
    lines.push(
      `note: ${rows.duplicates} repeated row${rows.duplicates === 1 ? '' : 's'} (same user and lock) sent once.`,
    );
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}
