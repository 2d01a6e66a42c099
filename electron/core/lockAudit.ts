/** The two audit entries of every lock attempt: pending before it is sent, result after. */
import type { LockResult } from '../../shared/result';
import type { AuditEntry } from './audit/auditEntry';
import type { LockRequest } from './lockRequest';

/** Thrown when the result audit entry cannot be written after the request went out; carries the result. */
export class AuditWriteError extends Error {
  constructor(
    message: string,
    /** What happened on the server; null when the pending entry failed and nothing was sent. */
    readonly result: LockResult | null,
  ) {
    super(message);
    this.name = 'AuditWriteError';
  }
}

export interface AttemptIdentity {
  operationId: string;
  source: 'gui' | 'cli';
  osUser: string;
  /** The host the request went to. */
  host: string;
  userId: string;
}

/** The fields both entries share, in the order the log has always written them. */
function commonFields(request: LockRequest, who: AttemptIdentity, lockId: string | null, time: string) {
  return {
    operationId: who.operationId,
    source: who.source,
    osUser: who.osUser,
    profile: request.profile.id,
    host: who.host,
    operation: request.operation,
    lockId,
    userId: who.userId,
    environment: request.profile.environment,
    time,
  };
}

export function pendingEntry(
  request: LockRequest,
  who: AttemptIdentity,
  lockId: string | null,
  time: string,
): AuditEntry {
  const entry: AuditEntry = { ...commonFields(request, who, lockId, time), phase: 'pending' };
  if (request.batchId !== undefined) entry.batchId = request.batchId;
  return entry;
}

export function resultEntry(request: LockRequest, who: AttemptIdentity, result: LockResult, time: string): AuditEntry {
  const entry: AuditEntry = {
    ...commonFields(request, who, result.lockId, time),
    phase: 'result',
    ok: result.ok,
    kind: result.kind,
    httpStatus: result.httpStatus,
    code: result.code,
    msg: result.msg,
    durationMs: result.durationMs,
  };
  if (request.batchId !== undefined) entry.batchId = request.batchId;
  if (result.requestId) entry.requestId = result.requestId;
  return entry;
}
