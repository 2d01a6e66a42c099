/**
 * A stand-in for the `electron` module (the binary is not installed here, and importing the real
 * package outside Electron gives a path string). It records what the code under test asks of
 * Electron; tests read the records and fire the events. One instance per test worker, kept on
 * globalThis, so tests that reset the module registry still see the same fake as the code.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export type Listener = (...args: unknown[]) => unknown;
type OpenHandler = (details: { url: string }) => { action: string };

function createFake() {
  class FakeWebContents extends EventEmitter {
    windowOpenHandler: OpenHandler | null = null;
    setWindowOpenHandler = vi.fn((handler: OpenHandler) => {
      this.windowOpenHandler = handler;
    });
  }

  class FakeApp extends EventEmitter {
    isPackaged = true;
    ready = false;
    gotLock = true;
    setPath = vi.fn();
    enableSandbox = vi.fn();
    requestSingleInstanceLock = vi.fn(() => this.gotLock);
    quit = vi.fn();
    exit = vi.fn();
    getName = () => 'koodrive-lock-admin';
    getVersion = () => '0.1.0';
    getLocale = vi.fn(() => 'en-US');
    getAppPath = () => '/opt/koodrive-lock-admin/resources/app.asar';
    setAboutPanelOptions = vi.fn();
    isReady = () => this.ready;
    whenReady = vi.fn(async () => {
      this.ready = true;
    });
  }

  const fakeApp = new FakeApp();

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    static getAllWindows = () => FakeBrowserWindow.instances.filter((w) => !w.destroyed);

    readonly webContents = new FakeWebContents();
    destroyed = false;
    minimized = false;
    maximized = false;
    loadFile = vi.fn<(file: string) => Promise<void>>(async () => {});
    loadURL = vi.fn<(url: string) => Promise<void>>(async () => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    maximize = vi.fn(() => {
      this.maximized = true;
    });
    setBackgroundColor = vi.fn();
    setProgressBar = vi.fn<(progress: number, options?: { mode: string }) => void>();
    focused = true;
    isFocused = () => this.focused;
    isMinimized = () => this.minimized;
    isMaximized = () => this.maximized;
    isDestroyed = () => this.destroyed;
    getNormalBounds = () => ({ x: 10, y: 20, width: 900, height: 700 });

    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
      fakeApp.emit('web-contents-created', {}, this.webContents);
    }
  }

  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle: vi.fn((channel: string, listener: Listener) => {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, listener);
    }),
  };

  const webRequest = { onHeadersReceived: vi.fn() };
  const defaultSession = {
    webRequest,
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    /** Electron's answer for the system proxy settings / PAC: "DIRECT" unless a test says otherwise. */
    resolveProxy: vi.fn<(url: string) => Promise<string>>(async () => 'DIRECT'),
  };
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
  const Menu = {
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
  };
  const shell = { openExternal: vi.fn<(url: string) => Promise<void>>(async () => {}) };
  const protocol = {
    handlers: new Map<string, Listener>(),
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: Listener) => {
      if (protocol.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
      protocol.handlers.set(scheme, handler);
    }),
  };
  const dialog = { showErrorBox: vi.fn() };

  class FakeNotification extends EventEmitter {
    static instances: FakeNotification[] = [];
    static supported = true;
    static isSupported = () => FakeNotification.supported;
    show = vi.fn();

    constructor(readonly options: { title: string; body: string }) {
      super();
      FakeNotification.instances.push(this);
    }
  }
  const contextBridge = { exposeInMainWorld: vi.fn() };
  const ipcRenderer = { invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args.length })) };
  const screen = {
    getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
  };

  function resetFakeElectron(): void {
    FakeBrowserWindow.instances = [];
    FakeNotification.instances = [];
    FakeNotification.supported = true;
    fakeApp.getLocale.mockImplementation(() => 'en-US');
    fakeApp.removeAllListeners();
    fakeApp.isPackaged = true;
    fakeApp.ready = false;
    fakeApp.gotLock = true;
    ipcMain.handlers.clear();
    protocol.handlers.clear();
    nativeTheme.removeAllListeners();
    nativeTheme.shouldUseDarkColors = false;
    vi.clearAllMocks();
    defaultSession.resolveProxy.mockImplementation(async () => 'DIRECT');
  }

  const electronModule = {
    app: fakeApp,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    ipcMain,
    session: { defaultSession },
    nativeTheme,
    Menu,
    shell,
    screen,
    protocol,
    dialog,
    contextBridge,
    ipcRenderer,
  };

  return {
    FakeWebContents,
    FakeBrowserWindow,
    FakeNotification,
    fakeApp,
    ipcMain,
    webRequest,
    defaultSession,
    nativeTheme,
    Menu,
    shell,
    screen,
    protocol,
    dialog,
    contextBridge,
    ipcRenderer,
    electronModule,
    resetFakeElectron,
  };
}

const store = globalThis as typeof globalThis & { __koodriveFakeElectron?: ReturnType<typeof createFake> };
const fake = (store.__koodriveFakeElectron ??= createFake());

export const {
  FakeWebContents,
  FakeBrowserWindow,
  FakeNotification,
  fakeApp,
  ipcMain,
  webRequest,
  defaultSession,
  nativeTheme,
  Menu,
  shell,
  screen,
  protocol,
  dialog,
  contextBridge,
  ipcRenderer,
  electronModule,
  resetFakeElectron,
} = fake;
export type FakeBrowserWindow = InstanceType<typeof fake.FakeBrowserWindow>;
export type FakeWebContents = InstanceType<typeof fake.FakeWebContents>;
export type FakeNotification = InstanceType<typeof fake.FakeNotification>;
