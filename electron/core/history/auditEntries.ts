/**
 * The valid entries of one audit file, in file order, as columns of numbers: where each line is, and
 * where in its text are the fields the history index compares. No string is made per entry while
 * reading (100,000 entries and more); a field becomes a string only when it is asked for. An entry
 * whose line matched a known shape (see auditLineShapes) is parsed in full only when entry() asks
 * for it; one parsed as JSON while reading is kept whole, and its compared fields get a text of their own.
 */
import type { HistoryOutcome } from '../../../shared/history';
import type { AuditEntry } from '../audit/auditEntry';
import { readAuditRecord } from './readAuditRecord';

/** Entry outcomes as numbers: the index of each in this list. */
export const OUTCOMES: readonly HistoryOutcome[] = ['pending', 'success', 'failed'];
export const PENDING = 0;
export const SUCCESS = 1;
export const FAILED = 2;

/** Numbers kept per entry, in this order. */
const TEXT = 0;
const LINE_START = 1;
const LINE_END = 2;
const ID_START = 3;
const ID_END = 4;
const TIME_START = 5;
const TIME_END = 6;
const PROFILE_START = 7;
const PROFILE_END = 8;
/** -1 for a null lock ID. */
const LOCK_START = 9;
const LOCK_END = 10;
const OUTCOME = 11;
/** Numbers kept per entry (for code that reads the columns directly). */
export const STRIDE = 12;
export const COLUMN = { TEXT, ID_START, ID_END, LOCK_START, OUTCOME } as const;
const FIRST_CAPACITY = 1024;

export class AuditEntries {
  /** The decoded text of each read (a read ends after a line break), and the fields of parsed entries. */
  readonly texts: string[] = [];
  /** STRIDE numbers per entry; grown by doubling. */
  columns = new Int32Array(FIRST_CAPACITY * STRIDE);
  private entries = 0;
  private readonly parsed = new Map<number, AuditEntry>();

  get count(): number {
    return this.entries;
  }

  /**
   * An entry whose line is `texts[textIndex]` from `lineStart` to `lineEnd` (its line break included);
   * each field is given by its first and past-the-end positions in the same text. lockStart -1: null.
   */
  addLine(
    textIndex: number,
    lineStart: number,
    lineEnd: number,
    idStart: number,
    idEnd: number,
    timeStart: number,
    timeEnd: number,
    profileStart: number,
    profileEnd: number,
    lockStart: number,
    lockEnd: number,
    outcome: number,
  ): void {
    let at = this.entries * STRIDE;
    if (at === this.columns.length) {
      const grown = new Int32Array(this.columns.length * 2);
      grown.set(this.columns);
      this.columns = grown;
    }
    const columns = this.columns;
    columns[at++] = textIndex;
    columns[at++] = lineStart;
    columns[at++] = lineEnd;
    columns[at++] = idStart;
    columns[at++] = idEnd;
    columns[at++] = timeStart;
    columns[at++] = timeEnd;
    columns[at++] = profileStart;
    columns[at++] = profileEnd;
    columns[at++] = lockStart;
    columns[at++] = lockEnd;
    columns[at] = outcome;
    this.entries += 1;
  }

  addParsed(entry: AuditEntry): void {
    this.parsed.set(this.count, entry);
    const { operationId, time, profile, lockId } = entry;
    const outcome = entry.phase === 'pending' ? PENDING : entry.ok ? SUCCESS : FAILED;
    const idEnd = operationId.length;
    const timeEnd = idEnd + time.length;
    const profileEnd = timeEnd + profile.length;
    const lockEnd = lockId === null ? -1 : profileEnd + lockId.length;
    const textIndex = this.texts.length;
    this.texts.push(`${operationId}${time}${profile}${lockId ?? ''}`);
    this.addLine(
      textIndex,
      0,
      0,
      0,
      idEnd,
      idEnd,
      timeEnd,
      timeEnd,
      profileEnd,
      lockId === null ? -1 : profileEnd,
      lockEnd,
      outcome,
    );
  }

  /** The text that holds the compared fields of entry `index`. */
  textOf(index: number): string {
    return this.texts[this.columns[index * STRIDE + TEXT]];
  }

  idStart(index: number): number {
    return this.columns[index * STRIDE + ID_START];
  }

  idEnd(index: number): number {
    return this.columns[index * STRIDE + ID_END];
  }

  timeStart(index: number): number {
    return this.columns[index * STRIDE + TIME_START];
  }

  timeEnd(index: number): number {
    return this.columns[index * STRIDE + TIME_END];
  }

  /** PENDING, SUCCESS or FAILED. */
  outcomeCode(index: number): number {
    return this.columns[index * STRIDE + OUTCOME];
  }

  hasLockId(index: number): boolean {
    return this.columns[index * STRIDE + LOCK_START] >= 0;
  }

  operationId(index: number): string {
    const at = index * STRIDE;
    return this.textOf(index).slice(this.columns[at + ID_START], this.columns[at + ID_END]);
  }

  time(index: number): string {
    const at = index * STRIDE;
    return this.textOf(index).slice(this.columns[at + TIME_START], this.columns[at + TIME_END]);
  }

  profile(index: number): string {
    const at = index * STRIDE;
    return this.textOf(index).slice(this.columns[at + PROFILE_START], this.columns[at + PROFILE_END]);
  }

  lockId(index: number): string | null {
    const at = index * STRIDE;
    const start = this.columns[at + LOCK_START];
    return start < 0 ? null : this.textOf(index).slice(start, this.columns[at + LOCK_END]);
  }

  outcome(index: number): HistoryOutcome {
    return OUTCOMES[this.outcomeCode(index)];
  }

  entry(index: number): AuditEntry {
    const kept = this.parsed.get(index);
    if (kept) return kept;
    const at = index * STRIDE;
    const line = this.textOf(index).slice(this.columns[at + LINE_START], this.columns[at + LINE_END]);
    const entry = readAuditRecord(JSON.parse(line));
    if (!entry) throw new Error('An audit line that matched a known shape is not a valid entry.');
    return entry;
  }
}
