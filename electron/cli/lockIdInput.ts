/** Lock IDs from the command line and from --file (a path, or - for standard input), validated all at once. */
import { BATCH_MAX_LOCKS } from '../../shared/batch';
import { checkLockId } from '../../shared/identifiers';
import { parseLockIdList } from '../../shared/lockIdList';
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

export interface CollectedLockIds {
  valid: string[];
  invalid: InputProblem[];
  duplicates: number;
  unusual: { where: string; lockId: string }[];
}

function readIdFile(file: string, io: CliIo): Promise<string> {
  if (file === '-') return readAll(io.stdin, ID_FILE_MAX_BYTES);
  return readTextFile(file, ID_FILE_MAX_BYTES, `the lock ID file ${file}`);
}

export async function collectLockIds(
  operands: readonly string[],
  file: string | undefined,
  io: CliIo,
): Promise<CollectedLockIds> {
  const out: CollectedLockIds = { valid: [], invalid: [], duplicates: 0, unusual: [] };
  const seen = new Set<string>();
  const add = (lockId: string, where: string, unusual: boolean) => {
    if (seen.has(lockId)) {
      out.duplicates += 1;
      return;
    }
    seen.add(lockId);
    out.valid.push(lockId);
    if (unusual) out.unusual.push({ where, lockId });
  };

  operands.forEach((operand, index) => {
    const where = `argument ${index + 1}`;
    const check = checkLockId(operand);
    if (check.ok) add(check.lockId, where, check.hint !== null);
    else out.invalid.push({ where, text: printable(operand, 80), problem: check.problem });
  });

  if (file !== undefined) {
    const label = file === '-' ? 'stdin' : file;
    const list = parseLockIdList(await readIdFile(file, io));
    const unusualLines = new Map(list.unusual.map((entry) => [entry.lockId, entry.line]));
    out.duplicates += list.duplicates;
    for (const entry of list.invalid) {
      out.invalid.push({ where: `${label}:${entry.line}`, text: printable(entry.text, 80), problem: entry.problem });
    }
    for (const lockId of list.valid) {
      const line = unusualLines.get(lockId);
      add(lockId, `${label}:${line ?? '?'}`, line !== undefined);
    }
  }
  if (out.valid.length > BATCH_MAX_LOCKS) {
    throw new CliError(`At most ${BATCH_MAX_LOCKS} lock IDs can be sent at once; split the list.`, EXIT.usage);
  }
  return out;
}

/** Prints invalid IDs, unusual ones and the duplicate count on stderr. */
export function reportLockIdNotes(io: CliIo, ids: CollectedLockIds): void {
  const lines: string[] = [];
  if (ids.invalid.length > 0) {
    lines.push(`${ids.invalid.length} invalid lock ID${ids.invalid.length === 1 ? '' : 's'}:`);
    for (const entry of ids.invalid.slice(0, SHOWN_MAX))
      lines.push(`  ${entry.where}: "${entry.text}": ${entry.problem}`);
    if (ids.invalid.length > SHOWN_MAX) lines.push(`  … and ${ids.invalid.length - SHOWN_MAX} more`);
  }
  if (ids.unusual.length > 0) {
    lines.push(
      `note: ${ids.unusual.length} ID${ids.unusual.length === 1 ? ' does' : 's do'} not have the usual <uuid>@<moduleCode> shape and will be sent as typed:`,
    );
    for (const entry of ids.unusual.slice(0, SHOWN_MAX)) lines.push(`  ${entry.where}: ${entry.lockId}`);
    if (ids.unusual.length > SHOWN_MAX) lines.push(`  … and ${ids.unusual.length - SHOWN_MAX} more`);
  }
  if (ids.duplicates > 0) lines.push(`note: ${ids.duplicates} repeated ID${ids.duplicates === 1 ? '' : 's'} ignored.`);
  if (lines.length > 0) io.stderr.write(`${lines.join('\n')}\n`);
}
