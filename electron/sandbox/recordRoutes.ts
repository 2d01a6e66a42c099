/**
 * The read-only backup-record and backup-file calls (docs/koodrive-protocol.md#endpoints), after
 * authentication has passed: list a user's records for a module, view one record, list a record's
 * files. The other record and file operations (create, complete, delete) are not served.
 */
import { moduleCodeProblem } from '../../shared/identifiers';
import type { BackupRecordEntry, RecordStore } from './backupRecords';
import { newerFirst } from './backupRecords';
import { FILES_SUFFIX, RECORD_ITEM_PREFIX, RECORD_PATH } from './endpoints';
import type { JsonReply } from './errorBodies';
import { badCursor, expiredCursor, parameterInvalid, recordNotFound } from './errorBodies';
import type { RouteResult } from './lockRoutes';
import type { PageCursors } from './pageCursor';
import { queryPairs, splitUrl } from './receivedHeaders';
import { fileIndex, recordFile } from './recordFiles';
import { fileItem, itemReply, pageReply, recordItem } from './recordViews';

const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 1000;
const MAX_DEVICE_ID_LENGTH = 128;
const PAGE_SIZE = /^\d{1,3}$/;
const RECORD_ID = /^\d{1,20}$/;

export type RecordRoute =
  { kind: 'list-records' } | { kind: 'view-record'; recordId: string } | { kind: 'list-files'; recordId: string };

/** GET only, on the exact paths; an empty or nested record segment is not a route. */
export function matchRecordRoute(method: string, path: string): RecordRoute | null {
  if (method !== 'GET') return null;
  if (path === RECORD_PATH) return { kind: 'list-records' };
  if (!path.startsWith(RECORD_ITEM_PREFIX)) return null;
  const rest = path.slice(RECORD_ITEM_PREFIX.length);
  const files = rest.endsWith(FILES_SUFFIX);
  const recordId = files ? rest.slice(0, -FILES_SUFFIX.length) : rest;
  if (recordId.length === 0 || recordId.includes('/')) return null;
  return files ? { kind: 'list-files', recordId } : { kind: 'view-record', recordId };
}

/** What the record routes read and write. */
export interface RecordContext {
  records: RecordStore;
  cursors: PageCursors;
  /** The verified X-User-Id. */
  userId: string;
  nowMs: number;
}

export function handleRecordRoute(route: RecordRoute, rawUrl: string, context: RecordContext): RouteResult {
  const query = readQuery(rawUrl);
  if (typeof query === 'string') return invalid(query);
  if (route.kind === 'list-records') return listRecords(query, context);
  const record = ownRecord(route.recordId, context);
  if (!('recordId' in record)) return record;
  if (route.kind === 'view-record') return done(itemReply(recordItem(record)), 'viewed-record');
  return listFiles(record, query, context);
}

function listRecords(query: ReadonlyMap<string, string>, context: RecordContext): RouteResult {
  const moduleCode = query.get('moduleCode');
  if (moduleCode === undefined) return invalid('query parameter moduleCode is required');
  if (moduleCodeProblem(moduleCode)) return invalid('moduleCode must be 1-8 digits (100, 101 or 102)');
  const page = readPage(query);
  if (typeof page === 'string') return invalid(page);
  const deviceId = query.get('deviceId');
  if (deviceId !== undefined && (deviceId.length === 0 || deviceId.length > MAX_DEVICE_ID_LENGTH)) {
    return invalid(`deviceId must be 1-${MAX_DEVICE_ID_LENGTH} characters (omit it for every device)`);
  }
  const listing = `records ${context.userId} ${moduleCode} ${deviceId ?? ''}`;
  const list = context.records.list(context.userId, moduleCode);
  let start = 0;
  if (page.cursor !== undefined) {
    const read = context.cursors.read(page.cursor, listing, context.nowMs);
    if (!read.ok) return refusedCursor(read.reason, context);
    const last = context.records.get(read.after);
    if (!last) return refusedCursor('bad', context);
    start = firstAfter(list, last);
  }
  const matches = (record: BackupRecordEntry) => deviceId === undefined || record.device.deviceId === deviceId;
  const found: BackupRecordEntry[] = [];
  let index = start;
  for (; index < list.length && found.length < page.size; index += 1) if (matches(list[index])) found.push(list[index]);
  const more = found.length === page.size && list.slice(index).some(matches);
  const nextCursor = more ? context.cursors.issue(listing, found[found.length - 1].recordId, context.nowMs) : '';
  return done(pageReply(found.map(recordItem), nextCursor), 'listed-records');
}

