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
  /** Present on result entries. */
  ok?: boolean;
  kind?: ResultKind;
  httpStatus?: number | null;
  code?: string | null;
  msg?: string | null;
  requestId?: string;
  durationMs?: number;
}

export interface AuditSink {
  append(entry: AuditEntry): Promise<void>;
}

export const noAudit: AuditSink = { append: async () => {} };
