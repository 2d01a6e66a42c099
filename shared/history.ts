import type { LockOperation, ResultKind } from './result';

export const HISTORY_OUTCOMES = ['success', 'failed', 'pending'] as const;
export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number];

export interface HistoryFilter {
  /** Substring of the lock ID. */
  lockId?: string;
  /** Profile id or name. */
  profile?: string;
  /** Exact end-user ID (X-User-Id). */
  userId?: string;
  /** Exact batch ID. */
  batchId?: string;
  outcome?: HistoryOutcome;
  /** The recorded result kind (e.g. auth, not-found); pending rows have none. */
  kind?: ResultKind;
  operation?: LockOperation;
  /** ISO-8601 date or date-time; inclusive. */
  from?: string;
  to?: string;
}

/** One operation in the audit log: its pending entry merged with its result entry, if any. */
export interface HistoryRow {
  operationId: string;
  time: string;
  source: 'gui' | 'cli';
  osUser: string;
  /** The profile id as written in the audit log. */
  profile: string;
  /** The profile's current name, when the profile still exists. */
  profileName?: string;
  host: string;
  operation: LockOperation;
  lockId: string | null;
  /** The end user the operation was for (absent in entries written before per-operation users). */
  userId?: string;
  environment?: string;
  batchId?: string;
  /** pending: the request was sent but no result was recorded (crash, kill, or still running). */
  outcome: HistoryOutcome;
  kind?: ResultKind;
  httpStatus?: number | null;
  code?: string | null;
  msg?: string | null;
  requestId?: string;
  durationMs?: number;
}

export type AuditIntegrity =
  { intact: true; entries: number } | { intact: false; entries: number; brokenAt: string; problem: string };

export interface HistoryPage {
  /** Rows matching the filter, in all. */
  total: number;
  /** Newest first, from `offset`. */
  rows: HistoryRow[];
  /** Malformed audit lines that were skipped. */
  skippedLines: number;
}
