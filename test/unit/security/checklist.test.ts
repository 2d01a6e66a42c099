/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one
 * test per item, against the real main-process wiring (electron/main/index.ts started with the
 * fake `electron` module of test/unit/main) or, where the item is about configuration, against the
 * files that carry it. docs/security.md lists these tests by name.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelFor } from '../../../shared/contract';
import { appFileHandler } from '../../../electron/main/appFileHandler';
import { appPaths } from '../../../electron/main/appPaths';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../../electron/main/csp';
import { DOC_LINKS } from '../../../electron/main/docLinks';
import { isTrustedSender } from '../../../electron/ipc/senderPolicy';
import {
  FakeBrowserWindow,
  contextBridge,
  defaultSession,
  fakeApp,
  ipcMain,
  ipcRenderer,
  protocol,
  resetFakeElectron,
  shell,
  webRequest,
} from '../main/fakeElectron';

vi.mock('electron', async () => (await import('../main/fakeElectron')).electronModule);

const ROOT = resolve(import.meta.dirname, '../../..');
const APP_PAGE = 'app://koodrive/index.html';
const MIN_ELECTRON_MAJOR = 45;

type Listener = (...args: unknown[]) => unknown;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|html|css)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

function navigate(win: FakeBrowserWindow, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  const details = { url, preventDefault: vi.fn() };
  win.webContents.emit(event, details, url);
  return details.preventDefault.mock.calls.length > 0;
}

