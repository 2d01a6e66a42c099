import type { LockOperation, ResultKind } from '../../../shared/result';

/** One line of the append-only audit log (JSON Lines). Never contains a secret. */
export interface AuditEntry {
  /** ISO-8601 time the entry was written. */
  time: string;
  /** Ties the pending entry to its result entry. */
  operationId: string;
  phase: 'pending' | 'result';
  source: 'gui' | 'cli';
  osUser: string;
  profile: string;
  host: string;
  operation: LockOperation;
  lockId: string | null;
  /** The end user the operation was for (X-User-Id). Absent in entries written before per-operation users. */
  userId?: string;
  /** The profile's environment tag (production, staging, sandbox, other). */
  environment?: string;
  /** Set when the operation was part of a batch. */
  batchId?: string;
  /** Present on result entries. */
  ok?: boolean;
  kind?: ResultKind;
  httpStatus?: number | null;
  code?: string | null;
  msg?: string | null;
  requestId?: string;
  durationMs?: number;
  /** Hash chain (auditChain.ts), set by the writer: the previous entry's hash and this entry's own. */
  prev?: string;
  hash?: string;
}

export interface AuditSink {
  append(entry: AuditEntry): Promise<void>;
}

export const noAudit: AuditSink = { append: async () => {} };
