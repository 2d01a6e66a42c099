/**
 * One attempt of a lock operation: the generic signed call, wrapped with its audit entries (pending
 * before sending, result after) and turned into a LockResult.
 */
import { randomUUID } from 'node:crypto';
import type { LockResult } from '../../shared/result';
import type { AuditSink } from './audit/auditEntry';
import { LOCK_OPERATIONS } from './koodrive/lockOperations';
import { prepareLockRequest } from './koodrive/lockRequests';
import { lockIdFromData } from './koodrive/responseParser';
import { type CallDeps, type CallOutcome, signedCall } from './koodrive/signedCall';
import { type AttemptIdentity, AuditWriteError, pendingEntry, resultEntry } from './lockAudit';
import type { LockRequest } from './lockRequest';
import { scrubMessage } from './scrubMessage';
import type { ThrottleAnswer } from './throttleRetry';

export interface AttemptDeps extends CallDeps {
  audit: AuditSink;
  source: 'gui' | 'cli';
  osUser: string;
}

/** A request that passed every check, with its secret. */
export interface Sendable {
  request: LockRequest;
  lockId: string | null;
  moduleCode: string | null;
  userId: string;
  secret: string;
}

export interface Attempt {
  result: LockResult;
  /** The HTTP answer, for the retry decision; null when none arrived. */
  answer: ThrottleAnswer | null;
  sentAtMs: number;
}

/** Replaces every occurrence of the secret, in case a server echoes a header back into its message. */
function scrub<T extends string | null | undefined>(value: T, secret: string): T {
  if (typeof value !== 'string' || secret.length < 4 || !value.includes(secret)) return value;
  return value.split(secret).join('<redacted>') as T;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}

function lockResultOf(sendable: Sendable, outcome: CallOutcome, host: string, sentAt: string): LockResult {
  const { request, userId, secret } = sendable;
  const { operation, batchId } = request;
  const { kind, body, response, transportError } = outcome;
  const lockId = operation === 'create' ? (kind === 'success' ? lockIdFromData(body?.data) : null) : sendable.lockId;
  const result: LockResult = {
    ok: kind === 'success',
    kind,
    operation,
    host,
    httpStatus: response?.status ?? transportError?.httpStatus ?? null,
    code: scrub(body?.code ?? null, secret),
    msg: scrub(body?.msg ?? transportError?.message ?? null, secret),
    lockId: scrub(lockId, secret),
    userId,
    durationMs: outcome.durationMs,
    remedy: scrub(outcome.remedy, secret),
    remedyMessage: scrubMessage(outcome.remedyMessage, secret),
    sentAt,
  };
  if (batchId !== undefined) result.batchId = batchId;
  if (outcome.requestId) result.requestId = scrub(outcome.requestId, secret);
  const serverDate = response?.headers.date;
  if (serverDate) result.serverDate = scrub(serverDate, secret);
  return result;
}

/** One attempt: signed with a fresh X-Date, audited as its own operation (pending, then result). */
export async function lockAttempt(
  deps: AttemptDeps,
  sendable: Sendable,
  attempt: number,
  previous: LockResult | null,
): Promise<Attempt> {
  const { request, userId, secret } = sendable;
  const { profile, operation } = request;
  const operationId = randomUUID();
  const identity = (host: string): AttemptIdentity => ({
    operationId,
    source: deps.source,
    osUser: deps.osUser,
    host,
    userId,
  });
  let sentAt = '';
  const outcome = await signedCall(deps, {
    operation: LOCK_OPERATIONS[operation],
    profile,
    clockOffsetMs: request.clockOffsetMs,
    signal: request.signal,
    prepare: (now) =>
      prepareLockRequest({
        profile,
        operation,
        lockId: sendable.lockId ?? undefined,
        moduleCode: sendable.moduleCode ?? undefined,
        userId,
        secret,
        now,
      }),
    beforeSend: async (prepared) => {
      sentAt = deps.clock.now().toISOString();
      try {
        await deps.audit.append(pendingEntry(request, identity(prepared.url.host), sendable.lockId, sentAt));
      } catch (error) {
        const again = attempt > 1 ? ` sent again (attempt ${attempt})` : ' sent';
        throw new AuditWriteError(
          `The audit log could not be written, so the ${operation} request was not${again}: ${scrub(messageOf(error), secret)}`,
          previous,
        );
      }
    },
  });
  const who = identity(outcome.prepared.url.host);
  const result = lockResultOf(sendable, outcome, who.host, sentAt);
  try {
    await deps.audit.append(resultEntry(request, who, result, deps.clock.now().toISOString()));
  } catch (error) {
    result.attempts = attempt;
    throw new AuditWriteError(
      `The ${operation} request finished (${result.kind}) but its audit entry could not be written: ${scrub(messageOf(error), secret)}`,
      result,
    );
  }
  const { response, body } = outcome;
  const answer: ThrottleAnswer | null = response
    ? {
        status: response.status,
        code: body?.code ?? null,
        retryAfter: response.headers['retry-after'],
        serverDate: response.headers.date,
      }
    : null;
  return { result, answer, sentAtMs: outcome.sentAtMs };
}
