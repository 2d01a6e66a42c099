// Backup records and files over real HTTP: every request built by hand and signed (bearer, or
// HMAC-SHA256 with the query in the canonical request, as in vector C), many pages walked by
// following nextCursor, 19-digit IDs read exactly whether they arrive as strings or bare integers.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIGNED_HEADERS, signAppRequest } from '../../electron/core/koodrive/sign';
import { formatXDate } from '../../electron/core/koodrive/xdate';
import { startSandbox } from '../../electron/sandbox/server';
import type { RunningSandbox, SandboxOptions } from '../../electron/sandbox/server';
import type { Answer } from '../support/sandboxHttp';
import { manualClock, rawRequest } from '../support/sandboxHttp';

const RECORD_PATH = '/koodrive/ose/v1/backup/record';
const HOUR_MS = 3_600_000;

type Clock = ReturnType<typeof manualClock>['clock'];

const running: RunningSandbox[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.stop()));
});

async function start(options: SandboxOptions = {}) {
  const { clock, advance } = manualClock();
  const sandbox = await startSandbox({ port: 0, clock, ...options });
  running.push(sandbox);
  return { sandbox, clock, advance };
}

interface Get {
  auth?: 'bearer' | 'app';
  userId?: string;
  /** Applied to the request line after signing. */
  tamperQuery?: (query: string) => string;
}

/** A GET built and signed by hand: the query is sent percent-encoded and signed decoded. */
function get(
  sandbox: RunningSandbox,
  clock: Clock,
  path: string,
  query: Array<[string, string]>,
  options: Get = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    Host: new URL(sandbox.url).host,
    'X-Date': formatXDate(clock.now()),
    'X-User-Id': options.userId ?? sandbox.credentials.userId,
  };
  if ((options.auth ?? 'bearer') === 'bearer') headers.Authorization = `Bearer ${sandbox.credentials.token}`;
  else {
    headers.Authorization = signAppRequest({
      method: 'GET',
      path,
      query,
      headers,
      signedHeaders: DEFAULT_SIGNED_HEADERS,
      body: '',
      appId: sandbox.credentials.appId,
      appSecret: sandbox.credentials.appSecret,
    }).authorization;
  }
  const sent = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
  const target = options.tamperQuery ? options.tamperQuery(sent) : sent;
  return rawRequest(sandbox.url, { method: 'GET', path: target ? `${path}?${target}` : path, headers });
}

/** The JSON text with every bare integer of 16 or more digits quoted, so no ID loses a digit. */
function parseExact(text: string): { code: number; data: Array<Record<string, unknown>>; nextCursor: string } {
  return JSON.parse(text.replace(/([:[,])(\d{16,})(?=[,}\]])/g, '$1"$2"')) as {
    code: number;
    data: Array<Record<string, unknown>>;
    nextCursor: string;
  };
}

interface Walk {
  items: Array<Record<string, unknown>>;
  pages: number;
  bareIds: number;
}

/** Follows nextCursor to the end; every page must be a 200 with at most pageSize items. */
async function walk(
  sandbox: RunningSandbox,
  clock: Clock,
  path: string,
  query: Array<[string, string]>,
  options: Get = {},
): Promise<Walk> {
  const pageSize = Number(query.find(([name]) => name === 'pageSize')?.[1]);
  const result: Walk = { items: [], pages: 0, bareIds: 0 };
  let cursor = '';
  do {
    const answer = await get(sandbox, clock, path, cursor ? [...query, ['cursor', cursor]] : query, options);
    expect(answer.status, answer.text).toBe(200);
    const page = parseExact(answer.text);
    expect(page.code).toBe(0);
    expect(page.data.length).toBeLessThanOrEqual(pageSize);
    result.items.push(...page.data);
    result.bareIds += answer.text.match(/"(recordId|fileId)":\d/g)?.length ?? 0;
    result.pages += 1;
    cursor = page.nextCursor;
    expect(result.pages).toBeLessThan(500);
  } while (cursor !== '');
  return result;
}