describe('Electron security checklist', () => {
  const savedEnv = { ...process.env };
  let dataDir: string;
  let win: FakeBrowserWindow;
  let prefs: Record<string, unknown>;

  beforeAll(async () => {
    resetFakeElectron();
    vi.resetModules();
    dataDir = await mkdtemp(join(tmpdir(), 'kla-checklist-'));
    process.env.KOODRIVE_LOCK_ADMIN_DATA_DIR = dataDir;
    delete process.env.ELECTRON_RENDERER_URL;
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 3000 });
    win = FakeBrowserWindow.instances[0];
    prefs = win.options.webPreferences as Record<string, unknown>;
  });

  afterAll(async () => {
    fakeApp.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalled(), { timeout: 3000 });
    process.env = { ...savedEnv };
    await rm(dataDir, { recursive: true, force: true });
  });

  it('item 1: only secure content is loaded (app:// page, no remote source in the CSP, dev server on loopback only)', () => {
    expect(win.loadURL.mock.calls).toEqual([[APP_PAGE]]);
    for (const source of ['http:', 'https:', 'ws:', 'wss:', '*']) expect(CONTENT_SECURITY_POLICY).not.toContain(source);
    const remoteDev = appPaths('/app/out/main', false, { ELECTRON_RENDERER_URL: 'http://dev.example:5173/' });
    expect(remoteDev.page).toMatchObject({ kind: 'app', url: APP_PAGE });
    const packaged = appPaths('/app/out/main', true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(packaged.page.kind).toBe('app');
  });

  it('item 2: Node.js integration is off for the page, its workers and subframes', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('item 3: context isolation is on', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('item 4: the renderer is sandboxed, for this window and for every renderer of the app', () => {
    expect(prefs.sandbox).toBe(true);
    expect(fakeApp.enableSandbox).toHaveBeenCalledTimes(1);
    expect(fakeApp.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(
      fakeApp.whenReady.mock.invocationCallOrder[0],
    );
  });

  it('item 5: every permission is refused but clipboard writes by our own page; devices always', () => {
    const request = defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as Listener;
    const own = { requestingUrl: APP_PAGE, isMainFrame: true };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      request({}, permission, callback, own);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    for (const [details, granted] of [
      [own, true],
      [{ requestingUrl: 'https://evil.example/', isMainFrame: true }, false],
    ] as const) {
      const callback = vi.fn();
      request({}, 'clipboard-sanitized-write', callback, details);
      expect(callback).toHaveBeenCalledExactlyOnceWith(granted);
    }
    const check = defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as Listener;
    expect(check({}, 'media', APP_PAGE, {})).toBe(false);
    const device = defaultSession.setDevicePermissionHandler.mock.calls[0]?.[0] as Listener;
    expect(device({ deviceType: 'hid', origin: APP_PAGE })).toBe(false);
  });

  it('item 6: webSecurity stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('item 7: a strict Content-Security-Policy is sent with the page and set in its meta tag', async () => {
    const listener = webRequest.onHeadersReceived.mock.calls[0]?.[0] as Listener;
    const callback = vi.fn();
    listener({ url: APP_PAGE, responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });

    const dir = await mkdtemp(join(tmpdir(), 'kla-checklist-csp-'));
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html>');
      const response = await appFileHandler(dir, CONTENT_SECURITY_POLICY)(new Request(APP_PAGE));
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const html = await readFile(join(ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull();
    const metaPolicy = meta?.[1] ?? '';
    expect(metaPolicy).toMatch(/default-src 'none'|default-src 'self'/);
    expect(metaPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(devContentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval');
  });

  it('item 8: insecure (mixed) content is not allowed', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('item 9: experimental features are off', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('item 10: no Blink feature is enabled, here or anywhere in electron/', async () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    for (const file of await sourceFiles(join(ROOT, 'electron'))) {
      expect(await readFile(file, 'utf8'), file).not.toContain('enableBlinkFeatures');
    }
  });

  it('item 11: <webview> is disabled and the page has none, so allowpopups cannot occur', async () => {
    expect(prefs.webviewTag).toBe(false);
    for (const file of await sourceFiles(join(ROOT, 'renderer'))) {
      expect(await readFile(file, 'utf8'), file).not.toMatch(/<webview|allowpopups/i);
    }
  });

  it('item 12: a <webview> is never attached, whatever its options', () => {
    const preventDefault = vi.fn();
    win.webContents.emit('will-attach-webview', { preventDefault }, { preload: '/tmp/evil.js' }, { src: 'https://x/' });
    expect(preventDefault).toHaveBeenCalledTimes(1);
  });

  it('item 13: navigation away from our page is cancelled', () => {
    for (const event of ['will-navigate', 'will-redirect'] as const) {
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href,
        'app://koodrive/other.html',
        'app://evil/index.html',
        'javascript:alert(1)',
      ]) {
        expect(navigate(win, event, url), `${event} ${url}`).toBe(true);
      }
    }
    expect(navigate(win, 'will-navigate', `${APP_PAGE}#/history`)).toBe(false);
  });

  it('item 14: no new window is ever created', () => {
    const handler = win.webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of [APP_PAGE, 'https://evil.example/', DOC_LINKS[0].url, 'about:blank']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('item 15: shell.openExternal only ever gets one of the fixed https documentation URLs', () => {
    for (const link of DOC_LINKS) expect(new URL(link.url).protocol).toBe('https:');
    shell.openExternal.mockClear();
    const handler = win.webContents.windowOpenHandler;
    for (const url of [
      'https://evil.example/',
      `${DOC_LINKS[0].url}?next=https://evil.example/`,
      DOC_LINKS[0].url.replace('https:', 'http:'),
      'file:///bin/sh',
      'smb://evil.example/share',
    ]) {
      handler?.({ url });
      navigate(win, 'will-navigate', url);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    handler?.({ url: DOC_LINKS[1].url });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(DOC_LINKS[1].url);
  });

  it(`item 16: the installed Electron is a current major (>= ${MIN_ELECTRON_MAJOR}) and pinned`, async () => {
    const installed = await readJson(join(ROOT, 'node_modules', 'electron', 'package.json'));
    const version = String(installed.version);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(MIN_ELECTRON_MAJOR);
    const pkg = await readJson(join(ROOT, 'package.json'));
    expect((pkg.devDependencies as Record<string, string>).electron).toBe(version);
  });

  it('item 17: every IPC handler checks its sender: our page in the main frame of the main window only', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((method) => channelFor(method)).sort());
    const listProfiles = ipcMain.handlers.get(channelFor('listProfiles')) as Listener;
    const sender = win.webContents;
    const ownPage = { url: APP_PAGE, parent: null };
    expect(await listProfiles({ sender, senderFrame: ownPage }, undefined)).toMatchObject({ ok: true });
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: APP_PAGE, parent: { url: APP_PAGE } },
      { url: pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href, parent: null },
      null,
    ]) {
      expect(await listProfiles({ sender, senderFrame }, undefined)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    // Our page's URL in another window's webContents is not the main window.
    expect(await listProfiles({ sender: {}, senderFrame: ownPage }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('item 18: the page comes from the privileged app:// scheme, never file://, and cannot read outside out/renderer', async () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      fakeApp.whenReady.mock.invocationCallOrder[0],
    );
    expect(win.loadFile).not.toHaveBeenCalled();

    const handler = protocol.handlers.get('app') as (request: Request) => Promise<Response>;
    expect(handler).toBeTypeOf('function');
    for (const url of ['app://koodrive/..%2f..%2fpackage.json', 'app://koodrive/%2e%2e/%2e%2e/package.json']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('"devDependencies"');
    }

    const dir = await mkdtemp(join(tmpdir(), 'kla-checklist-root-'));
    try {
      await mkdir(join(dir, 'renderer'));
      await writeFile(join(dir, 'renderer', 'index.html'), 'page');
      await writeFile(join(dir, 'outside.txt'), 'secret');
      const serve = appFileHandler(join(dir, 'renderer'), CONTENT_SECURITY_POLICY);
      expect(await (await serve(new Request(APP_PAGE))).text()).toBe('page');
      expect((await serve(new Request('app://koodrive/..%2foutside.txt'))).status).toBe(404);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const fileUrl = pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href;
    expect(isTrustedSender({ url: fileUrl, isMainFrame: true }, APP_PAGE)).toBe(false);
    const builder = await readJson(join(ROOT, 'electron-builder.json'));
    expect((builder.electronFuses as Record<string, boolean>).grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('item 19: the packaged app flips the fuses it does not need', async () => {
    const builder = await readJson(join(ROOT, 'electron-builder.json'));
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    expect(builder.asar).toBe(true);
  });

  it('item 20: the page gets only the contract functions, never ipcRenderer or an Electron API', async () => {
    contextBridge.exposeInMainWorld.mockClear();
    ipcRenderer.invoke.mockClear();
    await import('../../../electron/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(name).toBe('lockAdmin');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
    const releaseLock = api.releaseLock as (...args: unknown[]) => Promise<unknown>;
    const arg = { profileId: 'prod', lockId: 'abc@102' };
    await releaseLock(arg, { sender: 'smuggled' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channelFor('releaseLock'), arg);
  });
});
