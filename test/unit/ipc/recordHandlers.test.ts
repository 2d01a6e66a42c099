import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult, SandboxInfo } from '../../../shared/contract';
import type { RecordDetailsResult, RecordFilesPage, RecordListResult } from '../../../shared/records';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('record handlers over the embedded sandbox', () => {
  let dataDir: string;
  let services: AppServices;
  let handlers: Handlers;
  let sandbox: RunningSandbox | null;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-record-handlers-'));
    sandbox = null;
    services = createAppServices({
      dataDir,
      secrets: createMemorySecretStore(),
      env: {},
      launchSandbox: async () => {
        sandbox = await startSandbox({ port: 0, stuckBackup: true });
        return sandbox;
      },
    });
    handlers = createHandlers(services);
    value<SandboxInfo>(await call('startSandbox'));
  });

  afterEach(async () => {
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists a module, views a record and reads its files for the Sandbox profile', async () => {
    const stuck = sandbox?.stuckBackup;
    const listed = value<RecordListResult>(await call('listRecords', { profileId: 'sandbox', moduleCode: '102' }));
    expect(listed).toMatchObject({ ok: true, moduleCode: '102', userId: stuck?.userId, nextCursor: null });
    expect(listed.records[0]?.recordId).toBe(stuck?.recordId);
    const viewed = value<RecordDetailsResult>(
      await call('viewRecord', { profileId: 'sandbox', recordId: stuck?.recordId }),
    );
    expect(viewed).toMatchObject({ ok: true, record: { recordId: stuck?.recordId, statusName: 'in-progress' } });
    const files = value<RecordFilesPage>(
      await call('listRecordFiles', { profileId: 'sandbox', recordId: stuck?.recordId }),
    );
    expect(files).toMatchObject({ ok: true, nextCursor: null });
    expect(files.files).toHaveLength(37);
  });

  it('acts on any user of the tenant with the app-authenticated Sandbox profile', async () => {
    const other = sandbox?.users[1] ?? '';
    const result = value<RecordListResult>(
      await call('listRecords', { profileId: 'sandbox', moduleCode: '100', userId: other }),
    );
    expect(result).toMatchObject({ ok: true, userId: other });
    expect(result.records.map((record) => record.recordId)).toEqual(
      sandbox?.records(other, '100').map((record) => record.recordId),
    );
  });

  it('cancelRequest stops a listing in flight', async () => {
    sandbox?.setFault({ kind: 'hang' }, 1);
    const before = sandbox?.received().length ?? 0;
    const pending = call('listRecords', { profileId: 'sandbox', moduleCode: '101', requestTag: 'inspect-1' });
    await expect.poll(() => sandbox?.received().length ?? 0).toBeGreaterThan(before);
    expect(value(await call('cancelRequest', { requestTag: 'inspect-1' }))).toEqual({ cancelled: true });
    expect(value<RecordListResult>(await pending)).toMatchObject({ ok: false, kind: 'cancelled', records: [] });
    expect(services.inflight.size()).toBe(0);
  });

  it('answers an unknown profile with not-found', async () => {
    const result = await call('viewRecord', { profileId: 'ghost', recordId: '1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
