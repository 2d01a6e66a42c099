import { BrowserWindow, type BrowserWindowConstructorOptions, type Rectangle, nativeTheme } from 'electron';
import type { PageSource } from './appPaths';
import { DEFAULT_SIZE, MIN_SIZE, clampToDisplays, loadWindowState, saveWindowState } from './windowState';

export const APP_TITLE = 'KooDrive Lock Admin';
const BACKGROUND = { dark: '#1b1d21', light: '#ffffff' } as const;

export function backgroundColor(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

/** The one window's options: every renderer hardening switch set explicitly, hidden until painted. */
export function windowOptions(preloadPath: string, bounds?: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: APP_TITLE,
    show: false,
    backgroundColor: backgroundColor(),
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
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
    },
  };
}

export interface MainWindowDeps {
  preloadPath: string;
  page: PageSource;
  dataDir: string;
  workAreas: () => Rectangle[];
}

/** Creates the main window where it was last time (if that is still on a display) and loads our page. */
export async function createMainWindow(deps: MainWindowDeps): Promise<BrowserWindow> {
  const saved = await loadWindowState(deps.dataDir);
  const bounds = saved ? clampToDisplays(saved.bounds, deps.workAreas()) : undefined;
  const win = new BrowserWindow(windowOptions(deps.preloadPath, bounds));
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

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

  const loading = deps.page.kind === 'file' ? win.loadFile(deps.page.file) : win.loadURL(deps.page.url);
  loading.catch((error: unknown) => {
    console.error('Could not load the app page:', error instanceof Error ? error.message : error);
  });
  return win;
}
