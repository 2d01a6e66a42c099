/** Everything about a lock request that is decided before the network: its checks and the results that say what to fix. */
import { checkBaseUrl, checkLockId, moduleCodeProblemMessage } from '../../shared/identifiers';
import { english } from '../../shared/messages/english';
import { message } from '../../shared/messages/message';
import type { Message } from '../../shared/messages/template';
import { resolveUserId } from '../../shared/profile';
import type { LockOperation, LockResult } from '../../shared/result';
import { lockUrlProblemMessage } from './koodrive/endpointUrl';
import { LOCK_OPERATIONS } from './koodrive/lockOperations';
import { remedyMessages } from './koodrive/remedyMessages';
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

/** The LockResult for a request that was not sent because an input is wrong; `problem` says what to fix (a message). */
export function invalidInputResult(input: {
  operation: LockOperation;
  host: string;
  lockId?: string | null;
  userId?: string | null;
  batchId?: string;
  problem: Message;
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
    remedy: english(input.problem),
    remedyMessage: input.problem,
  };
  if (input.batchId !== undefined) result.batchId = input.batchId;
  return result;
}

export type InputCheck =
  | { ok: true; lockId: string | null; moduleCode: string | null; userId: string }
  | { ok: false; problem: string; problemMessage: Message };

function refused(problemMessage: Message): { ok: false; problem: string; problemMessage: Message } {
  return { ok: false, problem: english(problemMessage), problemMessage };
}

/** Every check that can be made without the network, in the order a user would fix them. */
export function checkLockRequest(request: LockRequest): InputCheck {
  const { profile, operation } = request;
  const urlProblem = lockUrlProblemMessage(profile.baseUrl);
  if (urlProblem) return refused(urlProblem);
  const user = resolveUserId(profile, request.userId);
  if (!user.ok) return refused(user.problemMessage);
  const { userId } = user;
  if (profile.authMode === 'app' && !profile.appId) return refused(message('validation.appId.missing'));
  if (operation === 'create') {
    const moduleCode = (request.moduleCode ?? profile.moduleCode).trim();
    const problem = moduleCodeProblemMessage(moduleCode);
    return problem ? refused(problem) : { ok: true, lockId: null, moduleCode, userId };
  }
  const lock = checkLockId(request.lockId ?? '');
  return lock.ok ? { ok: true, lockId: lock.lockId, moduleCode: null, userId } : refused(lock.problemMessage);
}

/** The result of a request that was not sent: its input was wrong, or it was cancelled before sending. */
export function notSentResult(
  request: LockRequest,
  checked: { lockId: string | null; userId: string },
  kind: 'invalid-input' | 'destination-changed' | 'cancelled',
  problem: Message | null,
): LockResult {
  const remedy =
    kind === 'cancelled' || problem === null ? remedyMessages.cancelled(LOCK_OPERATIONS[request.operation]) : problem;
  const result = invalidInputResult({
    operation: request.operation,
    host: hostOf(request.profile.baseUrl),
    lockId: checked.lockId,
    userId: checked.userId,
    batchId: request.batchId,
    problem: remedy,
  });
  return { ...result, kind };
}