function listFiles(record: BackupRecordEntry, query: ReadonlyMap<string, string>, context: RecordContext): RouteResult {
  const page = readPage(query);
  if (typeof page === 'string') return invalid(page);
  const listing = `files ${context.userId} ${record.recordId}`;
  let start = 0;
  if (page.cursor !== undefined) {
    const read = context.cursors.read(page.cursor, listing, context.nowMs);
    if (!read.ok) return refusedCursor(read.reason, context);
    const last = fileIndex(record, read.after);
    if (last === null) return refusedCursor('bad', context);
    start = last + 1;
  }
  const end = Math.min(record.fileCount, start + page.size);
  const items = [];
  for (let index = start; index < end; index += 1) items.push(fileItem(recordFile(record, index)));
  const nextCursor =
    end < record.fileCount ? context.cursors.issue(listing, recordFile(record, end - 1).fileId, context.nowMs) : '';
  return done(pageReply(items, nextCursor), 'listed-files');
}

/** The record, if it exists and belongs to the request's user; another user's is "not found" too. */
function ownRecord(recordId: string, context: RecordContext): BackupRecordEntry | RouteResult {
  if (!RECORD_ID.test(recordId)) return invalid('recordId in the path must be digits, e.g. 1842862763295184641');
  const record = context.records.get(recordId);
  if (!record || record.userId !== context.userId) {
    return { reply: recordNotFound(recordId), outcome: 'rejected:unknown-record', lockId: null };
  }
  return record;
}

/** The index of the first record after `last` in `list` (newest first), by binary search. */
function firstAfter(list: readonly BackupRecordEntry[], last: BackupRecordEntry): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (newerFirst(list[middle], last) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Page {
  size: number;
  cursor: string | undefined;
}

/** pageSize (required, 1-100) and cursor (optional, at most 1000 characters); a string is the problem. */
function readPage(query: ReadonlyMap<string, string>): Page | string {
  const pageSize = query.get('pageSize');
  if (pageSize === undefined) return 'query parameter pageSize is required';
  const size = Number(pageSize);
  if (!PAGE_SIZE.test(pageSize) || size < 1 || size > MAX_PAGE_SIZE) {
    return `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
  }
  const cursor = query.get('cursor');
  if (cursor !== undefined && cursor.length > MAX_CURSOR_LENGTH) {
    return `cursor must be at most ${MAX_CURSOR_LENGTH} characters`;
  }
  // An empty cursor asks for the first page, like none.
  return { size, cursor: cursor === '' ? undefined : cursor };
}

/** The decoded query, each parameter once; a string is the problem. */
function readQuery(rawUrl: string): Map<string, string> | string {
  const pairs = queryPairs(splitUrl(rawUrl).query);
  if (!pairs) return 'the query string has broken percent-encoding';
  const query = new Map<string, string>();
  for (const [name, value] of pairs) {
    if (query.has(name)) return `query parameter ${name} is sent more than once`;
    query.set(name, value);
  }
  return query;
}

function refusedCursor(reason: 'bad' | 'expired', context: RecordContext): RouteResult {
  if (reason === 'expired') {
    return { reply: expiredCursor(context.cursors.ttlMs), outcome: 'rejected:expired-cursor', lockId: null };
  }
  return { reply: badCursor(), outcome: 'rejected:bad-cursor', lockId: null };
}

function done(reply: JsonReply, outcome: string): RouteResult {
  return { reply, outcome, lockId: null };
}

function invalid(what: string): RouteResult {
  return { reply: parameterInvalid(what), outcome: 'rejected:parameter-invalid', lockId: null };
}
