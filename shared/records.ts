/**
 * Backup records and their files as the read-only inspector shows them (window and CLI), the results of
 * the three record reads, and the one "possibly stuck" rule. Fields and statuses:
 * docs/koodrive-protocol.md#identifiers-and-values.
 */
import type { Message } from './messages/template';
import type { ResultKind } from './result';

/** The page size every listing asks for: the largest the API allows (docs/koodrive-protocol.md#paging). */
export const RECORD_PAGE_SIZE = 100;
/** Records a listing reads when no limit is given (ten pages). */
export const RECORD_LIST_DEFAULT_LIMIT = 1000;
/** The most records one listing may read (a hundred pages). */
export const RECORD_LIST_MAX_LIMIT = 10_000;
/** The longest cursor the API accepts (docs/koodrive-protocol.md#endpoints). */
export const RECORD_CURSOR_MAX = 1000;

/** Record `status` 0, 1 and 2 in words; the CLI's `--status` takes these names. */
export const RECORD_STATUS_NAMES = ['in-progress', 'completed', 'pending-deletion'] as const;
export type RecordStatusName = (typeof RECORD_STATUS_NAMES)[number];
export type RecordStatusWord = RecordStatusName | 'unknown';

export const RECORD_STATUS_IN_PROGRESS = 0;
export const RECORD_STATUS_COMPLETED = 1;

export function recordStatusName(status: number | null): RecordStatusWord {
  if (status === null || !Number.isInteger(status)) return 'unknown';
  return RECORD_STATUS_NAMES[status] ?? 'unknown';
}

/** The status number of a name, or null for a name that is not one of RECORD_STATUS_NAMES. */
export function recordStatusCode(name: string): number | null {
  const index = (RECORD_STATUS_NAMES as readonly string[]).indexOf(name);
  return index === -1 ? null : index;
}

export interface BackupDeviceView {
  deviceId: string | null;
  machineCode: string | null;
  deviceName: string | null;
  deviceOS: string | null;
  createTime: string | null;
}

export interface BackupRecordView {
  /** Exact decimal text (19 digits), whether the server sent a string or a bare JSON integer. */
  recordId: string;
  moduleCode: string;
  status: number | null;
  statusName: RecordStatusWord;
  /** As sent: the format is undocumented (docs/koodrive-protocol.md#open-questions, question 22). */
  createTime: string | null;
  /** createTime as epoch ms when its format is recognisable (parseRecordTime); else null: show the raw text. */
  createdAtMs: number | null;
  /** As sent; empty while the backup is in progress. */
  endTime: string | null;
  endedAtMs: number | null;
  version: number | null;
  /** A string holding JSON, as sent. */
  properties: string | null;
  device: BackupDeviceView | null;
}

export interface BackupFileView {
  /** Exact decimal text, whether sent as a string or a bare JSON integer. */
  fileId: string;
  fileName: string;
  sha256: string | null;
  /** Bytes as exact decimal text (sizes are long integers). */
  size: string | null;
  mimeType: string | null;
  description: string | null;
  createTime: string | null;
  createdAtMs: number | null;
}

/** What every record read reports, in the style of LockResult (shared/result.ts). */
export interface RecordReadOutcome {
  ok: boolean;
  kind: ResultKind;
  /** Host (and port) the requests went to. */
  host: string;
  /** Of the last request; null when no HTTP response arrived or nothing was sent. */
  httpStatus: number | null;
  /** The server's business or gateway code of the last answer, as text. */
  code: string | null;
  msg: string | null;
  /** One sentence a support engineer can act on, in English. */
  remedy: string;
  /** The same sentence as a key and parameters, for the reader's language (docs/renderer.md#messages-from-main-keys-and-parameters). */
  remedyMessage: Message;
  /** The end user the reads were for (X-User-Id); null when none could be chosen (invalid input). */
  userId: string | null;
  /** Round trips of every request, added up (ms). */
  durationMs: number;
  /** Of the last answer. */
  requestId?: string;
  serverDate?: string;
}

