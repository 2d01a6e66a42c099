import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import type { BackupRecordView } from '../../../../shared/records';
import { type HttpTransport, createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import type { Transport } from '../../../../electron/core/koodrive/transport';
import type { Clock } from '../../../../electron/core/clock';
import { type RecordReaderDeps, createRecordReader } from '../../../../electron/core/records/recordReader';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';
import { closedPort } from '../../../support/servers';
import { manualClock } from '../../../support/sandboxHttp';
import { virtualClock } from '../../../support/virtualClock';

const realClock: Clock = { now: () => new Date(), monotonicMs: () => performance.now() };

describe('record reader against the sandbox (docs/sandbox.md#backup-records-and-files)', () => {
  let sandbox: RunningSandbox;
  let transport: HttpTransport;
  let bearer: Profile;
  let app: Profile;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seedLocks: 0 });
    transport = createHttpTransport();
    bearer = {
      environment: 'sandbox',
      id: 'b',
      name: 'Bearer',
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
    };
    app = { ...bearer, id: 'a', name: 'App', authMode: 'app', appId: sandbox.credentials.appId };
  });

  afterAll(async () => {
    transport.close();
    await sandbox.stop();
  });

  function reader(overrides: Partial<RecordReaderDeps> = {}) {
    return createRecordReader({
      transport,
      clock: realClock,
      secretFor: async (profile) =>
        profile.authMode === 'app' ? sandbox.credentials.appSecret : sandbox.credentials.token,
      ...overrides,
    });
  }

  /** The transport, calling `after(n)` once the n-th answer (1-based) arrived. */
  function observed(after: (answers: number) => void): Transport {
    let answers = 0;
    return async (request) => {
      const response = await transport(request);
      answers += 1;
      after(answers);
      return response;
    };
  }

  const ids = (records: BackupRecordView[]) => records.map((record) => record.recordId);

  it('follows nextCursor over every page, keeping 19-digit IDs exact whether sent as strings or bare integers', async () => {
    const expected = sandbox.records(sandbox.credentials.userId, '101');
    expect(expected.some((record) => record.bareId)).toBe(true);
    const before = sandbox.received().length;
    const result = await reader().listRecords({ profile: bearer, moduleCode: '101', pageSize: 7 });
    expect(result).toMatchObject({ ok: true, kind: 'success', nextCursor: null, limitReached: false });
    expect(ids(result.records)).toEqual(expected.map((record) => record.recordId));
    expect(result.pagesRead).toBe(Math.ceil(expected.length / 7));
    expect(sandbox.received().length - before).toBe(result.pagesRead);
    expect(result.records[0]).toMatchObject({ moduleCode: '101', statusName: expect.any(String) });
    expect(result.records.every((record) => /^\d{19}$/.test(record.recordId))).toBe(true);
    expect(result.records.every((record) => record.createdAtMs !== null)).toBe(true);
  });

  it('lists for any user in app mode, the query signed in canonical order (vector C)', async () => {
    const other = sandbox.users[1] ?? '';
    const result = await reader().listRecords({ profile: app, userId: other, moduleCode: '100' });
    expect(result).toMatchObject({ ok: true, userId: other, pagesRead: 1 });
    expect(ids(result.records)).toEqual(sandbox.records(other, '100').map((record) => record.recordId));
  });

  it('pages in app mode with cursor and deviceId in the signed query', async () => {
    const other = sandbox.users[1] ?? '';
    const all = sandbox.records(other, '101');
    const phone = await reader().listRecords({ profile: app, userId: other, moduleCode: '101', pageSize: 4 });
    const deviceId = phone.records[0]?.device?.deviceId ?? '';
    const result = await reader().listRecords({
      profile: app,
      userId: other,
      moduleCode: '101',
      deviceId,
      pageSize: 4,
    });
    expect(result).toMatchObject({ ok: true, nextCursor: null });
    expect(result.pagesRead).toBeGreaterThan(2);
    expect(ids(result.records)).toEqual(
      all.filter((record) => record.deviceId === deviceId).map((record) => record.recordId),
    );
  });

  it('lists one device only when asked', async () => {
    const all = await reader().listRecords({ profile: bearer, moduleCode: '102' });
    const tablet = all.records.find((record) => record.device?.deviceName?.includes('MatePad'));
    const deviceId = tablet?.device?.deviceId ?? '';
    const result = await reader().listRecords({ profile: bearer, moduleCode: '102', deviceId });
    expect(result.ok).toBe(true);
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.records.length).toBeLessThan(all.records.length);
    expect(result.records.every((record) => record.device?.deviceId === deviceId)).toBe(true);
  });

  it('stops at the limit with the cursor of the rest, asking only for what the limit leaves', async () => {
    const result = await reader().listRecords({ profile: bearer, moduleCode: '101', limit: 25, pageSize: 10 });
    expect(result).toMatchObject({ ok: true, limitReached: true, pagesRead: 3 });
    expect(result.records).toHaveLength(25);
    expect(result.nextCursor).toEqual(expect.any(String));
    const rest = sandbox.records(sandbox.credentials.userId, '101').slice(0, 25);
    expect(ids(result.records)).toEqual(rest.map((record) => record.recordId));
  });

  it('answers an empty listing as a success with no records', async () => {
    const result = await reader().listRecords({ profile: bearer, moduleCode: '7' });
    expect(result).toMatchObject({ ok: true, kind: 'success', records: [], pagesRead: 1, nextCursor: null });
  });

  it('reads a record with 250 files page by page, file IDs and sizes exact', async () => {
    const listing = await reader().listRecords({ profile: bearer, moduleCode: '101' });
    const big = sandbox.records(sandbox.credentials.userId, '101').find((record) => record.fileCount === 250);
    expect(big).toBeDefined();
    const recordId = big?.recordId ?? '';
    expect(ids(listing.records)).toContain(recordId);
    const files = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await reader().listRecordFiles({ profile: bearer, recordId, cursor });
      expect(page).toMatchObject({ ok: true, recordId });
      files.push(...page.files);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(files).toHaveLength(250);
    expect(new Set(files.map((file) => file.fileId)).size).toBe(250);
    expect(files.every((file) => /^\d{19}$/.test(file.fileId) && /^\d+$/.test(file.size ?? ''))).toBe(true);
    expect(files[0]).toMatchObject({ fileName: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('views one record, the same exact ID as in the listing', async () => {
    const bare = sandbox.records(sandbox.credentials.userId, '102').find((record) => record.bareId);
    const recordId = bare?.recordId ?? '';
    const result = await reader().viewRecord({ profile: app, recordId });
    expect(result).toMatchObject({ ok: true, recordId, record: { recordId, moduleCode: '102' } });
    const wrongModule = await reader().viewRecord({ profile: app, recordId, moduleCode: '100' });
    expect(wrongModule).toMatchObject({ ok: false, kind: 'invalid-input', record: { recordId } });
    expect(wrongModule.remedy).toContain('belongs to module 102');
  });

  it('reports an unknown record as not found and a malformed ID before sending anything', async () => {
    const missing = await reader().viewRecord({ profile: bearer, recordId: '1000000000000000001' });
    expect(missing).toMatchObject({ ok: false, kind: 'not-found', httpStatus: 400, code: '13000309', record: null });
    const before = sandbox.received().length;
    const malformed = await reader().listRecordFiles({ profile: bearer, recordId: '12ab' });
    expect(malformed).toMatchObject({ ok: false, kind: 'invalid-input', httpStatus: null, files: [] });
    expect(malformed.remedy).toContain('digits only');
    const otherUser = await reader().listRecords({ profile: bearer, userId: '42', moduleCode: '102' });
    expect(otherUser).toMatchObject({ ok: false, kind: 'invalid-input', userId: null, records: [] });
    const loneSurrogate = await reader().listRecordFiles({ profile: bearer, recordId: '1', cursor: 'a\ud800' });
    expect(loneSurrogate).toMatchObject({ ok: false, kind: 'invalid-input', httpStatus: null });
    const badDevice = await reader().listRecords({ profile: bearer, deviceId: '\udc00x' });
    expect(badDevice).toMatchObject({ ok: false, kind: 'invalid-input', httpStatus: null });
    const badLimit = await reader().listRecords({ profile: bearer, moduleCode: '102', limit: 10_001 });
    expect(badLimit).toMatchObject({ ok: false, kind: 'invalid-input' });
    expect(sandbox.received().length).toBe(before);
  });

  it('explains a made-up cursor and a page size the server refuses', async () => {
    const recordId = sandbox.records(sandbox.credentials.userId, '101')[1]?.recordId ?? '';
    const made = await reader().listRecordFiles({ profile: bearer, recordId, cursor: 'not-a-cursor' });
    expect(made).toMatchObject({ ok: false, kind: 'invalid-input', httpStatus: 400, code: '13000102' });
    expect(made.msg).toContain('cursor');
    expect(made.remedy).toContain('refused the cursor');
    const tooBig = await reader().listRecords({ profile: bearer, moduleCode: '102', pageSize: 101 });
    expect(tooBig).toMatchObject({ ok: false, kind: 'invalid-input', records: [], pagesRead: 0 });
    expect(tooBig.remedy).toContain('refused the page size 101');
  });

  it('keeps the records of the pages before a failure: an expired cursor on page 3', async () => {
    const { clock, advance } = manualClock();
    const timed = await startSandbox({ port: 0, seedLocks: 0, clock, cursorTtlMs: 60_000 });
    try {
      const profile = { ...bearer, baseUrl: timed.url, userId: timed.credentials.userId };
      const result = await createRecordReader({
        transport: observed((answers) => {
          if (answers === 2) advance(61_000);
        }),
        clock,
        secretFor: async () => timed.credentials.token,
      }).listRecords({ profile, moduleCode: '101', pageSize: 10 });
      expect(result).toMatchObject({ ok: false, kind: 'invalid-input', pagesRead: 2, nextCursor: null });
      expect(result.records).toHaveLength(20);
      expect(result.msg).toContain('expired');
      expect(result.remedy).toContain('list again from the start');
      expect(timed.received().at(-1)?.outcome).toBe('rejected:expired-cursor');
    } finally {
      await timed.stop();
    }
  });

  it('keeps the records of the pages before a reset connection, and says nothing changed', async () => {
    const result = await reader({
      transport: observed((answers) => {
        if (answers === 1) sandbox.setFault({ kind: 'reset' }, 1);
      }),
    }).listRecords({ profile: bearer, moduleCode: '101', pageSize: 10 });
    // The status line had arrived: the answer broke in its body.
    expect(result).toMatchObject({ ok: false, kind: 'network', pagesRead: 1, httpStatus: 200 });
    expect(result.records).toHaveLength(10);
    expect(result.remedy).toContain('only reads, so nothing changed');
  });

  it('reports a closed port as a network failure', async () => {
    const port = await closedPort();
    const result = await reader().listRecords({ profile: { ...bearer, baseUrl: `http://127.0.0.1:${port}` } });
    expect(result).toMatchObject({ ok: false, kind: 'network', httpStatus: null, records: [] });
  });

  it('reports a wrong secret as auth, never echoing it', async () => {
    const wrong = 'wrong-token-7f3a9c';
    const result = await reader({ secretFor: async () => wrong }).listRecords({ profile: bearer });
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401, code: 'APIGW.0301', records: [] });
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('reports a signing clock 20 minutes slow as a clock problem', async () => {
    const slow: Clock = { now: () => new Date(Date.now() - 20 * 60_000), monotonicMs: () => performance.now() };
    const result = await reader({ clock: slow }).viewRecord({
      profile: app,
      recordId: sandbox.records()[0]?.recordId ?? '',
    });
    expect(result).toMatchObject({ ok: false, kind: 'clock', httpStatus: 401, record: null });
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:stale-x-date');
  });

  it('sends a throttled page again after Retry-After, freshly signed', async () => {
    // Starts behind the sandbox, so the simulated wait never moves X-Date ahead of the server's time.
    const clock = virtualClock(Date.now() - 10_000);
    sandbox.setFault({ kind: 'status', status: 429, retryAfterSeconds: 2 }, 1);
    const result = await reader({ clock, throttleRetry: { random: () => 0 } }).listRecords({
      profile: bearer,
      moduleCode: '100',
    });
    expect(result).toMatchObject({ ok: true, kind: 'success' });
    expect(clock.sleeps).toEqual([2000]);
  });

  it('cancels between pages, returning what it read and where to go on', async () => {
    const controller = new AbortController();
    const result = await reader({
      transport: observed((answers) => {
        if (answers === 2) controller.abort();
      }),
    }).listRecords({ profile: bearer, moduleCode: '101', pageSize: 10, signal: controller.signal });
    expect(result).toMatchObject({ ok: false, kind: 'cancelled', pagesRead: 2 });
    expect(result.records).toHaveLength(20);
    expect(result.nextCursor).toEqual(expect.any(String));
    expect(result.remedy).toContain('only reads');
  });

  it('cancels a page in flight', async () => {
    const controller = new AbortController();
    sandbox.setFault({ kind: 'hang' }, 1);
    const pending = reader().listRecords({ profile: bearer, moduleCode: '101', signal: controller.signal });
    await expect.poll(() => sandbox.received().at(-1)?.outcome).toBe('fault:hang');
    controller.abort();
    const result = await pending;
    expect(result).toMatchObject({ ok: false, kind: 'cancelled', records: [], nextCursor: null });
  });
});
