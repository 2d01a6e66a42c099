import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, nativeTheme, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const { newMainWindow, createMainWindow, backgroundColor } = await import('../../../electron/main/window');

function windowOptions(preloadPath: string, bounds?: { x: number; y: number; width: number; height: number }) {
  newMainWindow(preloadPath, bounds);
  return FakeBrowserWindow.instances.at(-1)?.options as Record<string, unknown> & {
    webPreferences: Record<string, unknown>;
  };
}
const { loadWindowState, saveWindowState } = await import('../../../electron/main/windowState');

describe('newMainWindow', () => {
  beforeEach(resetFakeElectron);

  it('sets every renderer hardening switch explicitly', () => {
    const options = windowOptions('/app/out/preload/index.js');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('stays hidden until ready-to-show, on a background that follows the OS theme', () => {
    expect(windowOptions('/p.js')).toMatchObject({ show: false, backgroundColor: '#ffffff' });
    nativeTheme.shouldUseDarkColors = true;
    expect(windowOptions('/p.js').backgroundColor).toBe(backgroundColor());
    expect(windowOptions('/p.js').backgroundColor).not.toBe('#ffffff');
  });

  it('uses the given bounds, else a default size', () => {
    expect(windowOptions('/p.js', { x: 5, y: 6, width: 800, height: 600 })).toMatchObject({
      x: 5,
      y: 6,
      width: 800,
      height: 600,
    });
    const fallback = windowOptions('/p.js');
    expect(fallback.x).toBeUndefined();
    expect(fallback.width).toBeGreaterThan(0);
  });
});

describe('createMainWindow', () => {
  let dataDir: string;
  beforeEach(async () => {
    resetFakeElectron();
    dataDir = await mkdtemp(join(tmpdir(), 'kla-window-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const deps = (page: { kind: 'app'; rendererDir: string; url: string } | { kind: 'url'; url: string }) => ({
    preloadPath: '/app/out/preload/index.js',
    page,
    dataDir,
    workAreas: () => [{ x: 0, y: 0, width: 1920, height: 1040 }],
  });

  const APP_PAGE = { kind: 'app', rendererDir: '/app/out/renderer', url: 'app://koodrive/index.html' } as const;

  it('loads the built page over app:// (never file://) and shows the window only when ready', async () => {
    await createMainWindow(deps(APP_PAGE));
    const win = FakeBrowserWindow.instances[0];
    expect(win.loadURL).toHaveBeenCalledWith('app://koodrive/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('loads the dev server URL with loadURL in development', async () => {
    await createMainWindow(deps({ kind: 'url', url: 'http://localhost:5173' }));
    const win = FakeBrowserWindow.instances[0];
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(win.loadFile).not.toHaveBeenCalled();
  });

  it('saves its bounds on close and reopens there, clamped to the displays', async () => {
    await createMainWindow(deps(APP_PAGE));
    FakeBrowserWindow.instances[0].emit('close');
    await vi.waitFor(async () => expect(await loadWindowState(dataDir)).not.toBeNull(), { timeout: 2000 });
    expect(await loadWindowState(dataDir)).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      maximized: false,
    });

    await saveWindowState(dataDir, { bounds: { x: 5000, y: 5000, width: 900, height: 700 }, maximized: true });
    await createMainWindow(deps(APP_PAGE));
    const reopened = FakeBrowserWindow.instances[1];
    expect(reopened.options).toMatchObject({ x: 510, y: 170, width: 900, height: 700 });
    // Maximized only once painted: maximize() on a hidden window would show it early, blank.
    expect(reopened.maximize).not.toHaveBeenCalled();
    reopened.emit('ready-to-show');
    expect(reopened.maximize).toHaveBeenCalled();
    expect(reopened.maximize.mock.invocationCallOrder[0]).toBeLessThan(reopened.show.mock.invocationCallOrder[0]);
  });

  it('follows OS theme changes', async () => {
    await createMainWindow(deps(APP_PAGE));
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(FakeBrowserWindow.instances[0].setBackgroundColor).toHaveBeenCalledWith(backgroundColor());
  });
});
