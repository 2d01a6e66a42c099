/**
 * Turns pasted text or a file into the (user, lock) rows of a batch. A table (CSV, semicolons or
 * tabs) gives its lock column — chosen by what its cells look like — and its user column, if any;
 * anything else is read as a free list of lock IDs. What does not look like a lock ID is invalid
 * unless unusual IDs are allowed. Pure; shared by the CLI and the renderer so both accept exactly
 * the same input. The rules are described in docs/batch-and-history.md ("What the input may be").
 */
import { type CsvRecord, detectSeparator, parseCsvRecords, removeFormulaGuard, stripBom } from './csv';
import { checkLockId, userIdProblem, userIdProblemMessage } from './identifiers';
import { message } from './messages/message';
import type { Message } from './messages/template';
import { validationText } from './messages/validationText';

export interface BatchInputRow {
  /** null when the input has no user column: the batch's one user applies. */
  userId: string | null;
  lockId: string;
  /** 1-based line in the input where the row starts. */
  line: number;
}

export interface BatchInputProblem {
  line: number;
  /** The offending text, shortened for display. */
  text: string;
  /** In English (the CLI's default); problemMessage is the same for the reader's language. */
  problem: string;
  problemMessage: Message;
}

function problemAt(line: number, text: string, problemMessage: Message): BatchInputProblem {
  return { line, text, problem: validationText(problemMessage), problemMessage };
}

export interface BatchInput {
  /** Valid rows in input order, unique by (userId, lockId). */
  rows: BatchInputRow[];
  /** Invalid lock IDs and invalid user IDs alike. */
  invalid: BatchInputProblem[];
  /** Repeated (user, lock) rows dropped. */
  duplicates: number;
  /** Lock IDs without the usual <uuid>@<moduleCode> shape, accepted only with allowUnusual. */
  unusual: { line: number; lockId: string }[];
  /** The lock column's header name, or "column N"; null for a free list. */
  lockColumn: string | null;
  /** The user column's header name, or "column N"; null when there is none. */
  userColumn: string | null;
  /** The input is not text: nothing is accepted. */
  binary: boolean;
}

export interface BatchInputOptions {
  /** Accept IDs without the usual <uuid>@<moduleCode> shape (they are listed in `unusual`). */
  allowUnusual?: boolean;
}

const SHOWN_TEXT_MAX = 80;
const HEADER_LABEL_MAX = 40;
/** A column named so is the lock column whatever it holds. */
const LOCK_ID_HEADER_NAMES = new Set(['lockid', 'lock_id', 'lock id', 'lock-id']);
/** Names that mark a lock column when no column of a lock ID name exists. */
const LOCK_HEADER_NAMES = new Set([...LOCK_ID_HEADER_NAMES, 'lock', 'id']);
const USER_HEADER_NAMES = new Set(['userid', 'user_id', 'user id', 'user-id', 'user']);
const BINARY_SAMPLE = 64 * 1024;
const EXAMPLE_LOCK_ID = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';

const NOT_TEXT = message('validation.batch.notText');
const NOT_A_LOCK_ID = message('validation.batch.notALockId', { example: EXAMPLE_LOCK_ID });
const NUMBER_NOT_LOCK_ID = message('validation.batch.numberNotLockId');

interface Candidate {
  line: number;
  lock: string;
  /** null: no user column. */
  user: string | null;
}

interface Table {
  data: CsvRecord[];
  lockIndex: number;
  userIndex: number | null;
  lockColumn: string;
  userColumn: string | null;
}

export function parseBatchInput(text: string, options: BatchInputOptions = {}): BatchInput {
  const source = stripBom(text);
  const input: BatchInput = {
    rows: [],
    invalid: [],
    duplicates: 0,
    unusual: [],
    lockColumn: null,
    userColumn: null,
    binary: false,
  };
  const binaryLine = firstBinaryLine(source);
  if (binaryLine !== null) {
    input.binary = true;
    input.invalid.push(problemAt(binaryLine, '', NOT_TEXT));
    return input;
  }
  const table = findTable(source);
  if (table) {
    input.lockColumn = table.lockColumn;
    input.userColumn = table.userColumn;
  }
  const candidates = table ? tableCandidates(table) : listCandidates(source);
  const seen = new Map<string | null, Set<string>>();
  for (const candidate of candidates) {
    const row = checkCandidate(candidate, table, options.allowUnusual === true, input.invalid);
    if (!row) continue;
    let locksOfUser = seen.get(row.userId);
    if (!locksOfUser) {
      locksOfUser = new Set();
      seen.set(row.userId, locksOfUser);
    }
    if (locksOfUser.has(row.lockId)) {
      input.duplicates += 1;
      continue;
    }
    locksOfUser.add(row.lockId);
    input.rows.push({ userId: row.userId, lockId: row.lockId, line: row.line });
    if (row.unusual) input.unusual.push({ line: row.line, lockId: row.lockId });
  }
  return input;
}

