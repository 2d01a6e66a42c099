import { describe, expect, it } from 'vitest';
import type { RecordRoute } from '../../../electron/sandbox/recordRoutes';
import { handleRecordRoute, matchRecordRoute } from '../../../electron/sandbox/recordRoutes';
import { OTHER_USER, parseExact, recordContext, SEED_AT_MS, USER } from './recordTestKit';

const LIST = '/koodrive/ose/v1/backup/record';
const LIST_ROUTE: RecordRoute = { kind: 'list-records' };

interface Page {
  data: Array<Record<string, unknown>>;
  nextCursor: string;
}

type Context = ReturnType<typeof recordContext>;

function call(context: Context, route: RecordRoute, rawUrl: string) {
  const result = handleRecordRoute(route, rawUrl, context);
  const text = result.reply.text ?? JSON.stringify(result.reply.body);
  return { ...result, status: result.reply.status, body: result.reply.body as Record<string, unknown>, text };
}

function listUrl(query: string): string {
  return `${LIST}?${query}`;
}

/** Every page of a listing, following nextCursor; the pages' bodies. */
function walk(context: Context, route: RecordRoute, path: string, query: string): Page[] {
  const pages: Page[] = [];
  let cursor = '';
  do {
    const url = `${path}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = call(context, route, url);
    expect(answer.status, answer.text).toBe(200);
    const page = answer.body as unknown as Page;
    pages.push(page);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(1000);
  } while (cursor !== '');
  return pages;
}

describe('matchRecordRoute', () => {
  it.each([
    ['GET', LIST, { kind: 'list-records' }],
    ['GET', `${LIST}/1842862763295184641`, { kind: 'view-record', recordId: '1842862763295184641' }],
    ['GET', `${LIST}/1842862763295184641/files`, { kind: 'list-files', recordId: '1842862763295184641' }],
    ['GET', `${LIST}/x`, { kind: 'view-record', recordId: 'x' }],
    ['GET', `${LIST}/`, null],
    ['GET', `${LIST}//files`, null],
    ['GET', `${LIST}/1/files/`, null],
    ['GET', `${LIST}/1/file`, null],
    ['GET', `${LIST}/1/2`, null],
    ['POST', LIST, null],
    ['PATCH', `${LIST}/1`, null],
    ['DELETE', `${LIST}/1`, null],
    ['GET', '/koodrive/ose/v1/backup/records', null],
  ])('%s %s', (method, path, expected) => {
    expect(matchRecordRoute(method, path)).toEqual(expected);
  });
});

