/**
 * The lock use case, the one place a lock operation happens: check the input, read the secret, then
 * send attempts (lockAttempt.ts: the generic signed call with its audit entries). Only an answer that
 * proves the request was not processed (429, APIGW.0308, 503 with Retry-After) is sent again, after the
 * server's delay, freshly signed and audited as its own attempt (throttleRetry.ts); nothing else is re-sent.
 * Front ends (GUI over IPC, CLI, bench) inject the transport, clock, secret source and audit sink.
 */
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import type { AuditSink } from './audit/auditEntry';
import { type Clock, sleepOn } from './clock';
import { callSecret } from './koodrive/callSecret';
import type { Routing } from './koodrive/connectionFor';
import type { Transport } from './koodrive/transport';
import { type Attempt, type Sendable, lockAttempt } from './lockAttempt';
import { checkLockRequest, hostOf, invalidInputResult, notSentResult } from './lockInput';
import type { LockRequest, SecretSource } from './lockRequest';
import type { RequestPacer, SendOutcome } from './requestPacer';
import { type ThrottleRetryOptions, attemptsOption, planRetry, wasNotProcessed as wasThrottled } from './throttleRetry';

export { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from './koodrive/signedCall';
export { AuditWriteError } from './lockAudit';
export { type InputCheck, checkLockRequest, hostOf, invalidInputResult } from './lockInput';

/** Routing (koodrive/connectionFor.ts): HTTPS_PROXY/NO_PROXY, the system proxy or PAC, the stored proxy password. */
export interface LockServiceDeps extends Routing {
  transport: Transport;
  clock: Clock;
  secretFor: SecretSource;
  audit: AuditSink;
  source: 'gui' | 'cli';
  osUser: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
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

/** What the batch's rate limiter learns from one attempt. */
function sendOutcome({ result, answer }: Attempt): SendOutcome {
  if (answer) return wasThrottled(answer) ? 'throttled' : 'answered';
  return result.kind === 'network' ? 'connection-failed' : 'no-answer';
}

export function createLockService(deps: LockServiceDeps): LockService {
  const retryOptions: ThrottleRetryOptions = {
    ...deps.throttleRetry,
    maxAttempts: attemptsOption(deps.throttleRetry?.maxAttempts),
  };

  /** Attempts until one is not throttled, the attempts or the wait cap run out, or the caller cancels. */
  async function sendWithRetries(sendable: Sendable, pacer: RequestPacer | undefined): Promise<LockResult> {
    const { request } = sendable;
    let last: LockResult | null = null;
    for (let attempt = 1; ; attempt += 1) {
      if (pacer && !(await pacer.beforeSend(request.signal))) {
        return last ?? notSentResult(request, sendable, 'cancelled', null);
      }
      const sent = await lockAttempt(deps, sendable, attempt, last);
      const { result } = sent;
      result.attempts = attempt;
      last = result;
      const plan = sent.answer ? planRetry(sent.answer, attempt, deps.clock.now(), retryOptions) : null;
      pacer?.afterSend(sendOutcome(sent), sent.sentAtMs);
      if (!plan || plan.delayMs === null || request.signal?.aborted) return result;
      const waitEnded = pacer?.retryWait(deps.clock.monotonicMs() + plan.delayMs);
      const waited = await sleepOn(deps.clock, plan.delayMs, request.signal);
      waitEnded?.();
      if (!waited) return result;
    }
  }

  async function run(request: LockRequest, options?: RunOptions): Promise<LockResult> {
    const { profile } = request;
    const checked = checkLockRequest(request);
    if (!checked.ok) {
      return invalidInputResult({
        operation: request.operation,
        host: hostOf(profile.baseUrl),
        lockId: request.lockId?.trim() || null,
        userId: request.userId?.trim() || profile.userId || null,
        batchId: request.batchId,
        problem: checked.problemMessage,
      });
    }
    if (request.signal?.aborted) return notSentResult(request, checked, 'cancelled', null);
    const secret = await callSecret(deps.secretFor, profile);
    if (!secret.ok) return notSentResult(request, checked, secret.kind, secret.problemMessage);
    const { lockId, moduleCode, userId } = checked;
    return sendWithRetries({ request, lockId, moduleCode, userId, secret: secret.secret }, options?.pacer);
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
