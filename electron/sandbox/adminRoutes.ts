/**
 * The practice surface under /_sandbox/ (docs/sandbox.md). It exists only on the sandbox, answers
 * only requests addressed to a loopback host name (no DNS rebinding), and POSTs must be JSON, which
 * a web page cannot send cross-origin without a CORS preflight the sandbox never grants.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost, moduleCodeProblem, userIdProblem } from '../../shared/identifiers';
import type { JsonReply } from './errorBodies';
import { parseFault } from './faults';
import { LOCK_ID_PATTERN } from './lockRoutes';
import type { LockEntry } from './lockTable';
import { readBody } from './readBody';
import { ReceivedHeaders } from './receivedHeaders';
import type { SandboxState } from './state';

const ADMIN_PREFIX = '/_sandbox/';
const RECENT_REQUESTS = 1000;
const JSON_CONTENT_TYPE = /^application\/json\s*(;.*)?$/i;
const POST_PATHS: ReadonlySet<string> = new Set(['/_sandbox/locks', '/_sandbox/fault', '/_sandbox/stuck-backup']);

export function isAdminPath(path: string): boolean {
  return path === '/_sandbox' || path.startsWith(ADMIN_PREFIX);
}

export async function handleAdmin(req: IncomingMessage, path: string, state: SandboxState): Promise<JsonReply> {
  const method = req.method ?? '';
  const headers = new ReceivedHeaders(req.rawHeaders);
  if (!hostIsLoopback(headers.single('host').value)) {
    req.resume();
    return adminError(403, 'The sandbox admin endpoints answer only requests to localhost, 127.0.0.1 or [::1].');
  }
  if (method === 'GET') {
    req.resume();
    if (path === '/_sandbox/locks') return { status: 200, body: { locks: listLocks(state) } };
    if (path === '/_sandbox/fault') return { status: 200, body: currentFault(state) };
    if (path === '/_sandbox/requests') return { status: 200, body: { requests: state.log.list(RECENT_REQUESTS) } };
  }
  if (method === 'DELETE' && path === '/_sandbox/fault') {
    req.resume();
    state.faults.set(null);
    return { status: 200, body: currentFault(state) };
  }
  if (method === 'POST' && POST_PATHS.has(path)) {
    const contentType = headers.single('content-type').value;
    if (!contentType || !JSON_CONTENT_TYPE.test(contentType)) {
      req.resume();
      return adminError(415, 'Send the body as JSON with Content-Type: application/json.');
    }
    const read = await readBody(req);
    if (!read.ok) return adminError(read.reason === 'too-large' ? 413 : 400, 'The body could not be read.');
    const text = read.body.toString('utf8').trim();
    let body: unknown = {};
    try {
      if (text.length > 0) body = JSON.parse(text);
    } catch {
      return adminError(400, 'The body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return adminError(400, 'The body must be a JSON object.');
    }
    const record = body as Record<string, unknown>;
    if (path === '/_sandbox/stuck-backup') return createStuckBackup(record, state);
    return path === '/_sandbox/locks' ? createLock(record, state) : setFault(record, state);
  }
  req.resume();
  return adminError(404, `No sandbox admin endpoint ${method} ${path.slice(0, 200)}; see docs/sandbox.md.`);
}

function listLocks(state: SandboxState) {
  return state.locks.active().map(lockView);
}

function lockView(lock: LockEntry) {
  return {
    userId: lock.userId,
    lockId: lock.lockId,
    moduleCode: lock.moduleCode,
    createdAt: new Date(lock.createdAtMs).toISOString(),
    expiresAt: new Date(lock.expiresAtMs).toISOString(),
  };
}

function createLock(body: Record<string, unknown>, state: SandboxState): JsonReply {
  const { moduleCode, userId, lockId } = body;
  if (moduleCode !== undefined && (typeof moduleCode !== 'string' || moduleCodeProblem(moduleCode))) {
    return adminError(400, 'moduleCode must be a string of 1-8 digits, e.g. "102".');
  }
  if (userId !== undefined && (typeof userId !== 'string' || userIdProblem(userId))) {
    return adminError(400, 'userId must be a string of digits (up to 32), e.g. "1505084218764547200".');
  }
  if (lockId !== undefined && (typeof lockId !== 'string' || !LOCK_ID_PATTERN.test(lockId))) {
    return adminError(400, 'lockId must be a string of 1-256 printable ASCII characters without spaces.');
  }
  if (lockId !== undefined && state.locks.activeLock(lockId)) {
    return adminError(409, `Lock ${lockId} already exists; choose another lockId or omit it for a random one.`);
  }
  let added: string;
  try {
    added = state.addLock({ moduleCode, userId, lockId });
  } catch (error) {
    return adminError(409, error instanceof Error ? error.message : 'The lock could not be added.');
  }
  const lock = state.locks.activeLock(added);
  return { status: 200, body: lock ? lockView(lock) : { lockId: added } };
}

function createStuckBackup(body: Record<string, unknown>, state: SandboxState): JsonReply {
  const { moduleCode, userId } = body;
  if (moduleCode !== undefined && (typeof moduleCode !== 'string' || moduleCodeProblem(moduleCode))) {
    return adminError(400, 'moduleCode must be a string of 1-8 digits, e.g. "102".');
  }
  if (userId !== undefined && (typeof userId !== 'string' || userIdProblem(userId))) {
    return adminError(400, 'userId must be a string of digits (up to 32), e.g. "1505084218764547200".');
  }
  try {
    return { status: 200, body: { ...state.addStuckBackup({ moduleCode, userId }) } };
  } catch (error) {
    return adminError(409, error instanceof Error ? error.message : 'The stuck backup could not be added.');
  }
}

function setFault(body: Record<string, unknown>, state: SandboxState): JsonReply {
  if (body.kind === 'none') {
    state.faults.set(null);
    return { status: 200, body: currentFault(state) };
  }
  const parsed = parseFault(body);
  if (!parsed.ok) return adminError(400, `${parsed.problem} (or "none" to clear).`);
  const times = body.times;
  if (times !== undefined && (typeof times !== 'number' || !Number.isInteger(times) || times < 1)) {
    return adminError(400, 'times must be a whole number of at least 1 (omit it for "until cleared").');
  }
  state.faults.set(parsed.fault, times);
  return { status: 200, body: currentFault(state) };
}

function currentFault(state: SandboxState) {
  const current = state.faults.current();
  if (!current) return { fault: null, remaining: null };
  return { fault: current.fault, remaining: Number.isFinite(current.remaining) ? current.remaining : null };
}

function hostIsLoopback(host: string | undefined): boolean {
  if (!host) return false;
  try {
    return isLoopbackHost(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

function adminError(status: number, message: string): JsonReply {
  return { status, body: { error: message } };
}
