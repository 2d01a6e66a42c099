/** Everything about a lock request that is decided before the network: its checks and the results that say what to fix. */
import { checkBaseUrl, checkLockId, moduleCodeProblem } from '../../shared/identifiers';
import { resolveUserId } from '../../shared/profile';
import type { LockOperation, LockResult } from '../../shared/result';
import { lockUrlProblem } from './koodrive/endpointUrl';
import { LOCK_OPERATIONS } from './koodrive/lockOperations';
import { MISSING_APP_ID } from './koodrive/authorization';
import { remedies } from './koodrive/remedies';
import type { LockRequest } from './lockRequest';

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
  if (profile.authMode === 'app' && !profile.appId) return { ok: false, problem: MISSING_APP_ID };
  if (operation === 'create') {
    const moduleCode = (request.moduleCode ?? profile.moduleCode).trim();
    const problem = moduleCodeProblem(moduleCode);
    return problem ? { ok: false, problem } : { ok: true, lockId: null, moduleCode, userId };
  }
  const lock = checkLockId(request.lockId ?? '');
  return lock.ok ? { ok: true, lockId: lock.lockId, moduleCode: null, userId } : { ok: false, problem: lock.problem };
}

/** The result of a request that was not sent: its input was wrong, or it was cancelled before sending. */
export function notSentResult(
  request: LockRequest,
  checked: { lockId: string | null; userId: string },
  kind: 'invalid-input' | 'destination-changed' | 'cancelled',
  problem: string,
): LockResult {
  const result = invalidInputResult({
    operation: request.operation,
    host: hostOf(request.profile.baseUrl),
    lockId: checked.lockId,
    userId: checked.userId,
    batchId: request.batchId,
    problem,
  });
  if (kind === 'cancelled') return { ...result, kind, remedy: remedies.cancelled(LOCK_OPERATIONS[request.operation]) };
  return { ...result, kind };
}
