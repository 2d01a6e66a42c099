/** The three backup-lock operations (docs/koodrive-protocol.md#endpoints), after authentication has passed. */
import { moduleCodeProblem } from '../../shared/identifiers';
import { LOCK_ID_HEADER, LOCK_PATH } from './endpoints';
import type { JsonReply } from './errorBodies';
import { lockConflict, lockNotFound, parameterInvalid, success } from './errorBodies';
import type { LockTable } from './lockTable';
import type { ReceivedHeaders } from './receivedHeaders';

export const LOCK_ID_PATTERN = /^[\x21-\x7e]{1,256}$/;
const JSON_CONTENT_TYPE = /^application\/json\s*(;.*)?$/i;

export type LockRoute = 'create' | 'release' | 'renew';

const ROUTES: Readonly<Record<string, LockRoute>> = { POST: 'create', DELETE: 'release', PATCH: 'renew' };

/** Exact path only: a trailing slash, another method or any other path is not a route. */
export function matchLockRoute(method: string, path: string): LockRoute | null {
  if (path !== LOCK_PATH) return null;
  return Object.hasOwn(ROUTES, method) ? ROUTES[method] : null;
}

export interface RouteResult {
  reply: JsonReply;
  outcome: string;
  lockId: string | null;
}

export function handleLockRoute(
  route: LockRoute,
  headers: ReceivedHeaders,
  body: Buffer,
  userId: string,
  locks: LockTable,
): RouteResult {
  if (route === 'create') return createLock(headers, body, userId, locks);
  const header = headers.single(LOCK_ID_HEADER);
  const lockId = header.value ?? null;
  if (header.value === undefined) return invalid(`missing header ${LOCK_ID_HEADER}`, null);
  if (header.repeated) return invalid(`header ${LOCK_ID_HEADER} is sent more than once`, null);
  if (!LOCK_ID_PATTERN.test(header.value)) {
    return invalid(`header ${LOCK_ID_HEADER} must be 1-256 printable ASCII characters without spaces`, null);
  }
  const result = route === 'release' ? locks.release(userId, header.value) : locks.renew(userId, header.value);
  if (!result.ok) return { reply: lockNotFound(header.value), outcome: `rejected:${result.reason}-lock`, lockId };
  return { reply: success(), outcome: route === 'release' ? 'released' : 'renewed', lockId };
}

function createLock(headers: ReceivedHeaders, body: Buffer, userId: string, locks: LockTable): RouteResult {
  const contentType = headers.single('content-type');
  if (contentType.value === undefined || contentType.repeated || !JSON_CONTENT_TYPE.test(contentType.value)) {
    return invalid('Content-Type must be application/json', null);
  }
  const moduleCode = readModuleCode(body);
  if (typeof moduleCode !== 'string') return invalid(moduleCode.problem, null);
  const created = locks.create(userId, moduleCode);
  if (!created.ok) return { reply: lockConflict(moduleCode), outcome: 'rejected:conflict', lockId: null };
  return { reply: success({ lockId: created.lock.lockId }), outcome: 'created', lockId: created.lock.lockId };
}

function readModuleCode(body: Buffer): string | { problem: string } {
  const shape = 'the body must be JSON {"moduleCode":"<digits>"}';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { problem: shape };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: shape };
  const moduleCode: unknown = (parsed as Record<string, unknown>).moduleCode;
  if (moduleCode === undefined) return { problem: `moduleCode is required; ${shape}` };
  if (typeof moduleCode !== 'string') return { problem: 'moduleCode must be a JSON string, e.g. "102" (not 102)' };
  if (moduleCodeProblem(moduleCode)) return { problem: 'moduleCode must be 1-8 digits (100, 101 or 102)' };
  return moduleCode;
}

function invalid(what: string, lockId: string | null): RouteResult {
  return { reply: parameterInvalid(what), outcome: 'rejected:parameter-invalid', lockId };
}