/**
 * A listing of a user's backup records for one module, every page up to the limit. When a page fails
 * (page 5, say), `ok` is false, `kind` and `remedy` are the failure's, and `records` still holds what the
 * earlier pages returned (pages 1-4): the listing is partial, never silently empty.
 */
export interface RecordListResult extends RecordReadOutcome {
  moduleCode: string;
  /** Newest first, as the server sent them; filtered by device when a deviceId was asked for. */
  records: BackupRecordView[];
  pagesRead: number;
  /** Where to go on when records are left: the limit was reached, or the listing was cancelled after a page; else null (the end, or a failure). */
  nextCursor: string | null;
  /** The listing stopped at its limit, not at the end. */
  limitReached: boolean;
}

export interface RecordDetailsResult extends RecordReadOutcome {
  recordId: string;
  /** null unless ok. */
  record: BackupRecordView | null;
}

/** One page (at most RECORD_PAGE_SIZE) of a record's files; pass nextCursor back for the next. */
export interface RecordFilesPage extends RecordReadOutcome {
  recordId: string;
  files: BackupFileView[];
  /** null on the last page (or when the read failed). */
  nextCursor: string | null;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_BASIC_UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const EPOCH_SECONDS = /^\d{10}$/;
const EPOCH_MILLISECONDS = /^\d{13}$/;

/**
 * A record or file time as epoch ms when its format is recognisable: ISO-8601 with a zone (extended or the
 * X-Date basic form) or epoch seconds (10 digits) or milliseconds (13 digits). Anything else, a time without
 * a zone included, is null: the format is undocumented and a guess could be hours off.
 */
export function parseRecordTime(text: string | null): number | null {
  const value = text?.trim() ?? '';
  if (EPOCH_MILLISECONDS.test(value)) return Number(value);
  if (EPOCH_SECONDS.test(value)) return Number(value) * 1000;
  const basic = ISO_BASIC_UTC.exec(value);
  if (basic) {
    const [, year, month, day, hour, minute, second] = basic.map(Number);
    const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second);
    return Number.isNaN(ms) ? null : ms;
  }
  if (!ISO_WITH_ZONE.test(value)) return null;
  const ms = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}

/**
 * An in-progress record older than this is "possibly stuck" when no completed backup followed it. Why
 * two hours (docs/cli.md#possibly-stuck): a healthy client renews its 10-minute lock while it works and
 * completes the record at the end; backups are incremental, so even a large photo album finishes well
 * within it on a normal connection, while a crashed client leaves the record in progress for good.
 */
export const POSSIBLY_STUCK_AFTER_MS = 2 * 60 * 60 * 1000;

export interface StuckReason {
  /** How long the record has been in progress (ms). */
  ageMs: number;
  thresholdMs: number;
}

function sameDevice(a: BackupRecordView, b: BackupRecordView): boolean {
  const first = a.device?.deviceId ?? null;
  const second = b.device?.deviceId ?? null;
  return first === null || second === null || first === second;
}

/**
 * Why a record is possibly the footprint of a crashed backup, or null: it is in progress, older than the
 * threshold, and no completed record of the same module (and the same device, when both name one) was
 * created after it. `records` is the listing it came from; a record without a readable time is never flagged.
 */
export function possiblyStuck(
  record: BackupRecordView,
  records: readonly BackupRecordView[],
  nowMs: number,
  thresholdMs: number = POSSIBLY_STUCK_AFTER_MS,
): StuckReason | null {
  const startedAt = record.createdAtMs;
  if (record.status !== RECORD_STATUS_IN_PROGRESS || startedAt === null) return null;
  const ageMs = nowMs - startedAt;
  if (ageMs <= thresholdMs) return null;
  const completedSince = records.some(
    (other) =>
      other.status === RECORD_STATUS_COMPLETED &&
      other.moduleCode === record.moduleCode &&
      other.createdAtMs !== null &&
      other.createdAtMs > startedAt &&
      sameDevice(record, other),
  );
  return completedSince ? null : { ageMs, thresholdMs };
}
