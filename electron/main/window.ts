import { BrowserWindow, type Rectangle, nativeTheme } from 'electron';
import type { PageSource } from './appPaths';
import { DEFAULT_SIZE, MIN_SIZE, clampToDisplays, loadWindowState, saveWindowState } from './windowState';

export const APP_TITLE = 'KooDrive Lock Admin';
const BACKGROUND = { dark: '#1b1d21', light: '#ffffff' } as const;

export function backgroundColor(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

/**
 * The one window: every renderer hardening switch set explicitly, written out at the constructor so
 * that Electronegativity can read them, hidden until painted. `disableBlinkFeatures: 'Auxclick'`:
 * a middle-click cannot open a link in a new window (setWindowOpenHandler in navigation.ts would
 * deny it too). Reviewed Electronegativity finding (docs/security.md): PRELOAD_JS_CHECK asks for a
 * review of the preload: it exposes only the contract's functions.
 */
export function newMainWindow(preloadPath: string, bounds?: Rectangle, iconPath?: string): BrowserWindow {
  return new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_TITLE,
    show: false,
    backgroundColor: backgroundColor(),
    autoHideMenuBar: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export interface MainWindowDeps {
  preloadPath: string;
  page: PageSource;
  dataDir: string;
  workAreas: () => Rectangle[];
  /** The window icon (Linux and Windows; macOS takes the bundle's). */
  iconPath?: string;
}

/** Creates the main window where it was last time (if that is still on a display) and loads our page by URL. */
export async function createMainWindow(deps: MainWindowDeps): Promise<BrowserWindow> {
  const saved = await loadWindowState(deps.dataDir);
  const bounds = saved ? clampToDisplays(saved.bounds, deps.workAreas()) : undefined;
  const win = newMainWindow(deps.preloadPath, bounds, deps.iconPath);
  // maximize() before the page has painted would show the window early, blank.
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });

  const onTheme = () => {
    if (!win.isDestroyed()) win.setBackgroundColor(backgroundColor());
  };
  nativeTheme.on('updated', onTheme);
  win.on('close', () => {
    const state = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    saveWindowState(deps.dataDir, state).catch((error: unknown) => {
      console.warn('Could not save the window position:', error instanceof Error ? error.message : error);
    });
  });
  win.on('closed', () => nativeTheme.off('updated', onTheme));

  win.loadURL(deps.page.url).catch((error: unknown) => {
    console.error('Could not load the app page:', error instanceof Error ? error.message : String(error));
  });
  return win;
}