/** One line for the screen and the terminal, e.g. "300 rows: user from column userId, lock from column lockId; 2 invalid". */
export function describeBatchInput(input: BatchInput): string {
  if (input.binary) return 'Not a text file: nothing accepted.';
  const count = input.rows.length;
  const parts: string[] = [];
  if (input.lockColumn === null) {
    parts.push(`${plural(count, 'lock ID')} from a list, no user column`);
  } else {
    const lock = `lock from ${columnPhrase(input.lockColumn)}`;
    const columns =
      input.userColumn === null ? `${lock}, no user column` : `user from ${columnPhrase(input.userColumn)}, ${lock}`;
    parts.push(`${plural(count, 'row')}: ${columns}`);
  }
  if (input.duplicates > 0) parts.push(`${plural(input.duplicates, 'repeated row')} sent once`);
  if (input.invalid.length > 0) parts.push(`${input.invalid.length} invalid`);
  if (input.unusual.length > 0) parts.push(`${input.unusual.length} unusual`);
  return parts.join('; ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function columnPhrase(label: string): string {
  return /^column \d+$/.test(label) ? label : `column ${label}`;
}

/** The line of the first sign that this is not text (a NUL, or many control characters); null for text. */
function firstBinaryLine(source: string): number | null {
  const nul = source.indexOf('\0');
  if (nul >= 0) return lineAt(source, nul);
  const sampleLength = Math.min(source.length, BINARY_SAMPLE);
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < sampleLength; i += 1) {
    if (!isBinaryCharacter(source.charCodeAt(i))) continue;
    controls += 1;
    if (firstControl < 0) firstControl = i;
  }
  return controls > 0 && controls * 20 >= sampleLength ? lineAt(source, firstControl) : null;
}

/** Control characters other than tab, line feed and carriage return; and U+FFFD, what undecodable bytes become. */
function isBinaryCharacter(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0x7f || code === 0xfffd;
}

