import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchStatus } from '../../../shared/batch';
import type { MessageLocale } from '../../../shared/messages/locales';
import type { Handlers, IpcResult } from '../../../shared/contract';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { type HttpTransport, createHttpTransport } from '../../../electron/core/koodrive/httpTransport';
import { createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import type { BatchEnded } from '../../../electron/ipc/batchSignalPort';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { NOTIFY_AFTER_MS, createBatchSignals } from '../../../electron/main/batchSignals';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { FakeBrowserWindow, FakeNotification, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const ENDED: BatchEnded = {
  batchId: 'b1',
  profileName: 'Prod Intl',
  ending: 'finished',
  total: 500,
  released: 490,
  alreadyGone: 6,
  failed: 4,
  notSent: 0,
};

function setup(options: { language?: MessageLocale } = {}) {
  const win = new FakeBrowserWindow({});
  let clock = 0;
  const onNotificationClick = vi.fn();
  const log = vi.fn();
  const signals = createBatchSignals({
    window: () => win,
    language: () => options.language ?? 'en',
    onNotificationClick,
    now: () => clock,
    log,
  });
  return { win, signals, onNotificationClick, log, advance: (ms: number) => (clock += ms) };
}

describe('batch signals: taskbar progress and the notification', () => {
  beforeEach(() => resetFakeElectron());

  it('shows the progress of the running batches on the taskbar, in whole percent, and removes it at the end', () => {
    const { win, signals } = setup();
    signals.started({ batchId: 'b1', total: 500 });
    signals.progressed({ batchId: 'b1', done: 73, total: 500 });
    signals.progressed({ batchId: 'b1', done: 74, total: 500 });
    signals.started({ batchId: 'b2', total: 500 });
    signals.progressed({ batchId: 'b2', done: 500, total: 500 });
    signals.ended({ ...ENDED, batchId: 'b2' });
    signals.ended(ENDED);
    expect(win.setProgressBar.mock.calls).toEqual([
      [0, { mode: 'normal' }],
      [0.14, { mode: 'normal' }],
      [0.07, { mode: 'normal' }],
      [0.57, { mode: 'normal' }],
      [0.14, { mode: 'normal' }],
      [-1],
    ]);
  });

  it('notifies when the window is not focused, or when the batch ran at least 10 s', () => {
    const { win, signals, advance } = setup();
    signals.started({ batchId: 'short', total: 5 });
    advance(NOTIFY_AFTER_MS - 1);
    signals.ended({ ...ENDED, batchId: 'short' });
    expect(FakeNotification.instances).toHaveLength(0);

    signals.started({ batchId: 'long', total: 5 });
    advance(NOTIFY_AFTER_MS);
    signals.ended({ ...ENDED, batchId: 'long' });
    expect(FakeNotification.instances).toHaveLength(1);

    win.focused = false;
    signals.started({ batchId: 'away', total: 5 });
    signals.ended({ ...ENDED, batchId: 'away', ending: 'paused', released: 1, failed: 5, notSent: 494 });
    expect(FakeNotification.instances.map((notification) => notification.options)).toEqual([
      { title: 'Batch finished', body: 'Profile “Prod Intl”: 490 released, 6 already gone, 4 failed, 0 not sent.' },
      {
        title: 'Batch paused: the server stopped answering',
        body: 'Profile “Prod Intl”: 1 released, 6 already gone, 5 failed, 494 not sent.',
      },
    ]);
    expect(FakeNotification.instances.every((notification) => notification.show.mock.calls.length === 1)).toBe(true);
  });

  it('brings the window forward on a click, speaks the system’s Chinese, and stays quiet where the OS has none', () => {
    const { win, signals, onNotificationClick } = setup({ language: 'zh-CN' });
    win.focused = false;
    signals.started({ batchId: 'b1', total: 500 });
    signals.ended({ ...ENDED, ending: 'cancelled' });
    const [notification] = FakeNotification.instances;
    expect(notification.options).toEqual({
      title: '批量已取消',
      body: '配置“Prod Intl”：已释放 490，已不存在 6，失败 4，未发送 0。',
    });
    notification.emit('click');
    expect(onNotificationClick).toHaveBeenCalledTimes(1);

    FakeNotification.supported = false;
    signals.started({ batchId: 'b2', total: 5 });
    signals.ended({ ...ENDED, batchId: 'b2' });
    expect(FakeNotification.instances).toHaveLength(1);
  });

  it('never throws into the batch: a failing taskbar is logged', () => {
    const { win, signals, log } = setup();
    win.setProgressBar.mockImplementation(() => {
      throw new Error('Object has been destroyed');
    });
    expect(() => signals.started({ batchId: 'b1', total: 5 })).not.toThrow();
    expect(log).toHaveBeenCalledWith('batch progress: Object has been destroyed');
  });
});

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('batch signals through main’s batch handler, against the sandbox', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  let http: HttpTransport;
  let services: AppServices;
  let handlers: Handlers;
  let win: FakeBrowserWindow;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    resetFakeElectron();
    dataDir = await mkdtemp(join(tmpdir(), 'kla-signals-'));
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seedLocks: 0 });
    http = createHttpTransport();
    win = new FakeBrowserWindow({});
    win.focused = false;
    const batchSignals = createBatchSignals({ window: () => win, language: () => 'en', onNotificationClick: vi.fn() });
    services = createAppServices({ dataDir, secrets: createMemorySecretStore(), transport: http, batchSignals });
    handlers = createHandlers(services);
  });

  afterEach(async () => {
    await services.dispose();
    http.close();
    await sandbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function saveProfile(name: string, baseUrl: string): Promise<string> {
    const profile = value<{ id: string }>(
      await call('saveProfile', {
        name,
        baseUrl,
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
      }),
    );
    value(await call('setSecret', { profileId: profile.id, secret: sandbox.credentials.token }));
    return profile.id;
  }

  async function runBatch(profileId: string, lockIds: string[]): Promise<BatchStatus> {
    const rows = lockIds.map((lockId) => ({ lockId }));
    const { batchId } = value<{ batchId: string }>(await call('startBatch', { profileId, rows, concurrency: 1 }));
    return vi.waitFor(
      async () => {
        const status = value<BatchStatus>(await call('batchStatus', { batchId, since: 0 }));
        if (!status.finished) throw new Error('still running');
        return status;
      },
      { timeout: 20_000, interval: 20 },
    );
  }

  it('a finished batch: taskbar progress rising to 100 %, removed, and a notification with its counts', async () => {
    const profileId = await saveProfile('Sandbox', sandbox.url);
    const lockIds = Array.from({ length: 20 }, () => sandbox.addLock('102'));
    sandbox.setFault({ kind: 'delay', ms: 5 });
    const status = await runBatch(profileId, lockIds);
    expect(status.outcomes.released).toBe(20);
    await vi.waitFor(() => expect(FakeNotification.instances).toHaveLength(1));

    const values = win.setProgressBar.mock.calls.map(([progress]) => progress);
    expect(values[0]).toBe(0);
    expect(values.at(-2)).toBe(1);
    expect(values.at(-1)).toBe(-1);
    const shown = values.slice(0, -1);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(FakeNotification.instances[0].options).toEqual({
      title: 'Batch finished',
      body: 'Profile “Sandbox”: 20 released, 0 already gone, 0 failed, 0 not sent.',
    });
    expect(FakeNotification.instances[0].show).toHaveBeenCalledTimes(1);
  });

  it('a batch that paused because the server stopped answering says so, with what was not sent', async () => {
    const dead = await startSandbox({ host: '127.0.0.1', port: 0, seedLocks: 0 });
    await dead.stop();
    const profileId = await saveProfile('Gone', dead.url);
    const lockIds = Array.from({ length: 8 }, () => sandbox.addLock('102'));
    const status = await runBatch(profileId, lockIds);
    expect(status.paused).toBeDefined();
    await vi.waitFor(() => expect(FakeNotification.instances).toHaveLength(1));
    expect(FakeNotification.instances[0].options).toEqual({
      title: 'Batch paused: the server stopped answering',
      body: 'Profile “Gone”: 0 released, 0 already gone, 5 failed, 3 not sent.',
    });
    expect(win.setProgressBar.mock.calls.at(-1)).toEqual([-1]);
  });
});
