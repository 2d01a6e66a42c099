import { join } from 'node:path';
import { type BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { TLS_OVERRIDE_MESSAGE, tlsVerificationDisabled } from '../core/koodrive/tlsEnvironment';
import type { AppServices } from '../app/services';
import type { Handlers } from '../../shared/contract';
import { isOwnPageUrl } from '../ipc/senderPolicy';
import { aboutPanelOptions } from './aboutPanel';
import { appFileHandler } from './appFileHandler';
import { appPaths } from './appPaths';
import { createBatchSignals } from './batchSignals';
import { createCloseGuard } from './closeGuard';
import { deferredHandlers } from './deferredHandlers';
import { discardQuestion } from './closeGuardTexts';
import { APP_SCHEME, registerAppScheme } from './appScheme';
import { contentSecurityPolicyFor, installContentSecurityPolicy } from './csp';
import { openDocLink } from './docLinks';
import { handleFatalErrors } from './fatalErrors';
import { registerIpc } from './ipcRegistration';
import { createMainLog, mirrorConsole } from './mainLog';
import { menuTemplate } from './menu';
import { restrictNavigation } from './navigation';
import { applyPermissionPolicy } from './permissions';
import { refusalMessage, refusedSwitches } from './refusedSwitches';
import { SELF_TEST_SWITCH, runSelfTest } from './selfTest';
import { createMainWindow } from './window';
import { createWindowKeeper } from './windowKeeper';
import { createWindowLanguage } from './windowLanguage';

const DISPOSE_TIMEOUT_MS = 5_000;

const paths = appPaths(import.meta.dirname, app.isPackaged, process.env);
const log = createMainLog(paths.dataDir);
mirrorConsole(log);
handleFatalErrors({ log, showErrorBox: (title, text) => dialog.showErrorBox(title, text), process });

// The app icon ships inside the package (electron-builder.json "files"); macOS takes the bundle's.
const iconPath = process.platform === 'darwin' ? undefined : join(app.getAppPath(), 'build', 'icon.png');

/** Set when start() begins to load the services (after the window opened); fails when they could not load. */
let servicesReady: Promise<AppServices> | null = null;
let disposed = false;

// Reached only through openDocLink, which passes nothing but the fixed DOC_LINKS URLs (docs/security.md).
const openExternal = (url: string) => /* eng-disable OPEN_EXTERNAL_JS_CHECK */ shell.openExternal(url);

/** The application menu in the window's language; rebuilt when the window's language changes. */
function installMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: app.getName(),
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        locale: windowLanguage.current(),
        openDoc: (url) => openDocLink(url, openExternal),
      }),
    ),
  );
}

const windowLanguage = createWindowLanguage({ systemLocale: () => app.getLocale(), onChange: installMenu });