function lineAt(source: string, offset: number): number {
  const before = source.slice(0, offset);
  return (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** A header cell as the summary line names it: on one line, shortened. */
function headerLabel(cell: string): string {
  return shorten(cell.replace(/\s+/g, ' ').trim(), HEADER_LABEL_MAX);
}

function normalizedName(cell: string): string {
  return cell.trim().toLowerCase();
}

function isUsualLockId(cell: string): boolean {
  if (!cell.includes('@')) return false;
  const check = checkLockId(cell);
  return check.ok && check.hint === null;
}

function looksLikeUserId(cell: string): boolean {
  return userIdProblem(cell.trim()) === null;
}

function isBlank(cell: string | undefined): boolean {
  if (cell === undefined) return true;
  for (let index = 0; index < cell.length; index += 1) if (cell.charCodeAt(index) > 32) return false;
  return cell.trim().length === 0;
}

/**
 * A table is a CSV (or ;- or tab-separated) input whose lock column can be told: by a header row
 * (recognised because none of its cells is an ID) and the column whose cells look like lock IDs, or
 * without a header, the only column whose cells look like lock IDs with all rows equally wide.
 * A single column counts only under a header naming it (lockId, id, …). null: read as a free list.
 */
function findTable(source: string): Table | null {
  const separator = detectSeparator(source);
  const records = parseCsvRecords(source, { separator }).filter((record) =>
    record.cells.some((cell) => !isBlank(cell)),
  );
  if (records.length === 0) return null;
  const first = records[0].cells;
  const names = first.map(normalizedName);
  const namesKnown = names.some((name) => LOCK_HEADER_NAMES.has(name) || USER_HEADER_NAMES.has(name));
  const firstHasIds = first.some((cell) => isUsualLockId(cell) || looksLikeUserId(cell));
  const laterHaveIds = records.slice(1).some((record) => record.cells.some(isUsualLockId));
  const hasHeader = !firstHasIds && (namesKnown || laterHaveIds);
  if (separator === null && !(hasHeader && names.some((name) => LOCK_HEADER_NAMES.has(name)))) return null;

  const data = hasHeader ? records.slice(1) : records;
  const width = first.length;
  const evenWidth = data.every((record) => record.cells.length === width);
  if (!evenWidth && !(hasHeader && namesKnown)) return null;
  if (!hasHeader && width < 2) return null;

  const usualCounts = columnCounts(data, width, isUsualLockId);
  const label = (index: number) =>
    hasHeader && !isBlank(first[index]) ? headerLabel(first[index]) : `column ${index + 1}`;
  if (hasHeader) {
    const named = names.findIndex((name) => USER_HEADER_NAMES.has(name));
    const userIndex = named >= 0 ? named : null;
    const lockIndex = headerLockIndex(names, usualCounts, userIndex);
    if (lockIndex === null) return null;
    return {
      data,
      lockIndex,
      userIndex,
      lockColumn: label(lockIndex),
      userColumn: userIndex === null ? null : label(userIndex),
    };
  }
  const idColumns = usualCounts.flatMap((count, index) => (count > 0 ? [index] : []));
  if (idColumns.length !== 1) return null;
  const lockIndex = idColumns[0];
  const userIndex = headerlessUserIndex(data, width, lockIndex);
  return {
    data,
    lockIndex,
    userIndex,
    lockColumn: label(lockIndex),
    userColumn: userIndex === null ? null : label(userIndex),
  };
}

function columnCounts(data: CsvRecord[], width: number, test: (cell: string) => boolean): number[] {
  const counts = new Array<number>(width).fill(0);
  for (const record of data) {
    for (let index = 0; index < width; index += 1) {
      const cell = record.cells[index];
      if (cell !== undefined && test(cell)) counts[index] += 1;
    }
  }
  return counts;
}

/**
 * A column named lockId (lock_id, lock id, lock-id); else the column holding the most usual lock
 * IDs, preferring one named lock or id when it holds any; else a column named lock or id.
 */
function headerLockIndex(names: string[], usualCounts: number[], userIndex: number | null): number | null {
  const strong = names.findIndex((name, index) => index !== userIndex && LOCK_ID_HEADER_NAMES.has(name));
  if (strong >= 0) return strong;
  const named = names.findIndex((name, index) => index !== userIndex && LOCK_HEADER_NAMES.has(name));
  let best = -1;
  usualCounts.forEach((count, index) => {
    if (index !== userIndex && count > 0 && (best < 0 || count > usualCounts[best])) best = index;
  });
  if (named >= 0 && (best < 0 || usualCounts[named] > 0)) return named;
  return best >= 0 ? best : null;
}

/** Without a header, a column whose cells are mostly (more than half) user IDs is the user column. */
function headerlessUserIndex(data: CsvRecord[], width: number, lockIndex: number): number | null {
  const userCounts = columnCounts(data, width, looksLikeUserId);
  for (let index = 0; index < width; index += 1) {
    if (index !== lockIndex && userCounts[index] * 2 > data.length) return index;
  }
  return null;
}

function tableCandidates(table: Table): Candidate[] {
  return table.data.map((record) => ({
    line: record.line,
    lock: record.cells[table.lockIndex] ?? '',
    user: table.userIndex === null ? null : (record.cells[table.userIndex] ?? ''),
  }));
}

/** Free list: IDs separated by line breaks, commas, semicolons or blanks; # lines are comments. */
function listCandidates(source: string): Candidate[] {
  const out: Candidate[] = [];
  source.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trimStart().startsWith('#')) return;
    for (const token of line.split(/[\s,;]+/)) {
      const text = token.length >= 2 && token.startsWith('"') && token.endsWith('"') ? token.slice(1, -1) : token;
      if (text.length > 0) out.push({ line: index + 1, lock: text, user: null });
    }
  });
  return out;
}

/** The cell's text, trimmed, without the ' that a formula guard put before text such as -x (see csvCell). */
function unguarded(cell: string): string {
  return removeFormulaGuard(cell.trim()).trim();
}

function checkCandidate(
  candidate: Candidate,
  table: Table | null,
  allowUnusual: boolean,
  invalid: BatchInputProblem[],
): (BatchInputRow & { unusual: boolean }) | null {
  const { line } = candidate;
  const problemsBefore = invalid.length;
  let userId: string | null = null;
  if (candidate.user !== null) {
    userId = unguarded(candidate.user);
    const problem =
      userId.length === 0
        ? message('validation.batch.noUserId', { column: table?.userColumn ?? '' })
        : userIdProblemMessage(userId);
    if (problem) invalid.push(problemAt(line, shorten(userId), problem));
  }
  const lockText = unguarded(candidate.lock);
  const check = checkLockId(lockText);
  let unusual = false;
  if (lockText.length === 0) {
    invalid.push(problemAt(line, '', message('validation.batch.noLockId', { column: table?.lockColumn ?? '' })));
  } else if (!check.ok) {
    invalid.push(problemAt(line, shorten(lockText), check.problemMessage));
  } else if (/^\d+$/.test(check.lockId)) {
    invalid.push(problemAt(line, shorten(lockText), NUMBER_NOT_LOCK_ID));
  } else if (check.hint !== null) {
    if (allowUnusual) unusual = true;
    else invalid.push(problemAt(line, shorten(lockText), NOT_A_LOCK_ID));
  }
  if (invalid.length > problemsBefore || !check.ok) return null;
  return { userId, lockId: check.lockId, line, unusual };
}

function shorten(text: string, max = SHOWN_TEXT_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
