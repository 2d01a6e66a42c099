import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelFor } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import {
  FakeBrowserWindow,
  Menu,
  defaultSession,
  fakeApp,
  ipcMain,
  protocol,
  resetFakeElectron,
  webRequest,
} from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const PAGE = 'app://koodrive/index.html';

describe('main process lifecycle', () => {
  let dataDir: string;
  const savedEnv = { ...process.env };

  beforeEach(async () => {
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
    await rm(dataDir, { recursive: true, force: true });
  });

  async function startApp(): Promise<FakeBrowserWindow> {
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 3000 });
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
    await startApp();
    const listProfiles = ipcMain.handlers.get(channelFor('listProfiles'));
    const own = { senderFrame: { url: `${PAGE}#/profiles`, parent: null } };
    expect(await listProfiles?.(own, undefined)).toEqual({ ok: true, value: [] });
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await listProfiles?.(foreign, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
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
