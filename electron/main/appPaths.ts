import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir } from '../core/profiles/dataDir';

export type PageSource = { kind: 'file'; file: string } | { kind: 'url'; url: string };

export interface AppPaths {
  dataDir: string;
  preload: string;
  page: PageSource;
  /** What senderPolicy and navigation accept as our own page. */
  allowedPage: string;
}

/**
 * Where everything is, from the built main bundle's folder (out/main): the preload in out/preload,
 * the page in out/renderer, or the dev server's URL when electron-vite dev runs an unpackaged app.
 */
export function appPaths(mainDir: string, isPackaged: boolean, env: NodeJS.ProcessEnv): AppPaths {
  // KOODRIVE_LOCK_ADMIN_DATA_DIR, when set, overrides the platform's folder.
  const dataDir = defaultDataDir(env);
  const preload = join(mainDir, '..', 'preload', 'index.js');
  const devUrl = !isPackaged ? env.ELECTRON_RENDERER_URL?.trim() : undefined;
  if (devUrl) return { dataDir, preload, page: { kind: 'url', url: devUrl }, allowedPage: new URL(devUrl).origin };
  const file = join(mainDir, '..', 'renderer', 'index.html');
  return { dataDir, preload, page: { kind: 'file', file }, allowedPage: pathToFileURL(file).href };
}
