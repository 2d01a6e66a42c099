/**
 * The read-only backup inspector's use case: list a user's backup records for a module (every page up to a
 * limit), view one record, and read one page of a record's files. Each request is the generic signed call
 * (fresh X-Date, the signed query canonicalised: docs/koodrive-protocol.md#test-vectors, vector C) with the
 * lock calls' result kinds and remedies; throttled answers are sent again (sendRead.ts). Reads change
 * nothing, so nothing is audited. Front ends (IPC handlers, CLI) inject the transport, clock and secret source.
 */
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { Profile } from '../../../shared/profile';
import {
  type BackupRecordView,
  RECORD_LIST_DEFAULT_LIMIT,
  RECORD_PAGE_SIZE,
  type RecordDetailsResult,
  type RecordFilesPage,
  type RecordListResult,
  type RecordReadOutcome,
} from '../../../shared/records';
import { type SecretSource, callSecret } from '../koodrive/callSecret';
import type { OperationDescriptor } from '../koodrive/operation';
import { LIST_RECORDS, LIST_RECORD_FILES, VIEW_RECORD } from '../koodrive/recordOperations';
import {
  type ReadInput,
  prepareRecordFilesRequest,
  prepareRecordListRequest,
  prepareRecordRequest,
} from '../koodrive/recordRequests';
import type { PreparedRequest } from '../koodrive/requestBuilder';
import { hostOf } from '../lockInput';
import { pageRefusal } from './pageRefusal';
import { answeredOutcome, notSentOutcome } from './readOutcome';
import {
  checkReader,
  cursorProblem,
  deviceIdProblem,
  limitProblem,
  moduleCodeFor,
  recordIdProblem,
} from './recordInput';
import { fileView, listPage, recordView } from './recordViews';
import { type ReadDeps, sendRead } from './sendRead';

export interface RecordReaderDeps extends ReadDeps {
  secretFor: SecretSource;
}

interface ReadRequest {
  profile: Profile;
  /** The end user (X-User-Id); default the profile's. A bearer profile reads only for its own user. */
  userId?: string;
  signal?: AbortSignal;
  /** Milliseconds added to the clock when signing (the clock check's suggestion). */
  clockOffsetMs?: number;
}

export interface RecordListRequest extends ReadRequest {
  /** Default the profile's module code. */
  moduleCode?: string;
  deviceId?: string;
  /** Records to read at most: 1 to RECORD_LIST_MAX_LIMIT; default RECORD_LIST_DEFAULT_LIMIT. */
  limit?: number;
  /** Records asked for per page; default RECORD_PAGE_SIZE, the API's maximum. */
  pageSize?: number;
}

export interface RecordViewRequest extends ReadRequest {
  recordId: string;
  /** When given, a record of another module is reported (invalid-input) with the module it belongs to. */
  moduleCode?: string;
}

export interface RecordFilesRequest extends ReadRequest {
  recordId: string;
  /** The previous page's nextCursor; none for the first page. */
  cursor?: string;
  /** Default RECORD_PAGE_SIZE. */
  pageSize?: number;
}

export interface RecordReader {
  listRecords(request: RecordListRequest): Promise<RecordListResult>;
  viewRecord(request: RecordViewRequest): Promise<RecordDetailsResult>;
  listRecordFiles(request: RecordFilesRequest): Promise<RecordFilesPage>;
}

type Begun = { ok: true; userId: string; secret: string; host: string } | { ok: false; outcome: RecordReadOutcome };

interface Page<T> {
  read: RecordReadOutcome;
  items: T[];
  nextCursor: string | null;
}

/** The outcome with another remedy, in English and as a message. */
function withRemedy<T extends RecordReadOutcome>(read: T, remedyMessage: Message): T {
  return { ...read, remedy: english(remedyMessage), remedyMessage };
}