describe('sandbox backup records over HTTP', () => {
  it('walks every record of a module page by page (token mode), IDs exact, newest first', async () => {
    const { sandbox, clock } = await start();
    const expected = sandbox.records(sandbox.credentials.userId, '101');
    const walked = await walk(sandbox, clock, RECORD_PATH, [
      ['moduleCode', '101'],
      ['pageSize', '4'],
    ]);
    expect(walked.pages).toBe(Math.ceil(expected.length / 4));
    expect(walked.pages).toBeGreaterThan(10);
    expect(walked.items.map((record) => record.recordId)).toEqual(expected.map((record) => record.recordId));
    expect(walked.bareIds).toBe(expected.filter((record) => record.bareId).length);
    expect(walked.bareIds).toBeGreaterThan(0);
    expect(new Set(walked.items.map((record) => record.status))).toEqual(new Set([0, 1, 2]));
    expect(sandbox.received().at(-1)).toMatchObject({ method: 'GET', path: RECORD_PATH, outcome: 'listed-records' });
  });

  it("walks another user's records of one device in app mode, the query (cursor included) signed", async () => {
    const { sandbox, clock } = await start();
    const other = sandbox.users[1];
    const all = sandbox.records(other, '100');
    const deviceId = all[all.length - 1].deviceId;
    const walked = await walk(
      sandbox,
      clock,
      RECORD_PATH,
      [
        ['pageSize', '3'],
        ['moduleCode', '100'],
        ['deviceId', deviceId],
      ],
      { auth: 'app', userId: other },
    );
    const expected = all.filter((record) => record.deviceId === deviceId);
    expect(walked.pages).toBe(Math.ceil(expected.length / 3));
    expect(walked.items.map((record) => record.recordId)).toEqual(expected.map((record) => record.recordId));
    expect(walked.items.every((record) => (record.deviceInfo as { deviceId: string }).deviceId === deviceId)).toBe(
      true,
    );
  });

  it('signs a query that needs encoding, and refuses a query changed after signing', async () => {
    const { sandbox, clock } = await start();
    const query: Array<[string, string]> = [
      ['moduleCode', '102'],
      ['pageSize', '10'],
      ['deviceId', 'a b/c+é~'],
    ];
    const empty = await get(sandbox, clock, RECORD_PATH, query, { auth: 'app' });
    expect(empty.status).toBe(200);
    expect(empty.text).toBe('{"code":0,"msg":"success","data":[],"nextCursor":""}');
    const changed = await get(sandbox, clock, RECORD_PATH, query, {
      auth: 'app',
      tamperQuery: (sent) => sent.replace('pageSize=10', 'pageSize=11'),
    });
    expect(changed.status).toBe(401);
    expect(changed.json).toMatchObject({ error_code: 'APIGW.0303' });
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:bad-signature');
  });

  it('walks the 250 files of a record in both modes, each once, with name, size, SHA-256 and MIME type', async () => {
    const { sandbox, clock } = await start();
    const record = sandbox.records(sandbox.credentials.userId, '101').find((entry) => entry.fileCount === 250);
    expect(record).toBeDefined();
    const path = `${RECORD_PATH}/${record?.recordId}/files`;
    const app = await walk(sandbox, clock, path, [['pageSize', '9']], { auth: 'app' });
    expect(app.pages).toBe(28);
    const ids = app.items.map((file) => String(file.fileId));
    expect(new Set(ids).size).toBe(250);
    expect(ids.every((id) => /^\d{19}$/.test(id))).toBe(true);
    expect(app.bareIds).toBeGreaterThan(50);
    expect(app.items[0]).toEqual({
      fileId: expect.any(String),
      fileName: expect.stringMatching(/\.(jpg|heic|mp4)$/),
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: expect.any(Number),
      description: expect.any(String),
      mimeType: expect.stringMatching(/^(image|video)\//),
      createTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const bearer = await walk(sandbox, clock, path, [['pageSize', '100']]);
    expect(bearer.pages).toBe(3);
    expect(bearer.items.map((file) => String(file.fileId))).toEqual(ids);
    expect(sandbox.received().at(-1)?.outcome).toBe('listed-files');
  });

  it('views one record, the same as listed; another user\'s or an unknown one is "not found"', async () => {
    const { sandbox, clock } = await start();
    const [, second] = sandbox.records();
    const viewed = await get(sandbox, clock, `${RECORD_PATH}/${second.recordId}`, [], { auth: 'app' });
    expect(viewed.status).toBe(200);
    expect(parseExact(viewed.text).data).toMatchObject({ recordId: second.recordId, moduleCode: '102' });
    if (second.bareId) expect(viewed.text).toContain(`"recordId":${second.recordId},`);

    const [theirs] = sandbox.records(sandbox.users[1], '102');
    for (const recordId of [theirs.recordId, '1000000000000000001']) {
      const answer = await get(sandbox, clock, `${RECORD_PATH}/${recordId}`, [], { auth: 'app' });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ code: 13000309, msg: `Resource not found: backup record ${recordId}` });
    }
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:unknown-record');
  });

  it('refuses a page size outside 1-100, a made-up cursor and an expired one, with the documented body shape', async () => {
    const { sandbox, clock, advance } = await start({ cursorTtlMs: 5 * 60_000 });
    for (const pageSize of ['0', '101', 'ten']) {
      const answer = await get(sandbox, clock, RECORD_PATH, [
        ['moduleCode', '102'],
        ['pageSize', pageSize],
      ]);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        code: 13000102,
        msg: 'PARAMETER_INVALID: pageSize must be a whole number from 1 to 100',
      });
    }
    const query: Array<[string, string]> = [
      ['moduleCode', '102'],
      ['pageSize', '2'],
    ];
    const made = await get(sandbox, clock, RECORD_PATH, [...query, ['cursor', 'eyJhIjoiMSJ9.AAAA']], { auth: 'app' });
    expect(made.status).toBe(400);
    expect(made.json).toMatchObject({ code: 13000102, msg: expect.stringContaining('cursor is not a nextCursor') });
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:bad-cursor');

    const first = parseExact((await get(sandbox, clock, RECORD_PATH, query)).text);
    advance(5 * 60_000);
    const expired = await get(sandbox, clock, RECORD_PATH, [...query, ['cursor', first.nextCursor]]);
    expect(expired.status).toBe(400);
    expect(expired.json).toMatchObject({ code: 13000102, msg: expect.stringContaining('cursor has expired') });
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:expired-cursor');
  });

  it('authenticates record and file GETs like the lock calls', async () => {
    const { sandbox, clock, advance } = await start();
    const query: Array<[string, string]> = [
      ['moduleCode', '102'],
      ['pageSize', '1'],
    ];
    const wrongUser = await get(sandbox, clock, RECORD_PATH, query, { userId: sandbox.users[1] });
    expect(wrongUser.status).toBe(401);
    expect(wrongUser.json).toMatchObject({ error_code: 'APIGW.0301' });
    const [record] = sandbox.records();
    const signed = clock.now();
    advance(16 * 60_000);
    const stale = await get(
      { ...sandbox },
      { now: () => signed, monotonicMs: () => 0 },
      `${RECORD_PATH}/${record.recordId}/files`,
      [['pageSize', '1']],
    );
    expect(stale.status).toBe(401);
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:stale-x-date');
  });
});

