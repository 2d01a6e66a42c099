import { BrowserWindow, Menu, app, ipcMain, protocol, screen, session, shell } from 'electron';
import { createAppServices } from '../ipc/appServices';
import type { AppServices } from '../ipc/appServices';
import { createHandlers } from '../ipc/handlers';
import { isOwnPageUrl } from '../ipc/senderPolicy';
import { appFileHandler } from './appFileHandler';
import { appPaths } from './appPaths';
import { APP_SCHEME, registerAppScheme } from './appScheme';
import { contentSecurityPolicyFor, installContentSecurityPolicy } from './csp';
import { openDocLink } from './docLinks';
import { registerIpc } from './ipcRegistration';
import { menuTemplate } from './menu';
import { restrictNavigation } from './navigation';
import { denyAllPermissions } from './permissions';
import { createMainWindow } from './window';

const DISPOSE_TIMEOUT_MS = 5_000;

const paths = appPaths(import.meta.dirname, app.isPackaged, process.env);
// Before the single-instance lock: the lock lives in userData, so separate data dirs run separately.
app.setPath('userData', paths.dataDir);
app.enableSandbox();
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let disposed = false;

// Reached only through openDocLink, which passes nothing but the fixed DOC_LINKS URLs (docs/security.md).
const openExternal = (url: string) => /* eng-disable OPEN_EXTERNAL_JS_CHECK */ shell.openExternal(url);

async function openMainWindow(): Promise<void> {
  mainWindow = await createMainWindow({
    preloadPath: paths.preload,
    page: paths.page,
    dataDir: paths.dataDir,
    workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  const policy = contentSecurityPolicyFor(app.isPackaged, paths.page.kind === 'url' ? paths.page.url : undefined);
  if (paths.page.kind === 'app') protocol.handle(APP_SCHEME, appFileHandler(paths.page.rendererDir, policy));
  installContentSecurityPolicy(session.defaultSession, policy, (url) => isOwnPageUrl(url, paths.allowedPage));
  denyAllPermissions(session.defaultSession);

  services = createAppServices({ dataDir: paths.dataDir });
  registerIpc(ipcMain, createHandlers(services), paths.allowedPage);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        appName: app.getName(),
        isMac: process.platform === 'darwin',
        isPackaged: app.isPackaged,
        openDoc: (url) => openDocLink(url, openExternal),
      }),
    ),
  );
  await openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => restrictNavigation(contents, paths.allowedPage, openExternal));
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) {
      openMainWindow().catch((error: unknown) =>
        console.error('Could not open the window:', error instanceof Error ? error.message : error),
      );
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    void Promise.race([services.dispose(), timeout])
      .catch((error: unknown) => console.warn('Cleanup failed:', error instanceof Error ? error.message : error))
      .finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    console.error('The app could not start:', error instanceof Error ? error.message : error);
    app.exit(1);
  });
}
