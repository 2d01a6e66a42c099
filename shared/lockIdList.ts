/**
 * Turns pasted text or a file into a clean list of lock IDs: one per line, or separated by commas,
 * semicolons or spaces, or a CSV table (the lockId column, or the first column). Pure; shared by
 * the CLI and the renderer so both accept exactly the same input.
 */
import { checkLockId } from './identifiers';

export interface LockIdListProblem {
  /** 1-based line number in the input. */
  line: number;
  /** The offending text, shortened for display. */
  text: string;
  problem: string;
}

export interface LockIdList {
  /** Valid IDs in input order, each once. */
  valid: string[];
  invalid: LockIdListProblem[];
  /** How many repeated IDs were dropped. */
  duplicates: number;
  /** Valid IDs without the usual <uuid>@<moduleCode> shape; they are kept and sent as typed. */
  unusual: { line: number; lockId: string }[];
}

const SHOWN_TEXT_MAX = 80;
const HEADER_NAMES = new Set(['lockid', 'lock_id', 'lock id', 'lock-id']);

interface Candidate {
  line: number;
  text: string;
}

export function parseLockIdList(text: string): LockIdList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const candidates = tableCandidates(lines) ?? listCandidates(lines);
  const result: LockIdList = { valid: [], invalid: [], duplicates: 0, unusual: [] };
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const check = checkLockId(candidate.text);
    if (!check.ok) {
      result.invalid.push({ line: candidate.line, text: shorten(candidate.text), problem: check.problem });
      continue;
    }
    if (seen.has(check.lockId)) {
      result.duplicates += 1;
      continue;
    }
    seen.add(check.lockId);
    result.valid.push(check.lockId);
    if (check.hint) result.unusual.push({ line: candidate.line, lockId: check.lockId });
  }
  return result;
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith('#');
}

/** Free-form list: tokens separated by whitespace, commas or semicolons. */
function listCandidates(lines: string[]): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((line, index) => {
    if (isComment(line)) return;
    for (const token of line.split(/[\s,;]+/)) {
      if (token.length > 0) out.push({ line: index + 1, text: token });
    }
  });
  return out;
}

/**
 * A CSV table is recognised when the first line is a header naming a lock-ID column, or when
 * every line has the same number of fields (at least two) and only the first column holds IDs
 * of the usual shape. Returns null for anything else, which is then read as a free-form list.
 */
function tableCandidates(lines: string[]): Candidate[] | null {
  const rows: { line: number; cells: string[] }[] = [];
  let separator: string | null = null;
  for (const [index, line] of lines.entries()) {
    if (line.trim().length === 0 || isComment(line)) continue;
    if (rows.length === 0) separator = detectSeparator(line);
    rows.push({ line: index + 1, cells: separator ? splitCsvLine(line, separator) : [line] });
  }
  if (rows.length === 0) return null;

  const header = rows[0].cells.map((cell) => cell.trim().toLowerCase());
  const named = header.findIndex((cell) => HEADER_NAMES.has(cell));
  if (named >= 0) return columnOf(rows.slice(1), named);
  if (!separator) return null;

  const width = rows[0].cells.length;
  if (rows.length < 2 || width < 2 || rows.some((row) => row.cells.length !== width)) return null;
  if (rows.some((row) => row.cells.slice(1).some((cell) => hasUsualShape(cell)))) return null;
  const firstIsHeader = !hasUsualShape(rows[0].cells[0]) && rows.some((row) => hasUsualShape(row.cells[0]));
  return columnOf(firstIsHeader ? rows.slice(1) : rows, 0);
}

function hasUsualShape(cell: string): boolean {
  const check = checkLockId(cell);
  return check.ok && check.hint === null;
}

function columnOf(rows: { line: number; cells: string[] }[], column: number): Candidate[] {
  return rows
    .map((row) => ({ line: row.line, text: row.cells[column] ?? '' }))
    .filter((candidate) => candidate.text.trim().length > 0);
}

/** The first of comma, semicolon or tab that appears outside quotes; null when none does. */
function detectSeparator(line: string): string | null {
  const unquoted = line.replace(/"[^"]*"/g, '');
  for (const separator of [',', ';', '\t']) {
    if (unquoted.includes(separator)) return separator;
  }
  return null;
}

/** One CSV record on one line (RFC 4180 quoting; lock IDs never span lines). */
function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell.trim().length === 0) {
      quoted = true;
      cell = '';
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

function shorten(text: string): string {
  return text.length > SHOWN_TEXT_MAX ? `${text.slice(0, SHOWN_TEXT_MAX - 1)}…` : text;
}
