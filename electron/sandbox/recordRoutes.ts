/**
 * The read-only backup-record listing (docs/koodrive-protocol.md#endpoints), after authentication has passed. The sandbox
 * keeps no backup records, so a valid request always gets an empty page; it exists so that clients
 * (the connection check) can prove their credentials without touching a lock.
 */
import { moduleCodeProblem } from '../../shared/identifiers';
import { RECORD_PATH } from './endpoints';
import type { JsonReply } from './errorBodies';
import { parameterInvalid } from './errorBodies';
import type { RouteResult } from './lockRoutes';
import { queryPairs, splitUrl } from './receivedHeaders';

export const MAX_PAGE_SIZE = 100;
export const MAX_CURSOR_LENGTH = 1000;
const PAGE_SIZE = /^\d{1,3}$/;

/** Exact path and GET only, like the lock routes. */
export function matchRecordRoute(method: string, path: string): boolean {
  return method === 'GET' && path === RECORD_PATH;
}

function emptyPage(): JsonReply {
  return { status: 200, body: { code: 0, msg: 'success', data: [], nextCursor: '' } };
}

function invalid(what: string): RouteResult {
  return { reply: parameterInvalid(what), outcome: 'rejected:parameter-invalid', lockId: null };
}

/** Checks moduleCode (required), pageSize (required, 1-100), cursor (optional, at most 1000 characters). */
export function handleRecordRoute(rawUrl: string): RouteResult {
  const pairs = queryPairs(splitUrl(rawUrl).query);
  if (!pairs) return invalid('the query string has broken percent-encoding');
  const query = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (query.has(name)) return invalid(`query parameter ${name} is sent more than once`);
    query.set(name, value);
  }
  const moduleCode = query.get('moduleCode');
  if (moduleCode === undefined) return invalid('query parameter moduleCode is required');
  if (moduleCodeProblem(moduleCode)) return invalid('moduleCode must be 1-8 digits (100, 101 or 102)');
  const pageSize = query.get('pageSize');
  if (pageSize === undefined) return invalid('query parameter pageSize is required');
  if (!PAGE_SIZE.test(pageSize) || Number(pageSize) < 1 || Number(pageSize) > MAX_PAGE_SIZE) {
    return invalid(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const cursor = query.get('cursor');
  if (cursor !== undefined && cursor.length > MAX_CURSOR_LENGTH) {
    return invalid(`cursor must be at most ${MAX_CURSOR_LENGTH} characters`);
  }
  return { reply: emptyPage(), outcome: 'listed-records', lockId: null };
}
