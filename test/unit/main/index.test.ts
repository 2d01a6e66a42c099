import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelFor } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import {
  FakeBrowserWindow,
  Menu,
  defaultSession,
  dialog,
  fakeApp,
  ipcMain,
  protocol,
  resetFakeElectron,
  webRequest,
} from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const PAGE = 'app://koodrive/index.html';

// The first import transforms the whole main process; on a busy machine that alone takes seconds.
describe('main process lifecycle', { timeout: 30_000 }, () => {
  let dataDir: string;
  const savedEnv = { ...process.env };

  let processListeners: { exception: unknown[]; rejection: unknown[] };

  beforeEach(async () => {
    processListeners = {
      exception: process.listeners('uncaughtException'),
      rejection: process.listeners('unhandledRejection'),
    };
    resetFakeElectron();
    vi.resetModules();
    dataDir = await mkdtemp(join(tmpdir(), 'kla-main-'));
    process.env.KOODRIVE_LOCK_ADMIN_DATA_DIR = dataDir;
    delete process.env.ELECTRON_RENDERER_URL;
  });

  afterEach(async () => {
    // Let a started app clean up (closes its audit log) before its data dir goes.
    const started = FakeBrowserWindow.instances.length > 0;
    fakeApp.emit('will-quit', { preventDefault: vi.fn() });
    if (started) await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalled(), { timeout: 3000 });
    process.env = { ...savedEnv };
    // Each import of main installs its error handlers on this process: take them off again.
    for (const listener of process.listeners('uncaughtException')) {
      if (!processListeners.exception.includes(listener)) process.off('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!processListeners.rejection.includes(listener)) process.off('unhandledRejection', listener);
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  async function startApp(): Promise<FakeBrowserWindow> {
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
    return FakeBrowserWindow.instances[0];
  }

  it('puts userData in the data dir, enables the sandbox, then takes the single-instance lock', async () => {
    await startApp();
    expect(fakeApp.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fakeApp.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      fakeApp.whenReady.mock.invocationCallOrder[0],
    );
    const setPathOrder = fakeApp.setPath.mock.invocationCallOrder[0];
    expect(fakeApp.requestSingleInstanceLock.mock.invocationCallOrder[0]).toBeGreaterThan(setPathOrder);
  });

  it('quits at once, registering nothing, when another instance holds the lock', async () => {
    fakeApp.gotLock = false;
    await import('../../../electron/main/index');
    expect(fakeApp.quit).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ipcMain.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('wires CSP, permissions, IPC, menu and one hardened window loading the built page', async () => {
    const win = await startApp();
    expect(webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
    const listener = webRequest.onHeadersReceived.mock.calls[0][0] as (
      details: { url: string; responseHeaders: Record<string, string[]> },
      callback: (response: unknown) => void,
    ) => void;
    const callback = vi.fn();
    listener({ url: PAGE, responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });

    expect(defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => channelFor(m)).sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.js$/);
    expect(win.loadURL).toHaveBeenCalledWith(PAGE);
    expect(win.loadFile).not.toHaveBeenCalled();
    expect([...protocol.handlers.keys()]).toEqual(['app']);
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('answers a call from the loaded page and refuses one from elsewhere', async () => {
    const win = await startApp();
    const listProfiles = ipcMain.handlers.get(channelFor('listProfiles'));
    const own = { sender: win.webContents, senderFrame: { url: `${PAGE}#/profiles`, parent: null } };
    expect(await listProfiles?.(own, undefined)).toEqual({ ok: true, value: [] });
    const foreign = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await listProfiles?.(foreign, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('routes requests by the system proxy settings (session.resolveProxy) and the connection check says so', async () => {
    const win = await startApp();
    defaultSession.resolveProxy.mockImplementation(async () => 'SOCKS5 10.0.0.1:1080; PROXY 127.0.0.1:9; DIRECT');
    const own = { sender: win.webContents, senderFrame: { url: `${PAGE}#/profiles`, parent: null } };
    const call = (method: 'saveProfile' | 'checkConnection', arg: unknown) =>
      ipcMain.handlers.get(channelFor(method))?.(own, arg) as Promise<{ ok: boolean; value?: unknown }>;
    const saved = await call('saveProfile', {
      name: 'Corp',
      baseUrl: 'https://koodrive.example.com',
      userId: '1',
      authMode: 'bearer',
      moduleCode: '102',
    });
    const profileId = (saved.value as { id: string }).id;
    const checked = await call('checkConnection', { profileId });
    expect(defaultSession.resolveProxy).toHaveBeenCalledWith('https://koodrive.example.com/');
    const dns = (checked.value as { steps: { step: string; detail?: string; message?: string }[] }).steps[0];
    expect(JSON.stringify(dns)).toContain(
      'Requests go through the proxy 127.0.0.1:9 (system proxy settings: PROXY 127.0.0.1:9; system proxy settings: skipped SOCKS5 10.0.0.1:1080 (SOCKS is not supported))',
    );
  });

  it('loads the dev server URL when unpackaged with ELECTRON_RENDERER_URL', async () => {
    fakeApp.isPackaged = false;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const win = await startApp();
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(protocol.handle).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    const win = await startApp();
    win.minimized = true;
    fakeApp.emit('second-instance');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('activate before ready opens nothing; start-up then opens the one window', async () => {
    let releaseReady: () => void = () => undefined;
    fakeApp.whenReady.mockImplementationOnce(
      () =>
        new Promise<void>((resolve) => {
          releaseReady = () => {
            fakeApp.ready = true;
            resolve();
          };
        }),
    );
    await import('../../../electron/main/index');
    fakeApp.emit('activate');
    fakeApp.emit('second-instance');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    releaseReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('activate while the first window is still opening (macOS first launch) gives one window', async () => {
    await import('../../../electron/main/index');
    // whenReady has resolved; the window is waiting for the saved state on disk: activate now.
    await vi.waitFor(() => expect(fakeApp.ready).toBe(true));
    fakeApp.emit('activate');
    fakeApp.emit('activate');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('second-instance with no window open (macOS, all closed) opens one; with one open it only focuses', async () => {
    const first = await startApp();
    first.destroyed = true;
    first.emit('closed');
    fakeApp.emit('second-instance');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(2), { timeout: 3000 });
    const second = FakeBrowserWindow.instances[1];
    fakeApp.emit('second-instance');
    fakeApp.emit('activate');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(second.focus).toHaveBeenCalledTimes(2);
  });

  it('sets the About panel and writes a start-up entry in main.log in the data folder', async () => {
    await startApp();
    expect(fakeApp.setAboutPanelOptions).toHaveBeenCalledWith(
      expect.objectContaining({ applicationName: 'KooDrive Lock Admin', applicationVersion: '0.1.0' }),
    );
    await vi.waitFor(async () => expect(await readFile(join(dataDir, 'main.log'), 'utf8')).toMatch(/INFO Started /));
  });

  it('turns an uncaught exception into a log entry and a plain dialog', async () => {
    const before = process.listeners('uncaughtException');
    const rejectionsBefore = process.listeners('unhandledRejection');
    await startApp();
    const added = process.listeners('uncaughtException').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    // Only our handler may see the fake error: Vitest's own would fail the run.
    for (const listener of before) process.off('uncaughtException', listener);
    process.emit('uncaughtException', new Error('the disk went away'));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringMatching(/unexpected error/),
      expect.stringContaining('the disk went away'),
    );
    expect(String(dialog.showErrorBox.mock.calls[0][1])).not.toMatch(/ at /);
    expect(await readFile(join(dataDir, 'main.log'), 'utf8')).toMatch(/ERROR Uncaught exception: the disk went away/);
    process.removeAllListeners('uncaughtException');
    process.removeAllListeners('unhandledRejection');
    for (const listener of before) process.on('uncaughtException', listener);
    for (const listener of rejectionsBefore) process.on('unhandledRejection', listener);
  });

  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-pipe'],
    ['--inspect'],
    ['--inspect-brk=9229'],
    ['--no-sandbox'],
  ])('a packaged app refuses to start with %s, saying why', async (arg) => {
    const savedArgv = process.argv;
    process.argv = [...savedArgv, arg];
    try {
      await import('../../../electron/main/index');
    } finally {
      process.argv = savedArgv;
    }
    expect(fakeApp.exit).toHaveBeenCalledWith(2);
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'KooDrive Lock Admin did not start',
      expect.stringContaining(arg.split('=')[0]),
    );
    expect(fakeApp.requestSingleInstanceLock).not.toHaveBeenCalled();
    expect(fakeApp.whenReady).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('the unpackaged app (development, tests) accepts those switches', async () => {
    fakeApp.isPackaged = false;
    const savedArgv = process.argv;
    process.argv = [...savedArgv, '--inspect=0', '--remote-debugging-port=0'];
    try {
      await startApp();
    } finally {
      process.argv = savedArgv;
    }
    expect(fakeApp.exit).not.toHaveBeenCalled();
  });

  it('cleans up (stops the sandbox) before quitting', async () => {
    await startApp();
    const event = { preventDefault: vi.fn() };
    fakeApp.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalled(), { timeout: 3000 });
    const second = { preventDefault: vi.fn() };
    fakeApp.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
