/**
 * The one place a lock operation happens: validate, fetch the secret, sign with a fresh X-Date, audit
 * (pending) before sending, send, classify, audit (result), return a LockResult. Only an answer that
 * proves the request was not processed (429, APIGW.0308, 503 with Retry-After) is sent again, after the
 * server's delay, freshly signed and audited as its own attempt (throttleRetry.ts); nothing else is re-sent.
 * Front ends (GUI over IPC, CLI, bench) inject the transport, clock, secret source and audit sink.
 */
import { randomUUID } from 'node:crypto';
import { checkBaseUrl, checkLockId, moduleCodeProblem } from '../../shared/identifiers';
import { type Profile, resolveUserId } from '../../shared/profile';
import type { LockOperation, LockResult } from '../../shared/result';
import type { AuditEntry, AuditSink } from './audit/auditEntry';
import { type Clock, sleepOn } from './clock';
import { classify } from './koodrive/classify';
import { LOCK_OPERATIONS } from './koodrive/lockOperations';
import { remedies } from './koodrive/remedies';
import { lockUrlProblem } from './koodrive/endpointUrl';
import { prepareLockRequest } from './koodrive/lockRequests';
import { secretProblem } from './koodrive/requestBuilder';
import { lockIdFromData, parseResponseBody } from './koodrive/responseParser';
import { connectionFor } from './koodrive/connectionFor';
import type { ProxyEnv } from './koodrive/proxyFromEnv';
import { type HttpResponse, type Transport, TransportError } from './koodrive/transport';
import type { LockRequest, SecretSource } from './lockRequest';
import type { RequestPacer, SendOutcome } from './requestPacer';
import { SecretDestinationError } from './secrets/boundSecret';
import {
  type ThrottleAnswer,
  type ThrottleRetryOptions,
  attemptsOption,
  planRetry,
  wasNotProcessed as wasThrottled,
} from './throttleRetry';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

export interface LockServiceDeps {
  transport: Transport;
  clock: Clock;
  secretFor: SecretSource;
  audit: AuditSink;
  source: 'gui' | 'cli';
  osUser: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Where HTTPS_PROXY and NO_PROXY are read (connectionFor); default none: the profile's own proxy only. */
  env?: ProxyEnv;
  /** Re-sending of throttled requests (attempts, cap, jitter); default 4 attempts, waits of at most 30 s. */
  throttleRetry?: ThrottleRetryOptions;
}

/** How one call is run beyond the request itself. */
export interface RunOptions {
  /** The batch's shared rate limiter: every attempt waits for it and reports to it. */
  pacer?: RequestPacer;
}

export interface LockCallOptions {
  signal?: AbortSignal;
  /** The end user; defaults to the profile's. */
  userId?: string;
}

export interface LockService {
  run(request: LockRequest, options?: RunOptions): Promise<LockResult>;
  release(profile: Profile, lockId: string, options?: LockCallOptions): Promise<LockResult>;
  renew(profile: Profile, lockId: string, options?: LockCallOptions): Promise<LockResult>;
  create(profile: Profile, moduleCode?: string, options?: LockCallOptions): Promise<LockResult>;
}

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

/** host[:port] of the profile's base URL for display, or '' when it cannot be read. */
export function hostOf(baseUrl: string): string {
  const check = checkBaseUrl(baseUrl);
  if (check.ok) return check.url.host;
  try {
    return new URL(baseUrl).host;
  } catch {
    return '';
  }
}

/** The LockResult for a request that was not sent because an input is wrong; `problem` says what to fix. */
export function invalidInputResult(input: {
  operation: LockOperation;
  host: string;
  lockId?: string | null;
  userId?: string | null;
  batchId?: string;
  problem: string;
}): LockResult {
  const result: LockResult = {
    ok: false,
    kind: 'invalid-input',
    operation: input.operation,
    host: input.host,
    httpStatus: null,
    code: null,
    msg: null,
    lockId: input.lockId ?? null,
    userId: input.userId ?? null,
    durationMs: 0,
    remedy: input.problem,
  };
  if (input.batchId !== undefined) result.batchId = input.batchId;
  return result;
}

export type InputCheck =
  { ok: true; lockId: string | null; moduleCode: string | null; userId: string } | { ok: false; problem: string };

/** Every check that can be made without the network, in the order a user would fix them. */
export function checkLockRequest(request: LockRequest): InputCheck {
  const { profile, operation } = request;
  const urlProblem = lockUrlProblem(profile.baseUrl);
  if (urlProblem) return { ok: false, problem: urlProblem };
  const user = resolveUserId(profile, request.userId);
  if (!user.ok) return { ok: false, problem: user.problem };
  const { userId } = user;
  if (profile.authMode === 'app' && !profile.appId) {
    return { ok: false, problem: 'App authentication needs the App ID (AppId) from the KooDrive console.' };
  }
  if (operation === 'create') {
    const moduleCode = (request.moduleCode ?? profile.moduleCode).trim();
    const problem = moduleCodeProblem(moduleCode);
    return problem ? { ok: false, problem } : { ok: true, lockId: null, moduleCode, userId };
  }
  const lock = checkLockId(request.lockId ?? '');
  return lock.ok ? { ok: true, lockId: lock.lockId, moduleCode: null, userId } : { ok: false, problem: lock.problem };
}

