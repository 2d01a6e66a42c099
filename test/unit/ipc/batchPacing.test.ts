// The window's batches at the server's pace: throttled locks are sent again; a dead server pauses the batch.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchStatus } from '../../../shared/batch';
import type { Handlers, IpcResult } from '../../../shared/contract';
import type { LockResult } from '../../../shared/result';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../../electron/sandbox/server';
import { createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** App services with a bearer profile for `sandbox`, whose requests go to `baseUrl` (default: the sandbox). */
async function setup(options: SandboxOptions, baseUrl?: (sandbox: RunningSandbox) => Promise<string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kla-pacing-'));
  const sandbox = await startSandbox({ seedLocks: 0, ...options });
  const services: AppServices = createAppServices({ dataDir, secrets: createMemorySecretStore() });
  cleanup.push(async () => {
    await services.dispose();
    await sandbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const handlers: Handlers = createHandlers(services);
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);
  value(
    await call('saveProfile', {
      name: 'Sandbox',
      baseUrl: baseUrl ? await baseUrl(sandbox) : sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
    }),
  );
  value(await call('setSecret', { profileId: 'sandbox', secret: sandbox.credentials.token }));

  async function run(lockIds: string[], concurrency: number) {
    const { batchId } = value<{ batchId: string }>(
      await call('startBatch', { profileId: 'sandbox', rows: lockIds.map((lockId) => ({ lockId })), concurrency }),
    );
    const results: LockResult[] = [];
    const polls: BatchStatus[] = [];
    for (let poll = 0; poll < 1000; poll += 1) {
      const status = value<BatchStatus>(await call('batchStatus', { batchId, since: results.length }));
      results.push(...status.results);
      polls.push(status);
      if (status.finished) return { status, results, polls };
      await sleep(20);
    }
    throw new Error('the batch did not finish');
  }
  return { sandbox, run };
}

describe('window batches at the server pace', () => {
  it('a throttling gateway: every lock is released, throttled ones sent again; the status shows the pacing', async () => {
    const { sandbox, run } = await setup({ rate: 10, burst: 4 });
    const ids = Array.from({ length: 16 }, () => sandbox.addLock('102'));
    const { status, results, polls } = await run(ids, 8);
    expect(status.outcomes.released).toBe(16);
    expect(results.some((r) => (r.attempts ?? 0) > 1)).toBe(true);
    expect(status.progress.pacing?.throttled).toBeGreaterThan(0);
    expect(polls.some((p) => (p.progress.pacing?.limitPerSec ?? 0) > 0)).toBe(true);
    expect(status.paused).toBeUndefined();
    expect(sandbox.activeLockIds()).toEqual([]);
  });

  it('a server that stopped answering: the batch pauses, says why, and reports the rest as not sent', async () => {
    const { sandbox, run } = await setup({}, async () => {
      const dead = await startSandbox({ seedLocks: 0 });
      await dead.stop();
      return dead.url;
    });
    const ids = Array.from({ length: 20 }, () => sandbox.addLock('102'));
    const { status, results } = await run(ids, 1);
    expect(status.paused).toEqual({ reason: 'server-unreachable', connectionFailures: 5 });
    expect(status).toMatchObject({ finished: true, cancelled: false, notSent: 15 });
    expect(results.map((r) => r.kind)).toEqual(Array(5).fill('network'));
    expect(sandbox.received()).toEqual([]);
  });
});