describe('listing backup records', () => {
  it('walks every record of the user and module once, newest first, in pages of pageSize', () => {
    const context = recordContext();
    const all = context.records.list(USER, '101').map((record) => record.recordId);
    const pages = walk(context, LIST_ROUTE, LIST, 'moduleCode=101&pageSize=7');
    expect(pages.length).toBe(Math.ceil(all.length / 7));
    expect(pages.slice(0, -1).every((page) => page.data.length === 7)).toBe(true);
    const ids = pages.flatMap((page) => page.data.map((record) => record.recordId));
    expect(ids).toEqual(all);
    const times = pages.flatMap((page) => page.data.map((record) => Date.parse(String(record.createTime))));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('serves one page and nextCursor "" when everything fits, also at exactly pageSize', () => {
    const context = recordContext();
    const count = context.records.list(USER, '102').length;
    const page = call(context, LIST_ROUTE, listUrl(`moduleCode=102&pageSize=${count}`));
    expect(page.body).toMatchObject({ code: 0, msg: 'success', nextCursor: '' });
    expect((page.body.data as unknown[]).length).toBe(count);
    expect(page.outcome).toBe('listed-records');
  });

  it('filters by deviceId, across pages', () => {
    const context = recordContext();
    const tablet = context.records.list(USER, '100').find((record) => record.device.deviceName.includes('MatePad'));
    const deviceId = tablet?.device.deviceId ?? '';
    const pages = walk(context, LIST_ROUTE, LIST, `moduleCode=100&pageSize=3&deviceId=${deviceId}`);
    const records = pages.flatMap((page) => page.data);
    expect(records.length).toBe(
      context.records.list(USER, '100').filter((record) => record.device.deviceId === deviceId).length,
    );
    expect(records.length).toBeGreaterThan(3);
    expect(records.every((record) => (record.deviceInfo as { deviceId: string }).deviceId === deviceId)).toBe(true);
    expect(call(context, LIST_ROUTE, listUrl('moduleCode=100&pageSize=3&deviceId=unknown')).body).toMatchObject({
      data: [],
      nextCursor: '',
    });
  });

  it('answers an empty page for a module or user without records', () => {
    const context = recordContext({ userId: '42' });
    expect(call(context, LIST_ROUTE, listUrl('moduleCode=102&pageSize=10')).text).toBe(
      '{"code":0,"msg":"success","data":[],"nextCursor":""}',
    );
    expect(call(recordContext(), LIST_ROUTE, listUrl('moduleCode=103&pageSize=10')).body).toMatchObject({ data: [] });
  });

  it('takes an empty cursor as the first page', () => {
    const context = recordContext();
    const first = call(context, LIST_ROUTE, listUrl('moduleCode=102&pageSize=2'));
    expect(call(context, LIST_ROUTE, listUrl('moduleCode=102&pageSize=2&cursor=')).body.data).toEqual(first.body.data);
  });

  it.each([
    ['moduleCode=102', 'pageSize is required'],
    ['moduleCode=102&pageSize=0', 'pageSize must be a whole number from 1 to 100'],
    ['moduleCode=102&pageSize=101', 'pageSize must be a whole number from 1 to 100'],
    ['moduleCode=102&pageSize=-1', 'pageSize must be a whole number from 1 to 100'],
    ['moduleCode=102&pageSize=1e1', 'pageSize must be a whole number from 1 to 100'],
    ['moduleCode=102&pageSize=', 'pageSize must be a whole number from 1 to 100'],
    ['pageSize=10', 'moduleCode is required'],
    ['moduleCode=abc&pageSize=10', 'moduleCode must be 1-8 digits'],
    ['moduleCode=102&pageSize=10&pageSize=20', 'pageSize is sent more than once'],
    ['moduleCode=102&pageSize=10&deviceId=', 'deviceId must be 1-128 characters'],
    [`moduleCode=102&pageSize=10&deviceId=${'d'.repeat(129)}`, 'deviceId must be 1-128 characters'],
    [`moduleCode=102&pageSize=10&cursor=${'c'.repeat(1001)}`, 'cursor must be at most 1000 characters'],
    ['moduleCode=102&pageSize=10&x=%ZZ', 'broken percent-encoding'],
  ])('refuses %s with 400 PARAMETER_INVALID', (query, problem) => {
    const answer = call(recordContext(), LIST_ROUTE, listUrl(query));
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(13000102);
    expect(String(answer.body.msg)).toContain(problem);
    expect(answer.outcome).toBe('rejected:parameter-invalid');
  });

  it('accepts pageSize 1 and 100', () => {
    const context = recordContext();
    expect((call(context, LIST_ROUTE, listUrl('moduleCode=101&pageSize=1')).body.data as unknown[]).length).toBe(1);
    expect((call(context, LIST_ROUTE, listUrl('moduleCode=101&pageSize=100')).body.data as unknown[]).length).toBe(
      context.records.list(USER, '101').length,
    );
  });
});

describe('paging cursors', () => {
  function firstCursor(context: Context, query = 'moduleCode=102&pageSize=5'): string {
    const cursor = String(call(context, LIST_ROUTE, listUrl(query)).body.nextCursor);
    expect(cursor).not.toBe('');
    return cursor;
  }

  function refusal(context: Context, query: string, cursor: string) {
    const answer = call(context, LIST_ROUTE, listUrl(`${query}&cursor=${encodeURIComponent(cursor)}`));
    return { status: answer.status, code: answer.body.code, msg: String(answer.body.msg), outcome: answer.outcome };
  }

  it('refuses a changed, made-up or truncated cursor', () => {
    const context = recordContext();
    const cursor = firstCursor(context);
    const flipped = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    for (const bad of [flipped, 'abc', cursor.slice(0, -2), `${cursor}x`, cursor.replace('.', ''), 'a b/c']) {
      expect(refusal(context, 'moduleCode=102&pageSize=5', bad)).toMatchObject({
        status: 400,
        code: 13000102,
        outcome: 'rejected:bad-cursor',
      });
    }
  });

  it('refuses a cursor used for another module, device or user, or issued by another run', () => {
    const context = recordContext();
    const cursor = firstCursor(context);
    expect(refusal(context, 'moduleCode=101&pageSize=5', cursor).outcome).toBe('rejected:bad-cursor');
    expect(refusal(context, 'moduleCode=102&pageSize=5&deviceId=d', cursor).outcome).toBe('rejected:bad-cursor');
    const other = { ...context, userId: OTHER_USER };
    expect(refusal(other, 'moduleCode=102&pageSize=5', cursor).outcome).toBe('rejected:bad-cursor');
    expect(refusal(recordContext(), 'moduleCode=102&pageSize=5', cursor).outcome).toBe('rejected:bad-cursor');
    // Another page size is fine: the cursor is a position.
    expect(refusal(context, 'moduleCode=102&pageSize=9', cursor).status).toBe(200);
  });

  it('refuses a cursor once its lifetime has passed, with a message saying so', () => {
    const context = recordContext({ cursorTtlMs: 60_000 });
    const cursor = firstCursor(context);
    expect(refusal({ ...context, nowMs: SEED_AT_MS + 59_999 }, 'moduleCode=102&pageSize=5', cursor).status).toBe(200);
    const expired = refusal({ ...context, nowMs: SEED_AT_MS + 60_000 }, 'moduleCode=102&pageSize=5', cursor);
    expect(expired).toMatchObject({ status: 400, code: 13000102, outcome: 'rejected:expired-cursor' });
    expect(expired.msg).toMatch(/cursor has expired .*valid for 1 minutes.*without cursor/);
  });

  it('keeps its place when a newer record arrives between pages', () => {
    const context = recordContext();
    const first = call(context, LIST_ROUTE, listUrl('moduleCode=102&pageSize=5'));
    const firstIds = (first.body.data as Array<{ recordId: string }>).map((record) => record.recordId);
    const [newest] = context.records.list(USER, '102');
    context.records.add({ ...newest, recordId: context.ids.take().toString(), createdAtMs: SEED_AT_MS });
    const second = call(
      context,
      LIST_ROUTE,
      listUrl(`moduleCode=102&pageSize=5&cursor=${String(first.body.nextCursor)}`),
    );
    const secondIds = (second.body.data as Array<{ recordId: string }>).map((record) => record.recordId);
    const all = context.records.list(USER, '102').map((record) => record.recordId);
    expect(secondIds).toEqual(all.slice(6, 11));
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);
  });
});

describe('one record and its files', () => {
  it('views a record of the user, with the same fields as in the list', () => {
    const context = recordContext();
    const listed = (call(context, LIST_ROUTE, listUrl('moduleCode=100&pageSize=3')).body.data as unknown[])[1];
    const { recordId } = listed as { recordId: string };
    const viewed = call(context, { kind: 'view-record', recordId }, `${LIST}/${recordId}`);
    expect(viewed.body).toEqual({ code: 0, msg: 'success', data: listed });
    expect(viewed.outcome).toBe('viewed-record');
  });

  it('answers "not found" for an unknown record and for another user\'s, and refuses a malformed ID', () => {
    const context = recordContext();
    const [theirs] = context.records.list(OTHER_USER, '100');
    for (const recordId of [theirs.recordId, '1842862763295184640']) {
      for (const route of [
        { kind: 'view-record', recordId },
        { kind: 'list-files', recordId },
      ] as const) {
        const answer = call(context, route, `${LIST}/${recordId}?pageSize=10`);
        expect(answer.body).toEqual({ code: 13000309, msg: `Resource not found: backup record ${recordId}` });
        expect(answer.outcome).toBe('rejected:unknown-record');
      }
    }
    const malformed = call(context, { kind: 'view-record', recordId: '12a' }, `${LIST}/12a`);
    expect(malformed.body).toMatchObject({ code: 13000102 });
    expect(String(malformed.body.msg)).toContain('recordId in the path must be digits');
  });

  it('walks the 250 files of the large album backup in pages, each file once, with name, size, SHA-256 and MIME type', () => {
    const context = recordContext();
    const record = context.records.list(USER, '101').find((entry) => entry.fileCount === 250);
    expect(record).toBeDefined();
    const recordId = record?.recordId ?? '';
    const path = `${LIST}/${recordId}/files`;
    const pages = walk(context, { kind: 'list-files', recordId }, path, 'pageSize=100');
    expect(pages.map((page) => page.data.length)).toEqual([100, 100, 50]);
    const files = pages.flatMap((page) => page.data);
    expect(new Set(files.map((file) => file.fileId)).size).toBe(250);
    for (const file of files) {
      expect(file).toMatchObject({
        fileId: expect.stringMatching(/^\d{19}$/),
        fileName: expect.stringMatching(/^(IMG|VID)_\d{8}_\d{4}\.(jpg|heic|mp4)$/),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        mimeType: expect.stringMatching(/^(image|video)\//),
      });
      expect(Number.isInteger(file.size) && Number(file.size) > 0).toBe(true);
    }
    expect(walk(context, { kind: 'list-files', recordId }, path, 'pageSize=7').length).toBe(36);
  });

  it('answers an empty page for a record without files, and refuses a files cursor of another record', () => {
    const context = recordContext();
    const empty = context.records.list(USER, '100').find((entry) => entry.fileCount === 0);
    const recordId = empty?.recordId ?? '';
    const answer = call(context, { kind: 'list-files', recordId }, `${LIST}/${recordId}/files?pageSize=10`);
    expect(answer.text).toBe('{"code":0,"msg":"success","data":[],"nextCursor":""}');
    expect(answer.outcome).toBe('listed-files');

    const [other] = context.records.list(USER, '102');
    const otherCursor = String(
      call(context, { kind: 'list-files', recordId: other.recordId }, `${LIST}/${other.recordId}/files?pageSize=1`).body
        .nextCursor,
    );
    const large = context.records.list(USER, '101').find((entry) => entry.fileCount === 250)?.recordId ?? '';
    const largeCursor = String(
      call(context, { kind: 'list-files', recordId: large }, `${LIST}/${large}/files?pageSize=1`).body.nextCursor,
    );
    expect(largeCursor).not.toBe('');
    const refused = call(
      context,
      { kind: 'list-files', recordId: other.recordId },
      `${LIST}/${other.recordId}/files?pageSize=1&cursor=${largeCursor}`,
    );
    expect(refused.outcome).toBe('rejected:bad-cursor');
    expect(otherCursor).toBe('');
  });

  it('requires pageSize 1-100 for files too', () => {
    const context = recordContext();
    const [record] = context.records.list(USER, '101');
    const route = { kind: 'list-files', recordId: record.recordId } as const;
    for (const query of ['', 'pageSize=0', 'pageSize=101']) {
      const answer = call(context, route, `${LIST}/${record.recordId}/files?${query}`);
      expect(answer.body).toMatchObject({ code: 13000102 });
    }
  });
});

describe('19-digit IDs on the wire', () => {
  it('sends some record and file IDs as bare JSON integers and others as strings; the text reads back exactly', () => {
    const context = recordContext();
    const page = call(context, LIST_ROUTE, listUrl('moduleCode=101&pageSize=20'));
    expect(page.text).toMatch(/"recordId":\d{19},/);
    expect(page.text).toMatch(/"recordId":"\d{19}",/);
    expect(parseExact(page.text)).toEqual(page.body);
    // A client that parses numbers as doubles changes the bare ones.
    const naive = JSON.parse(page.text) as { data: Array<{ recordId: unknown }> };
    const bare = naive.data.filter((record) => typeof record.recordId === 'number');
    expect(bare.length).toBeGreaterThan(0);
    expect(
      bare.every(
        (record) =>
          !(page.body.data as Array<{ recordId: string }>).some((r) => r.recordId === String(record.recordId)),
      ),
    ).toBe(true);

    const [record] = context.records.list(USER, '101');
    const files = call(
      context,
      { kind: 'list-files', recordId: record.recordId },
      `${LIST}/${record.recordId}/files?pageSize=6`,
    );
    expect(files.text).toMatch(/"fileId":\d{19},/);
    expect(files.text).toMatch(/"fileId":"\d{19}",/);
    expect(parseExact(files.text)).toEqual(files.body);
  });
});
