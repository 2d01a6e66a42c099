import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../../shared/contract';
import type { HistoryPage } from '../../../shared/history';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('history handlers over the real audit log', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  let services: AppServices;
  let handlers: Handlers;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);
  const query = async (filter: Record<string, string> = {}, offset = 0, limit = 100) =>
    value<HistoryPage>(await call('queryHistory', { filter, offset, limit }));

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-history-ipc-'));
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seedLocks: 2 });
    services = createAppServices({ dataDir, secrets: createMemorySecretStore() });
    handlers = createHandlers(services);
    value(
      await call('saveProfile', {
        name: 'Practice Box',
        baseUrl: sandbox.url,
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
      }),
    );
    value(await call('setSecret', { profileId: 'practice-box', secret: sandbox.credentials.token }));
  });

  afterEach(async () => {
    await services.dispose();
    await sandbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const release = async (lockId: string) => value(await call('releaseLock', { profileId: 'practice-box', lockId }));

  it('verifyAudit: intact after operations, then names the first broken entry once a byte is changed', async () => {
    expect(value(await call('verifyAudit'))).toEqual({ intact: true, entries: 0 });
    const [first, second] = sandbox.seededLockIds;
    await release(first);
    await release(second);
    expect(value(await call('verifyAudit'))).toEqual({ intact: true, entries: 4 });
    const file = services.audit.path;
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(first, second));
    const broken = value<{ intact: boolean; brokenAt: string; problem: string }>(await call('verifyAudit'));
    expect(broken).toMatchObject({ intact: false, brokenAt: 'audit.jsonl line 1' });
    expect(broken.problem.length).toBeGreaterThan(0);
  });

  it('filters by end user and by batch, and shows profile names', async () => {
    const [first, second] = sandbox.seededLockIds;
    await release(first);
    const started = value<{ batchId: string }>(
      await call('startBatch', { profileId: 'practice-box', rows: [{ lockId: second }], concurrency: 1 }),
    );
    for (let poll = 0; poll < 200; poll += 1) {
      const status = value<{ finished: boolean }>(await call('batchStatus', { batchId: started.batchId, since: 0 }));
      if (status.finished) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const byBatch = await query({ batchId: started.batchId });
    expect(byBatch.rows.map((row) => row.lockId)).toEqual([second]);
    expect(byBatch.rows[0]).toMatchObject({
      userId: sandbox.credentials.userId,
      batchId: started.batchId,
      profileName: 'Practice Box',
      environment: 'sandbox',
    });
    expect((await query({ userId: sandbox.credentials.userId })).total).toBe(2);
    expect((await query({ userId: '1' })).total).toBe(0);
    const csv = value<{ csv: string }>(await call('exportHistory', { filter: { batchId: started.batchId } })).csv;
    expect(csv.split('\r\n')[1]).toContain(started.batchId);
  });

  it('lists the operations the app made, newest first, and filters them', async () => {
    expect(await query()).toEqual({ total: 0, rows: [], skippedLines: 0 });
    const [first, second] = sandbox.seededLockIds;
    await release(first);
    await release(second);
    await release(first);

    const page = await query();
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => [row.lockId, row.outcome, row.kind])).toEqual([
      [first, 'failed', 'not-found'],
      [second, 'success', 'success'],
      [first, 'success', 'success'],
    ]);
    expect(page.rows[1]).toMatchObject({
      source: 'gui',
      profile: 'practice-box',
      operation: 'release',
      httpStatus: 200,
      host: new URL(sandbox.url).host,
    });
    expect(page.rows[1].requestId).toEqual(expect.any(String));

    expect((await query({ profile: 'PRACTICE box' })).total).toBe(3);
    expect((await query({ profile: 'practice-box' })).total).toBe(3);
    expect((await query({ profile: 'Practice' })).total).toBe(0);
    expect((await query({ outcome: 'failed' })).rows.map((row) => row.lockId)).toEqual([first]);
    expect((await query({ lockId: second.slice(3, 12).toUpperCase() })).total).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    expect((await query({ from: today, to: today })).total).toBe(3);
    expect((await query({}, 1, 1)).rows.map((row) => row.lockId)).toEqual([second]);
  });

  it('refuses an invalid date with a message that says what to type', async () => {
    const result = await call('queryHistory', { filter: { from: '3 Nov' }, offset: 0, limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(!result.ok && result.error.message).toMatch(/“From” is not a date: “3 Nov”.*YYYY-MM-DD/);
    const exported = await call('exportHistory', { filter: { to: '2026-02-30' } });
    expect(exported).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('queryHistory', { filter: {}, offset: 0, limit: 1001 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('exports the matching rows as CSV that a spreadsheet will not run as a formula', async () => {
    await release(sandbox.seededLockIds[0]);
    await release('=HYPERLINK("x")@102');
    const exported = value<{ csv: string; rows: number }>(await call('exportHistory', { filter: {} }));
    expect(exported.rows).toBe(2);
    const lines = exported.csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`'=HYPERLINK(""x"")@102`);
    expect(lines[1]).toMatch(/^"?\d{4}-\d\d-\d\dT/);
    expect(lines[2]).toContain(`${sandbox.seededLockIds[0]},success,success,200`);
    const successOnly = value<{ csv: string; rows: number }>(
      await call('exportHistory', { filter: { outcome: 'success' } }),
    );
    expect(successOnly.rows).toBe(1);
  });

  it('reports an audit file it cannot read as a storage problem', async () => {
    await mkdir(join(dataDir, 'audit.1.jsonl'));
    const result = await call('queryHistory', { filter: {}, offset: 0, limit: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(!result.ok && result.error.message).toContain('audit.1.jsonl');
  });
});
