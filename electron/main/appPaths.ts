import { join } from 'node:path';
import { isLoopbackHost } from '../../shared/identifiers';
import { defaultDataDir } from '../core/profiles/dataDir';
import { APP_INDEX_URL } from './appScheme';

/** The built page served over app:// from `rendererDir`, or the electron-vite dev server. */
export type PageSource = { kind: 'app'; rendererDir: string; url: string } | { kind: 'url'; url: string };

export interface AppPaths {
  dataDir: string;
  preload: string;
  page: PageSource;
  /** What senderPolicy and navigation accept as our own page. */
  allowedPage: string;
}

/** A dev server URL is honoured only on this computer: a remote page must never get the preload. */
function devServerUrl(text: string | undefined): URL | null {
  if (!text) return null;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Where everything is, from the built main bundle's folder (out/main): the preload in out/preload,
 * the page in out/renderer served as app://koodrive/index.html, or the dev server's URL when
 * electron-vite dev runs an unpackaged app.
 */
export function appPaths(mainDir: string, isPackaged: boolean, env: NodeJS.ProcessEnv): AppPaths {
  // KOODRIVE_LOCK_ADMIN_DATA_DIR, when set, overrides the platform's folder.
  const dataDir = defaultDataDir(env);
  const preload = join(mainDir, '..', 'preload', 'index.js');
  const dev = !isPackaged ? devServerUrl(env.ELECTRON_RENDERER_URL?.trim()) : null;
  if (dev) return { dataDir, preload, page: { kind: 'url', url: dev.href }, allowedPage: dev.origin };
  const rendererDir = join(mainDir, '..', 'renderer');
  return { dataDir, preload, page: { kind: 'app', rendererDir, url: APP_INDEX_URL }, allowedPage: APP_INDEX_URL };
}
