/**
 * The valid entries of one audit file, in file order, as columns: the fields the history index
 * compares, and where each line is. An entry whose line matched a known shape (see auditLineShapes)
 * is parsed in full only when entry() asks for it; one parsed as JSON while reading is kept whole.
 */
import type { HistoryOutcome } from '../../../shared/history';
import type { AuditEntry } from '../audit/auditEntry';
import { readAuditRecord } from './readAuditRecord';

export class AuditEntries {
  readonly operationId: string[] = [];
  /** 'pending' for a pending entry; a result entry's outcome otherwise. */
  readonly outcome: HistoryOutcome[] = [];
  readonly time: string[] = [];
  readonly profile: string[] = [];
  readonly lockId: (string | null)[] = [];
  /** The decoded text of each read (a read ends after a line break). */
  readonly texts: string[] = [];
  private readonly parsed: (AuditEntry | undefined)[] = [];
  private readonly textIndex: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];

  get count(): number {
    return this.operationId.length;
  }

  /** An entry whose line is `texts[textIndex]` from `start` to `end` (its line break included). */
  addLine(
    operationId: string,
    outcome: HistoryOutcome,
    time: string,
    profile: string,
    lockId: string | null,
    textIndex: number,
    start: number,
    end: number,
  ): void {
    this.operationId.push(operationId);
    this.outcome.push(outcome);
    this.time.push(time);
    this.profile.push(profile);
    this.lockId.push(lockId);
    this.parsed.push(undefined);
    this.textIndex.push(textIndex);
    this.start.push(start);
    this.end.push(end);
  }

  addParsed(entry: AuditEntry): void {
    this.operationId.push(entry.operationId);
    this.outcome.push(entry.phase === 'pending' ? 'pending' : entry.ok ? 'success' : 'failed');
    this.time.push(entry.time);
    this.profile.push(entry.profile);
    this.lockId.push(entry.lockId);
    this.parsed.push(entry);
    this.textIndex.push(-1);
    this.start.push(0);
    this.end.push(0);
  }

  entry(index: number): AuditEntry {
    const kept = this.parsed[index];
    if (kept) return kept;
    const line = this.texts[this.textIndex[index]].slice(this.start[index], this.end[index]);
    const entry = readAuditRecord(JSON.parse(line));
    if (!entry) throw new Error('An audit line that matched a known shape is not a valid entry.');
    return entry;
  }
}