/** Replaces every occurrence of the secret, in case a server echoes a header back into its message. */
function scrub<T extends string | null | undefined>(value: T, secret: string): T {
  if (typeof value !== 'string' || secret.length < 4 || !value.includes(secret)) return value;
  return value.split(secret).join('<redacted>') as T;
}

export function createLockService(deps: LockServiceDeps): LockService {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const retryOptions: ThrottleRetryOptions = {
    ...deps.throttleRetry,
    maxAttempts: attemptsOption(deps.throttleRetry?.maxAttempts),
  };

  async function run(request: LockRequest, options?: RunOptions): Promise<LockResult> {
    const { profile, operation, batchId } = request;
    const checked = checkLockRequest(request);
    if (!checked.ok) {
      return invalidInputResult({
        operation,
        host: hostOf(profile.baseUrl),
        lockId: request.lockId?.trim() || null,
        userId: request.userId?.trim() || profile.userId || null,
        batchId,
        problem: checked.problem,
      });
    }
    const { userId } = checked;
    if (request.signal?.aborted) return cancelledBeforeSending(request, checked);

    let secret: string;
    try {
      secret = await deps.secretFor(profile);
    } catch (error) {
      if (!(error instanceof SecretDestinationError)) throw error;
      return {
        ...invalidInputResult({
          operation,
          host: hostOf(profile.baseUrl),
          lockId: checked.lockId,
          userId,
          batchId,
          problem: error.message,
        }),
        kind: 'destination-changed',
      };
    }
    const badSecret = secretProblem(secret, profile.authMode);
    if (badSecret) {
      return invalidInputResult({
        operation,
        host: hostOf(profile.baseUrl),
        lockId: checked.lockId,
        userId,
        batchId,
        problem: badSecret,
      });
    }

    const sendable: Sendable = { request, lockId: checked.lockId, moduleCode: checked.moduleCode, userId, secret };
    const pacer = options?.pacer;
    let last: LockResult | null = null;
    for (let attempt = 1; ; attempt += 1) {
      if (pacer && !(await pacer.beforeSend(request.signal))) return last ?? cancelledBeforeSending(request, checked);
      const sent = await sendOnce(sendable, attempt, last);
      const result = sent.result;
      result.attempts = attempt;
      last = result;
      const plan = sent.answer ? planRetry(sent.answer, attempt, deps.clock.now(), retryOptions) : null;
      pacer?.afterSend(sendOutcome(result, sent.answer), sent.sentAtMs);
      if (!plan || plan.delayMs === null || request.signal?.aborted) return result;
      const waitEnded = pacer?.retryWait(deps.clock.monotonicMs() + plan.delayMs);
      const waited = await sleepOn(deps.clock, plan.delayMs, request.signal);
      waitEnded?.();
      if (!waited) return result;
    }
  }

  interface Sendable {
    request: LockRequest;
    lockId: string | null;
    moduleCode: string | null;
    userId: string;
    secret: string;
  }

  interface Sent {
    result: LockResult;
    /** The HTTP answer, for the retry decision; null when none arrived. */
    answer: ThrottleAnswer | null;
    sentAtMs: number;
  }

  /** One attempt: signed with a fresh X-Date, audited as its own operation (pending, then result). */
  async function sendOnce(sendable: Sendable, attempt: number, previous: LockResult | null): Promise<Sent> {
    const { request, userId, secret } = sendable;
    const { profile, operation, batchId } = request;
    const prepared = prepareLockRequest({
      profile,
      operation,
      lockId: sendable.lockId ?? undefined,
      moduleCode: sendable.moduleCode ?? undefined,
      userId,
      secret,
      now: signingTime(deps.clock, request.clockOffsetMs),
    });
    const xDate = prepared.headers['X-Date'];
    const sentHost = prepared.url.host;
    const operationId = randomUUID();
    const { source, osUser } = deps;
    const profileId = profile.id;
    const { environment } = profile;
    const sentAt = deps.clock.now().toISOString();
    try {
      const pending: AuditEntry = {
        operationId,
        source,
        osUser,
        profile: profileId,
        host: sentHost,
        operation,
        lockId: sendable.lockId,
        userId,
        environment,
        time: sentAt,
        phase: 'pending',
      };
      if (batchId !== undefined) pending.batchId = batchId;
      await deps.audit.append(pending);
    } catch (error) {
      const again = attempt > 1 ? ` sent again (attempt ${attempt})` : ' sent';
      throw new AuditWriteError(
        `The audit log could not be written, so the ${operation} request was not${again}: ${scrub(messageOf(error), secret)}`,
        previous,
      );
    }

    const started = deps.clock.monotonicMs();
    let response: HttpResponse | null = null;
    let transportError: TransportError | null = null;
    try {
      response = await deps.transport({
        method: prepared.method,
        url: prepared.url,
        headers: prepared.headers,
        body: prepared.body,
        timeoutMs,
        maxBodyBytes,
        signal: request.signal,
        ...connectionFor(profile, deps.env ?? {}),
      });
    } catch (error) {
      transportError =
        error instanceof TransportError
          ? error
          : new TransportError('network', 'The request failed inside the HTTP client.', undefined);
    }
    const durationMs = Math.round((deps.clock.monotonicMs() - started) * 10) / 10;

    const parsed = response ? parseResponseBody(response.body) : null;
    const serverDate = response?.headers.date;
    const retryAfter = response?.headers['retry-after'];
    const { kind, remedy } = classify({
      operation: LOCK_OPERATIONS[operation],
      httpStatus: response?.status ?? null,
      body: parsed,
      transportError,
      xDate,
      serverDate,
      retryAfter,
      authMode: profile.authMode,
    });
    const lockId =
      operation === 'create' ? (kind === 'success' ? lockIdFromData(parsed?.data) : null) : sendable.lockId;
    const headerRequestId = response?.headers['x-request-id'];
    const requestId = headerRequestId && REQUEST_ID.test(headerRequestId) ? headerRequestId : parsed?.requestId;
    const result: LockResult = {
      ok: kind === 'success',
      kind,
      operation,
      host: sentHost,
      httpStatus: response?.status ?? transportError?.httpStatus ?? null,
      code: scrub(parsed?.code ?? null, secret),
      msg: scrub(parsed?.msg ?? transportError?.message ?? null, secret),
      lockId: scrub(lockId, secret),
      userId,
      durationMs,
      remedy,
      sentAt,
    };
    if (batchId !== undefined) result.batchId = batchId;
    if (requestId) result.requestId = scrub(requestId, secret);
    if (serverDate) result.serverDate = scrub(serverDate, secret);

    try {
      const entry: AuditEntry = {
        operationId,
        source,
        osUser,
        profile: profileId,
        host: sentHost,
        operation,
        lockId: result.lockId,
        userId,
        environment,
        time: deps.clock.now().toISOString(),
        phase: 'result',
        ok: result.ok,
        kind: result.kind,
        httpStatus: result.httpStatus,
        code: result.code,
        msg: result.msg,
        durationMs: result.durationMs,
      };
      if (batchId !== undefined) entry.batchId = batchId;
      if (result.requestId) entry.requestId = result.requestId;
      await deps.audit.append(entry);
    } catch (error) {
      result.attempts = attempt;
      throw new AuditWriteError(
        `The ${operation} request finished (${result.kind}) but its audit entry could not be written: ${scrub(messageOf(error), secret)}`,
        result,
      );
    }
    const answer: ThrottleAnswer | null = response
      ? { status: response.status, code: parsed?.code ?? null, retryAfter, serverDate }
      : null;
    return { result, answer, sentAtMs: started };
  }

  return {
    run,
    release: (profile, lockId, options) =>
      run({ operation: 'release', profile, lockId, signal: options?.signal, userId: options?.userId }),
    renew: (profile, lockId, options) =>
      run({ operation: 'renew', profile, lockId, signal: options?.signal, userId: options?.userId }),
    create: (profile, moduleCode, options) =>
      run({ operation: 'create', profile, moduleCode, signal: options?.signal, userId: options?.userId }),
  };
}

/** The result of a request that was cancelled before it was sent. */
function cancelledBeforeSending(request: LockRequest, checked: { lockId: string | null; userId: string }): LockResult {
  return {
    ...invalidInputResult({
      operation: request.operation,
      host: hostOf(request.profile.baseUrl),
      lockId: checked.lockId,
      userId: checked.userId,
      batchId: request.batchId,
      problem: '',
    }),
    kind: 'cancelled',
    remedy: remedies.cancelled(LOCK_OPERATIONS[request.operation]),
  };
}

/** What the batch's rate limiter learns from one attempt. */
function sendOutcome(result: LockResult, answer: ThrottleAnswer | null): SendOutcome {
  if (answer) return wasThrottled(answer) ? 'throttled' : 'answered';
  return result.kind === 'network' ? 'connection-failed' : 'no-answer';
}

/** The X-Date instant: the clock, moved by the offset the clock check suggested (when the user chose it). */
function signingTime(clock: Clock, clockOffsetMs: number | undefined): Date {
  const now = clock.now();
  return clockOffsetMs ? new Date(now.getTime() + clockOffsetMs) : now;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
