/**
 * checkAuditRecord with a fast path for the common case. The history reads every line of the audit
 * log (100,000 and more), and the general checker costs a few microseconds a line. A record whose
 * fields all have exactly the written types and lengths is copied field by field here; anything else
 * goes to checkAuditRecord, which stays the one definition of what is valid.
 */
import { LOCK_OPERATIONS, type LockOperation, RESULT_KINDS, type ResultKind } from '../../../shared/result';
import type { AuditEntry } from '../audit/auditEntry';
import { MAX_AUDIT_TEXT, checkAuditRecord } from '../audit/auditRecord';

const OPERATIONS: ReadonlySet<unknown> = new Set<LockOperation>(LOCK_OPERATIONS);
const KINDS: ReadonlySet<unknown> = new Set<ResultKind>(RESULT_KINDS);
const CHAIN_HASH = /^[0-9a-f]{64}$/;

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_AUDIT_TEXT;
}

function isOptionalText(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || isText(value);
}

function isChainHash(value: unknown): value is string {
  return typeof value === 'string' && value.length === 64 && CHAIN_HASH.test(value);
}

/** The entry, or null when the record is not a valid audit entry. */
export function readAuditRecord(value: unknown): AuditEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const { time, operationId, phase, source, osUser, profile, host, operation, lockId } = record;
  const { userId, environment, batchId, ok, kind, httpStatus, code, msg, requestId, durationMs } = record;
  const { prev, hash } = record;
  const plain =
    isText(time) &&
    isText(operationId) &&
    (phase === 'pending' || phase === 'result') &&
    (source === 'gui' || source === 'cli') &&
    isText(osUser) &&
    isText(profile) &&
    isText(host) &&
    OPERATIONS.has(operation) &&
    (lockId === null || isText(lockId)) &&
    (userId === undefined || isText(userId)) &&
    (environment === undefined || isText(environment)) &&
    (batchId === undefined || isText(batchId)) &&
    (ok === undefined || typeof ok === 'boolean') &&
    (kind === undefined || KINDS.has(kind)) &&
    (httpStatus === undefined || httpStatus === null || Number.isSafeInteger(httpStatus)) &&
    isOptionalText(code) &&
    isOptionalText(msg) &&
    (requestId === undefined || isText(requestId)) &&
    (durationMs === undefined || (typeof durationMs === 'number' && Number.isFinite(durationMs) && durationMs >= 0)) &&
    (prev === undefined || isChainHash(prev)) &&
    (hash === undefined || isChainHash(hash));
  if (!plain) {
    const check = checkAuditRecord(value);
    return check.ok ? check.entry : null;
  }
  const entry: AuditEntry = {
    time,
    operationId,
    phase,
    source,
    osUser,
    profile,
    host,
    operation: operation as LockOperation,
    lockId,
  };
  if (userId !== undefined) entry.userId = userId;
  if (environment !== undefined) entry.environment = environment;
  if (batchId !== undefined) entry.batchId = batchId;
  if (ok !== undefined) entry.ok = ok;
  if (kind !== undefined) entry.kind = kind as ResultKind;
  if (httpStatus !== undefined) entry.httpStatus = httpStatus as number | null;
  if (code !== undefined) entry.code = code;
  if (msg !== undefined) entry.msg = msg;
  if (requestId !== undefined) entry.requestId = requestId;
  if (durationMs !== undefined) entry.durationMs = durationMs as number;
  if (prev !== undefined) entry.prev = prev;
  if (hash !== undefined) entry.hash = hash;
  return entry;
}
