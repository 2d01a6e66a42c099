import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchStatus } from '../../../shared/batch';
import type { Handlers, IpcResult } from '../../../shared/contract';
import type { LockResult } from '../../../shared/result';
import { type HttpTransport, createHttpTransport } from '../../../electron/core/koodrive/httpTransport';
import type { Transport } from '../../../electron/core/koodrive/transport';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { type MemorySecretStore, createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { MAX_KEPT_BATCHES } from '../../../electron/ipc/batchHandlers';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('batch handlers against the sandbox', () => {
  let dataDir: string;
  let secrets: MemorySecretStore;
  let sandbox: RunningSandbox;
  let http: HttpTransport;
  let inFlight: number;
  let maxInFlight: number;
  let services: AppServices;
  let disposed: boolean;
  let handlers: Handlers;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-batch-'));
    secrets = createMemorySecretStore();
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seedLocks: 0 });
    http = createHttpTransport();
    inFlight = 0;
    maxInFlight = 0;
    const counting: Transport = async (request) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await http(request);
      } finally {
        inFlight -= 1;
      }
    };
    services = createAppServices({ dataDir, secrets, transport: counting });
    disposed = false;
    handlers = createHandlers(services);
    value(
      await call('saveProfile', {
        name: 'Sandbox',
        baseUrl: sandbox.url,
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
      }),
    );
    value(await call('setSecret', { profileId: 'sandbox', secret: sandbox.credentials.token }));
  });

  afterEach(async () => {
    if (!disposed) await services.dispose();
    http.close();
    await sandbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const rowsOf = (lockIds: string[]) => lockIds.map((lockId) => ({ lockId }));
  const addLocks = (count: number) => Array.from({ length: count }, () => sandbox.addLock('102'));

  async function start(lockIds: string[], concurrency = 4): Promise<string> {
    return value<{ batchId: string }>(
      await call('startBatch', { profileId: 'sandbox', rows: rowsOf(lockIds), concurrency }),
    ).batchId;
  }

  /** Polls like the renderer does (results since the last poll) until the batch has finished. */
  async function follow(
    batchId: string,
    onPoll?: (status: BatchStatus, results: LockResult[]) => Promise<void> | void,
  ): Promise<{ status: BatchStatus; results: LockResult[] }> {
    const results: LockResult[] = [];
    for (let poll = 0; poll < 2000; poll += 1) {
      const status = value<BatchStatus>(await call('batchStatus', { batchId, since: results.length }));
      results.push(...status.results);
      expect(status.nextIndex).toBe(results.length);
      await onPoll?.(status, results);
      if (status.finished) return { status, results };
      await sleep(10);
    }
    throw new Error('the batch did not finish');
  }

  it('releases every lock with at most `concurrency` requests in flight, and reports each result once', async () => {
    const lockIds = addLocks(40);
    sandbox.setFault({ kind: 'delay', ms: 15 });
    const started = value<{ batchId: string; total: number }>(
      await call('startBatch', { profileId: 'sandbox', rows: rowsOf(lockIds), concurrency: 3 }),
    );
    expect(started.total).toBe(40);
    const { status, results } = await follow(started.batchId);

    expect(maxInFlight).toBe(3);
    expect(results).toHaveLength(40);
    expect(results.every((result) => result.ok && result.kind === 'success')).toBe(true);
    expect(results.map((result) => result.lockId).sort()).toEqual([...lockIds].sort());
    expect(sandbox.activeLockIds()).toEqual([]);
    expect(status).toMatchObject({
      total: 40,
      profileId: 'sandbox',
      finished: true,
      cancelled: false,
      notSent: 0,
      progress: { done: 40, failed: 0, remaining: 0, inFlight: 0 },
    });
    expect(status.error).toBeUndefined();
    const audit = await services.audit.read();
    expect(audit).toHaveLength(80);
    expect(audit.every((entry) => entry.source === 'gui' && entry.operation === 'release')).toBe(true);
  });

  it('app auth: (user, lock) rows go out with their own X-User-Id, are counted by outcome and audited with the batch', async () => {
    value(
      await call('saveProfile', {
        name: 'Tenant',
        baseUrl: sandbox.url,
        authMode: 'app',
        appId: sandbox.credentials.appId,
        moduleCode: '102',
      }),
    );
    value(await call('setSecret', { profileId: 'tenant', secret: sandbox.credentials.appSecret }));
    const users = ['1000000000000000001', '1000000000000000002', '1000000000000000003'];
    const owned = users.map((userId) => ({ userId, lockId: sandbox.addLock({ userId, moduleCode: '102' }) }));
    // The first user's lock again, but for the wrong user: the server has no such lock for that user.
    const wrongUser = { userId: users[1], lockId: owned[0].lockId };
    // A row without a user acts for the batch's user.
    const batchUserLock = sandbox.addLock({ userId: users[2], moduleCode: '101' });
    const started = value<{ batchId: string; total: number }>(
      await call('startBatch', {
        profileId: 'tenant',
        rows: [...owned, wrongUser, { lockId: batchUserLock }],
        userId: users[2],
        concurrency: 1,
      }),
    );
    expect(started.total).toBe(5);
    const { status, results } = await follow(started.batchId);
    const expected = [
      ...owned.map((row) => [row.userId, row.lockId]),
      [wrongUser.userId, wrongUser.lockId],
      [users[2], batchUserLock],
    ];
    expect(sandbox.received().map((request) => request.lockId)).toEqual(expected.map(([, lockId]) => lockId));
    expect(sandbox.received()[3].outcome).not.toBe('released');
    expect(sandbox.activeLocks()).toEqual([]);
    expect(status.outcomes).toEqual({ released: 4, 'already-gone': 1, retryable: 0, 'needs-fix': 0, cancelled: 0 });
    expect(status).toMatchObject({ profileName: 'Tenant', environment: 'sandbox', endedAt: expect.any(String) });
    expect(
      results.find((result) => result.userId === wrongUser.userId && result.lockId === wrongUser.lockId),
    ).toMatchObject({ kind: 'not-found', batchId: started.batchId });
    const audit = await services.audit.read();
    expect(audit).toHaveLength(10);
    expect(audit.every((entry) => entry.batchId === started.batchId && entry.environment === 'sandbox')).toBe(true);
    const pending = audit.filter((entry) => entry.phase === 'pending').reverse();
    expect(pending.map((entry) => [entry.userId, entry.lockId])).toEqual(expected);
  });

  it('refuses rows for another user on a bearer profile, and rows with an invalid user, sending nothing', async () => {
    const [lockId] = addLocks(1);
    const other = await call('startBatch', {
      profileId: 'sandbox',
      rows: [{ lockId }, { userId: '1505084218764547200', lockId }],
      concurrency: 1,
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(!other.ok && other.error.message).toMatch(/1 of the 2 rows are not valid.*#2 .*acts only for its own user/);
    value(
      await call('saveProfile', {
        name: 'Tenant',
        baseUrl: sandbox.url,
        authMode: 'app',
        appId: 'a',
        moduleCode: '102',
      }),
    );
    const invalid = await call('startBatch', {
      profileId: 'tenant',
      rows: [{ userId: '12ab', lockId }],
      concurrency: 1,
    });
    expect(!invalid.ok && invalid.error.message).toMatch(/#1 .*digits only/);
    const noUser = await call('startBatch', { profileId: 'tenant', rows: [{ lockId }], concurrency: 1 });
    expect(!noUser.ok && noUser.error.message).toMatch(/Enter the user ID/);
    expect(sandbox.received()).toEqual([]);
  });

  it('reads the secret from the keychain once for the whole batch', async () => {
    const get = vi.spyOn(secrets, 'get');
    const { results } = await follow(await start(addLocks(12), 4));
    expect(results).toHaveLength(12);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('sends each ID once even when the list repeats it, and reports failures per lock', async () => {
    const [held] = addLocks(1);
    const gone = '0b0b0b0b-0000-4000-8000-000000000000@102';
    const started = value<{ total: number; batchId: string }>(
      await call('startBatch', { profileId: 'sandbox', rows: rowsOf([held, ` ${held} `, gone, held]), concurrency: 2 }),
    );
    expect(started.total).toBe(2);
    const { status, results } = await follow(started.batchId);
    expect(sandbox.received()).toHaveLength(2);
    expect(results.find((result) => result.lockId === gone)).toMatchObject({ ok: false, kind: 'not-found' });
    expect(status.progress).toMatchObject({ done: 2, failed: 1 });
  });

  it('on cancel lets the requests in flight finish and never sends the rest', async () => {
    const lockIds = addLocks(100);
    sandbox.setFault({ kind: 'delay', ms: 40 });
    const batchId = await start(lockIds, 4);
    let cancelledAt = -1;
    const { status, results } = await follow(batchId, async (_status, soFar) => {
      if (cancelledAt < 0 && soFar.length >= 8) {
        cancelledAt = soFar.length;
        expect(value(await call('cancelBatch', { batchId }))).toEqual({ cancelled: true });
      }
    });
    const sent = sandbox.received().length;
    expect(cancelledAt).toBeGreaterThanOrEqual(8);
    expect(results.length).toBe(sent);
    expect(sent).toBeLessThan(cancelledAt + 4 + 8);
    expect(status).toMatchObject({ finished: true, cancelled: true, notSent: 100 - sent });
    expect(results.every((result) => result.ok)).toBe(true);
    expect(sandbox.activeLockIds()).toHaveLength(100 - sent);
    expect(value(await call('cancelBatch', { batchId }))).toEqual({ cancelled: false });
    await sleep(100);
    expect(sandbox.received()).toHaveLength(sent);
  });

  it('refuses a batch with an invalid lock ID and sends nothing', async () => {
    const [good] = addLocks(1);
    const result = await call('startBatch', {
      profileId: 'sandbox',
      rows: rowsOf([good, 'has space@102', 'x'.repeat(300)]),
      concurrency: 4,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toMatch(/^2 of the 3 rows are not valid, so nothing was sent\./);
    expect(message).toContain('#2 “has space@102”');
    expect(message).toContain('#3');
    expect(sandbox.received()).toEqual([]);

    expect(await call('startBatch', { profileId: 'sandbox', rows: rowsOf([]), concurrency: 4 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('startBatch', { profileId: 'sandbox', rows: rowsOf([good]), concurrency: 33 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('says so, and sends nothing, when the profile has no secret or does not exist', async () => {
    const [lockId] = addLocks(1);
    await secrets.delete('sandbox');
    const noSecret = await call('startBatch', { profileId: 'sandbox', rows: rowsOf([lockId]), concurrency: 1 });
    expect(noSecret).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!noSecret.ok && noSecret.error.message).toMatch(/No access token is stored/);
    const noProfile = await call('startBatch', { profileId: 'nope', rows: rowsOf([lockId]), concurrency: 1 });
    expect(noProfile).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(sandbox.received()).toEqual([]);
    expect(await call('batchStatus', { batchId: 'unknown', since: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it(`keeps the last ${MAX_KEPT_BATCHES} batches, forgetting the oldest finished ones first`, async () => {
    const ids: string[] = [];
    for (let n = 0; n < MAX_KEPT_BATCHES + 2; n += 1) {
      const batchId = await start(addLocks(1), 1);
      await follow(batchId);
      ids.push(batchId);
    }
    for (const batchId of ids.slice(0, 2)) {
      expect(await call('batchStatus', { batchId, since: 0 })).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    }
    for (const batchId of ids.slice(2)) {
      expect(value<BatchStatus>(await call('batchStatus', { batchId, since: 0 })).results).toHaveLength(1);
    }
  });

  it(`refuses a batch while ${MAX_KEPT_BATCHES} are running, and dispose stops them all`, async () => {
    sandbox.setFault({ kind: 'hang' });
    const running: string[] = [];
    for (let n = 0; n < MAX_KEPT_BATCHES; n += 1) running.push(await start(addLocks(3), 1));
    const refused = await call('startBatch', { profileId: 'sandbox', rows: rowsOf(addLocks(1)), concurrency: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(!refused.ok && refused.error.message).toMatch(/still running/);
    for (let poll = 0; poll < 200 && inFlight < MAX_KEPT_BATCHES; poll += 1) await sleep(10);
    expect(inFlight).toBe(MAX_KEPT_BATCHES);

    await services.dispose();
    disposed = true;
    for (const batchId of running) {
      const { status, results } = await follow(batchId);
      expect(status).toMatchObject({ finished: true, cancelled: true, notSent: 2 });
      expect(results).toEqual([expect.objectContaining({ kind: 'cancelled', ok: false })]);
    }
    expect(inFlight).toBe(0);
  });
});