const closeGuard = createCloseGuard<BrowserWindow>({
  async ask(win) {
    const question = discardQuestion(windowLanguage.current());
    const { response } = await dialog.showMessageBox(win, {
      type: 'question',
      title: question.title,
      message: question.message,
      detail: question.detail,
      buttons: question.buttons,
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0 ? 'discard' : 'cancel';
  },
  quit: () => app.quit(),
  log: (line) => log.write('warn', line),
});

const windows = createWindowKeeper(async () => {
  const win = await createMainWindow({
    preloadPath: paths.preload,
    page: paths.page,
    dataDir: paths.dataDir,
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
    iconPath,
  });
  closeGuard.attach(win);
  return win;
});

function showWindow(reason: string): void {
  if (!app.isReady()) return; // start() opens it once ready
  windows.ensureWindow().catch((error: unknown) => {
    console.error(`Could not open the window (${reason}):`, error instanceof Error ? error.message : String(error));
  });
}

/** The services and the IPC handlers over them: most of main's code, loaded once the window is open. */
async function loadServices(): Promise<{ services: AppServices; handlers: Handlers }> {
  const [{ createAppServices }, { createHandlers }] = await Promise.all([
    import('../app/services'),
    import('../ipc/handlers'),
  ]);
  const services = createAppServices({
    dataDir: paths.dataDir,
    // The OS proxy settings, PAC and WPAD, as Chromium resolves them: "DIRECT" or "PROXY host:port; …".
    resolveSystemProxy: (url) => session.defaultSession.resolveProxy(url),
    batchSignals: createBatchSignals({
      window: () => windows.current(),
      language: () => windowLanguage.current(),
      onNotificationClick: () => showWindow('batch notification'),
      log: (line) => log.write('warn', line),
    }),
    unsavedChanges: closeGuard,
    windowLanguage,
  });
  return { services, handlers: createHandlers(services) };
}

async function start(): Promise<void> {
  await app.whenReady();
  const policy = contentSecurityPolicyFor(app.isPackaged, paths.page.kind === 'url' ? paths.page.url : undefined);
  if (paths.page.kind === 'app') protocol.handle(APP_SCHEME, appFileHandler(paths.page.rendererDir, policy));
  installContentSecurityPolicy(session.defaultSession, policy, (url) => isOwnPageUrl(url, paths.allowedPage));
  applyPermissionPolicy(session.defaultSession, paths.allowedPage);
  app.setAboutPanelOptions(aboutPanelOptions(app.getVersion(), iconPath));

  // The window opens first and the services load while its page starts; IPC calls that come early wait.
  let windowOpened: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (windowOpened = resolve)).then(loadServices);
  loaded.catch(() => undefined); // start() reports a failure; calls that waited get it too
  servicesReady = loaded.then(({ services }) => services);
  servicesReady.catch(() => undefined);
  registerIpc(ipcMain, deferredHandlers(loaded.then(({ handlers }) => handlers)), paths.allowedPage, {
    isMainWindow: (sender) => sender === windows.current()?.webContents,
    log: (line) => log.write('warn', line),
  });

  installMenu();
  const win = await windows.ensureWindow();
  windowOpened();
  const { services } = await loaded;
  // Tightened folder/file modes are said once; a log that cannot be opened is said again on the first operation.
  services.audit.open().then(
    (notices) => notices.forEach((notice) => log.write('warn', notice)),
    (error: unknown) => log.write('error', `audit log: ${error instanceof Error ? error.message : String(error)}`),
  );
  if (tlsVerificationDisabled(process.env)) {
    // The transport refuses every request while this is set; the notice says why and what to do.
    console.error(TLS_OVERRIDE_MESSAGE);
    void dialog.showMessageBox(win, {
      type: 'error',
      title: 'KooDrive Lock Admin',
      message: 'Certificate checks are turned off by the environment: nothing will be sent.',
      detail: TLS_OVERRIDE_MESSAGE,
    });
  }
  console.info(`Started ${app.getName()} ${app.getVersion()} (Electron ${process.versions.electron ?? '?'}).`);
  if (process.argv.includes(SELF_TEST_SWITCH)) {
    const passed = await runSelfTest({ win, app, dataDir: paths.dataDir, page: paths.page.url });
    app.exit(passed ? 0 : 1);
  }
}

function run(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => showWindow('second instance'));
  app.on('activate', () => showWindow('activate'));
  app.on('web-contents-created', (_event, contents) => restrictNavigation(contents, paths.allowedPage, openExternal));
  app.on('before-quit', () => closeGuard.quitRequested());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (disposed || !servicesReady) return;
    event.preventDefault();
    disposed = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    void Promise.race([servicesReady.then((services) => services.dispose()), timeout])
      .catch((error: unknown) =>
        console.warn('Cleanup failed:', error instanceof Error ? error.message : String(error)),
      )
      .finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error('The app could not start:', message);
    dialog.showErrorBox('KooDrive Lock Admin could not start', `${message}\n\nDetails are in ${log.path}`);
    app.exit(1);
  });
}

const refused = app.isPackaged ? refusedSwitches(process.argv) : [];
if (refused.length > 0) {
  const message = refusalMessage(refused);
  console.error(message);
  dialog.showErrorBox('KooDrive Lock Admin did not start', message);
  app.exit(2);
} else {
  // Before the single-instance lock: the lock lives in userData, so separate data dirs run separately.
  app.setPath('userData', paths.dataDir);
  app.enableSandbox();
  registerAppScheme(protocol);
  run();
}