export function createRecordReader(deps: RecordReaderDeps): RecordReader {
  /** Checks the input, then reads the secret: a read that cannot be sent is a result that says why. */
  async function begin(operation: OperationDescriptor, request: ReadRequest, problem: Message | null): Promise<Begun> {
    const { profile } = request;
    const host = hostOf(profile.baseUrl);
    const checked = checkReader(profile, request.userId);
    if (!checked.ok)
      return { ok: false, outcome: notSentOutcome(operation, { host, ...checked }, 'invalid-input', checked.problem) };
    const { userId } = checked;
    if (problem !== null)
      return { ok: false, outcome: notSentOutcome(operation, { host, userId }, 'invalid-input', problem) };
    if (request.signal?.aborted)
      return { ok: false, outcome: notSentOutcome(operation, { host, userId }, 'cancelled', null) };
    const secret = await callSecret(deps.secretFor, profile);
    if (!secret.ok)
      return { ok: false, outcome: notSentOutcome(operation, { host, userId }, secret.kind, secret.problemMessage) };
    return { ok: true, userId, secret: secret.secret, host };
  }

  /** One request (sent again while throttled) and its outcome; data is the answer's `data` on success. */
  async function read(
    operation: OperationDescriptor,
    request: ReadRequest,
    begun: Extract<Begun, { ok: true }>,
    prepare: (input: ReadInput) => PreparedRequest,
  ): Promise<{ read: RecordReadOutcome; data: unknown; body: Uint8Array | null }> {
    const { profile, signal } = request;
    const { userId, secret, host } = begun;
    const sent = await sendRead(deps, {
      operation,
      profile,
      signal,
      clockOffsetMs: request.clockOffsetMs,
      prepare: (now) => prepare({ profile, userId, secret, now }),
    });
    const outcome = answeredOutcome(sent.outcome, { host, userId, secret, durationMs: sent.durationMs });
    if (signal?.aborted && !outcome.ok) {
      return {
        read: { ...notSentOutcome(operation, { host, userId }, 'cancelled', null), durationMs: outcome.durationMs },
        data: null,
        body: null,
      };
    }
    return { read: outcome, data: sent.outcome.body?.data ?? null, body: sent.outcome.response?.body ?? null };
  }

  /** One page of a list call, its items as views, or the read's failure with a clearer remedy for paging refusals. */
  async function readPage<T>(
    operation: OperationDescriptor,
    request: ReadRequest,
    begun: Extract<Begun, { ok: true }>,
    page: { cursor?: string; pageSize: number; what: 'record' | 'file'; view: (item: unknown) => T | null },
    prepare: (input: ReadInput) => PreparedRequest,
  ): Promise<Page<T>> {
    const answer = await read(operation, request, begun, prepare);
    if (!answer.read.ok || answer.body === null) {
      const remedy = pageRefusal(answer.read, page);
      return { read: remedy ? withRemedy(answer.read, remedy) : answer.read, items: [], nextCursor: null };
    }
    const parsed = listPage(answer.data, answer.body, page.what, page.view);
    if (!parsed.ok) {
      return {
        read: { ...withRemedy(answer.read, parsed.problem), ok: false, kind: 'invalid-response' },
        items: [],
        nextCursor: null,
      };
    }
    return { read: answer.read, items: parsed.items, nextCursor: parsed.nextCursor };
  }

  async function listRecords(request: RecordListRequest): Promise<RecordListResult> {
    const limit = request.limit ?? RECORD_LIST_DEFAULT_LIMIT;
    const { moduleCode, problem: moduleProblem } = moduleCodeFor(request.moduleCode, request.profile);
    const problem = moduleProblem ?? deviceIdProblem(request.deviceId) ?? limitProblem(limit);
    const empty = { moduleCode, records: [], pagesRead: 0, nextCursor: null, limitReached: false };
    const begun = await begin(LIST_RECORDS, request, problem);
    if (!begun.ok) return { ...begun.outcome, ...empty };

    const records: BackupRecordView[] = [];
    let pagesRead = 0;
    let durationMs = 0;
    let cursor: string | undefined;
    for (;;) {
      const pageSize = Math.min(request.pageSize ?? RECORD_PAGE_SIZE, limit - records.length);
      const page = await readPage(
        LIST_RECORDS,
        request,
        begun,
        { cursor, pageSize, what: 'record', view: (item) => recordView(item, moduleCode) },
        (input) => prepareRecordListRequest({ ...input, moduleCode, pageSize, cursor, deviceId: request.deviceId }),
      );
      durationMs += page.read.durationMs;
      const progress = {
        moduleCode,
        records,
        pagesRead,
        limitReached: false,
        durationMs: Math.round(durationMs * 10) / 10,
      };
      if (!page.read.ok) {
        const resumeAt = page.read.kind === 'cancelled' ? (cursor ?? null) : null;
        return { ...page.read, ...progress, nextCursor: records.length > 0 ? resumeAt : null };
      }
      records.push(...page.items);
      pagesRead += 1;
      const next = page.nextCursor;
      const done = { ...page.read, ...progress, pagesRead };
      if (next === null) return { ...done, nextCursor: null };
      if (records.length >= limit) return { ...done, nextCursor: next, limitReached: true };
      if (request.signal?.aborted) {
        return {
          ...done,
          ...notSentOutcome(LIST_RECORDS, { host: begun.host, userId: begun.userId }, 'cancelled', null),
          durationMs: done.durationMs,
          nextCursor: next,
        };
      }
      cursor = next;
    }
  }

  async function viewRecord(request: RecordViewRequest): Promise<RecordDetailsResult> {
    const recordId = request.recordId.trim();
    const wanted = request.moduleCode === undefined ? null : moduleCodeFor(request.moduleCode, request.profile);
    const begun = await begin(VIEW_RECORD, request, recordIdProblem(recordId) ?? wanted?.problem ?? null);
    if (!begun.ok) return { ...begun.outcome, recordId, record: null };
    const answer = await read(VIEW_RECORD, request, begun, (input) => prepareRecordRequest({ ...input, recordId }));
    if (!answer.read.ok) return { ...answer.read, recordId, record: null };
    const record = recordView(answer.data, null);
    if (record === null) {
      const read = withRemedy(answer.read, message('records.noUsableRecord'));
      return { ...read, ok: false, kind: 'invalid-response', recordId, record: null };
    }
    if (wanted !== null && record.moduleCode !== wanted.moduleCode) {
      const read = withRemedy(
        answer.read,
        message('records.otherModule', {
          recordId,
          shown: record.moduleCode || message('records.noModuleGiven'),
          wanted: wanted.moduleCode,
          actual: record.moduleCode,
        }),
      );
      return { ...read, ok: false, kind: 'invalid-input', recordId, record };
    }
    return { ...answer.read, recordId, record };
  }

  async function listRecordFiles(request: RecordFilesRequest): Promise<RecordFilesPage> {
    const recordId = request.recordId.trim();
    const { cursor } = request;
    const pageSize = request.pageSize ?? RECORD_PAGE_SIZE;
    const begun = await begin(LIST_RECORD_FILES, request, recordIdProblem(recordId) ?? cursorProblem(cursor));
    if (!begun.ok) return { ...begun.outcome, recordId, files: [], nextCursor: null };
    const page = await readPage(
      LIST_RECORD_FILES,
      request,
      begun,
      { cursor: cursor || undefined, pageSize, what: 'file', view: fileView },
      (input) => prepareRecordFilesRequest({ ...input, recordId, pageSize, cursor: cursor || undefined }),
    );
    return { ...page.read, recordId, files: page.items, nextCursor: page.nextCursor };
  }

  return { listRecords, viewRecord, listRecordFiles };
}