describe('the stuck-backup scenario over HTTP', () => {
  it('shows an old in-progress record first, no completed one since, and the lock still held', async () => {
    const { sandbox, clock } = await start({ stuckBackup: true });
    const stuck = sandbox.stuckBackup;
    expect(stuck).not.toBeNull();
    const page = parseExact(
      (
        await get(sandbox, clock, RECORD_PATH, [
          ['moduleCode', '102'],
          ['pageSize', '2'],
        ])
      ).text,
    );
    const [newest, before] = page.data;
    expect(newest).toMatchObject({ recordId: stuck?.recordId, status: 0, endTime: '' });
    expect(clock.now().getTime() - Date.parse(String(newest.createTime))).toBeGreaterThanOrEqual(6 * HOUR_MS);
    expect(before.status).toBe(1);
    expect(Date.parse(String(before.createTime))).toBeLessThan(Date.parse(String(newest.createTime)));
    expect(sandbox.activeLocks()).toContainEqual({
      userId: sandbox.credentials.userId,
      lockId: stuck?.lockId,
      moduleCode: '102',
    });
  });

  it('adds another one through POST /_sandbox/stuck-backup, for the user and module asked for', async () => {
    const { sandbox, clock } = await start();
    expect(sandbox.stuckBackup).toBeNull();
    const other = sandbox.users[1];
    const added = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/stuck-backup',
      headers: { Host: new URL(sandbox.url).host, 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: other, moduleCode: '101' }),
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ userId: other, moduleCode: '101', recordId: expect.stringMatching(/^\d{19}$/) });
    const listed = parseExact(
      (
        await get(
          sandbox,
          clock,
          RECORD_PATH,
          [
            ['moduleCode', '101'],
            ['pageSize', '1'],
          ],
          { auth: 'app', userId: other },
        )
      ).text,
    );
    expect(listed.data[0]).toMatchObject({ recordId: added.json?.recordId, status: 0 });
    expect(sandbox.activeLocks()).toContainEqual({ userId: other, lockId: added.json?.lockId, moduleCode: '101' });

    const refused = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/stuck-backup',
      headers: { Host: new URL(sandbox.url).host, 'Content-Type': 'application/json' },
      body: '{"moduleCode":101}',
    });
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({ error: 'moduleCode must be a string of 1-8 digits, e.g. "102".' });
  });
});
