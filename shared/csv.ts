/**
 * CSV both ways (RFC 4180). Reading: records, not lines — quoted cells may hold separators, doubled
 * quotes and line breaks (CRLF, LF or CR); a byte-order mark is dropped; the separator is given or
 * detected outside quotes. Writing: `csvCell` quotes what a spreadsheet could split and guards
 * against formula injection. Pure; shared by the CLI and the renderer.
 */

export type CsvSeparator = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
}

export interface CsvReadOptions {
  /** null: every record is one cell (quotes are still honoured). Default: detected. */
  separator?: CsvSeparator | null;
  /** Skip lines whose first non-blank character is `#` (outside a quoted cell). Default true. */
  comments?: boolean;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const QUOTE = 34;
const APOSTROPHE = 39;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator of the first record that is not blank or a comment: the one of `,` `;` tab that
 * occurs most often outside quotes there (ties: tab, then `;`, then `,`); null when none occurs.
 */
export function detectSeparator(text: string, comments = true): CsvSeparator | null {
  const source = stripBom(text);
  const start = firstContentLine(source, comments);
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = start; i < source.length; i += 1) {
    const char = source[i];
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else if (char === ',' || char === ';' || char === '\t') counts[char] += 1;
  }
  let best: CsvSeparator | null = null;
  for (const separator of ['\t', ';', ','] as const) {
    if (counts[separator] > 0 && (best === null || counts[separator] > counts[best])) best = separator;
  }
  return best;
}

/**
 * Reads text as CSV records. Blank lines are skipped; so are comment lines unless turned off. A
 * quote opens a quoted cell only at the start of a cell (after optional blanks); anywhere else it is
 * an ordinary character. A quote that never closes (no quote follows it) is read as an ordinary
 * character, so malformed input loses no lines.
 * Unquoted cells are returned as written (blanks included); quoted cells without their quotes.
 */
export function parseCsvRecords(text: string, options: CsvReadOptions = {}): CsvRecord[] {
  const source = stripBom(text);
  const comments = options.comments ?? true;
  const separator = options.separator === undefined ? detectSeparator(source, comments) : options.separator;
  return new RecordReader(source, separator, comments).readAll();
}

class RecordReader {
  private position = 0;
  private line = 1;

  constructor(
    private readonly source: string,
    private readonly separator: CsvSeparator | null,
    private readonly comments: boolean,
  ) {}

  readAll(): CsvRecord[] {
    const records: CsvRecord[] = [];
    while (this.position < this.source.length) {
      if (this.skipBlankOrComment()) continue;
      const recordLine = this.line;
      const cells: string[] = [];
      for (;;) {
        cells.push(this.readCell());
        if (this.source[this.position] !== this.separator || this.separator === null) break;
        this.position += 1;
      }
      this.skipLineBreak();
      records.push({ line: recordLine, cells });
    }
    return records;
  }

  private skipBlankOrComment(): boolean {
    const { source } = this;
    let i = this.position;
    while (i < source.length && (source.charCodeAt(i) === SPACE || source.charCodeAt(i) === TAB)) i += 1;
    const code = source.charCodeAt(i);
    if (i < source.length && code !== LF && code !== CR && !(this.comments && code === HASH)) return false;
    this.position = lineEnd(source, i);
    this.skipLineBreak();
    return true;
  }

  /** One cell, leaving the position on the separator or line break after it. */
  private readCell(): string {
    const { source } = this;
    const begin = this.position;
    let i = begin;
    while (i < source.length && (source[i] === ' ' || (source[i] === '\t' && this.separator !== '\t'))) i += 1;
    if (source[i] !== '"') {
      this.position = this.cellEnd(begin);
      return source.slice(begin, this.position);
    }
    const opened = i;
    let close = source.indexOf('"', opened + 1);
    let escaped = false;
    while (close >= 0 && source.charCodeAt(close + 1) === QUOTE) {
      escaped = true;
      close = source.indexOf('"', close + 2);
    }
    if (close < 0) {
      // Only doubled quotes followed the opening one: it never closes, so it is an ordinary character.
      this.position = this.cellEnd(begin);
      return source.slice(begin, this.position);
    }
    const inner = source.slice(opened + 1, close);
    const cell = escaped ? inner.replaceAll('""', '"') : inner;
    this.line += countLineBreaks(source, opened, close);
    // Text between the closing quote and the separator is kept, as spreadsheet programs do.
    this.position = this.cellEnd(close + 1);
    return this.position === close + 1 ? cell : cell + source.slice(close + 1, this.position);
  }

  private cellEnd(from: number): number {
    const { source } = this;
    const separator = this.separator === null ? -1 : this.separator.charCodeAt(0);
    let i = from;
    while (i < source.length) {
      const code = source.charCodeAt(i);
      if (code === separator || code === LF || code === CR) break;
      i += 1;
    }
    return i;
  }

  private skipLineBreak(): void {
    const { source } = this;
    if (source[this.position] === '\r') this.position += source[this.position + 1] === '\n' ? 2 : 1;
    else if (source[this.position] === '\n') this.position += 1;
    else return;
    this.line += 1;
  }
}

function lineEnd(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (code === LF || code === CR) break;
    i += 1;
  }
  return i;
}

function firstContentLine(source: string, comments: boolean): number {
  let i = 0;
  while (i < source.length) {
    const end = lineEnd(source, i);
    const text = source.slice(i, end);
    if (text.trim().length > 0 && !(comments && text.trimStart().startsWith('#'))) return i;
    i = end + (source[end] === '\r' && source[end + 1] === '\n' ? 2 : 1);
  }
  return source.length;
}

/** Line breaks (CRLF counted once) in source[from, to). */
function countLineBreaks(source: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const code = source.charCodeAt(i);
    if (code === LF || (code === CR && source.charCodeAt(i + 1) !== LF)) count += 1;
  }
  return count;
}

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Quotes a cell when it holds a quote, a separator (`,` `;` tab) or a line break; quotes doubled. */
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * True when the text gets the formula guard: a spreadsheet could read it as a formula (also after
 * leading whitespace), or it starts with ' before such text — so that removeFormulaGuard can always
 * tell a guard from a quote that belongs to the text.
 */
function needsFormulaGuard(text: string): boolean {
  let start = 0;
  while (text.charCodeAt(start) === APOSTROPHE) start += 1;
  return FORMULA_START.test(start === 0 ? text : text.slice(start));
}

/** The text of a cell written by csvCell, without the ' the formula guard put before it. */
export function removeFormulaGuard(text: string): string {
  return text.charCodeAt(0) === APOSTROPHE && needsFormulaGuard(text.slice(1)) ? text.slice(1) : text;
}

/**
 * One CSV cell for export: text that a spreadsheet could run as a formula (starting with = + - @,
 * tab or CR, also after leading whitespace) gets a leading ' (CSV injection guard); then quoted as
 * needed. Numbers and booleans are written as they are.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return quoteCsvField(needsFormulaGuard(value) ? `'${value}` : value);
}
