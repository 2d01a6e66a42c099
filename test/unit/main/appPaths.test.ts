import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/appPaths';

const MAIN_DIR = '/opt/app/out/main';

describe('appPaths', () => {
  it('loads the built page from out/renderer and trusts exactly that file in production', () => {
    const paths = appPaths(MAIN_DIR, true, {
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
      KOODRIVE_LOCK_ADMIN_DATA_DIR: '/d',
    });
    expect(paths.page).toEqual({ kind: 'file', file: join('/opt/app/out/renderer/index.html') });
    expect(paths.allowedPage).toBe('file:///opt/app/out/renderer/index.html');
    expect(paths.preload).toBe(join('/opt/app/out/preload/index.js'));
  });

  it('uses the dev server only for an unpackaged app started with ELECTRON_RENDERER_URL', () => {
    const dev = appPaths(MAIN_DIR, false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(dev.page).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(dev.allowedPage).toBe('http://localhost:5173');
    expect(appPaths(MAIN_DIR, false, {}).page.kind).toBe('file');
  });

  it('honours KOODRIVE_LOCK_ADMIN_DATA_DIR', () => {
    expect(appPaths(MAIN_DIR, true, { KOODRIVE_LOCK_ADMIN_DATA_DIR: 'rel/dir' }).dataDir).toBe(resolve('rel/dir'));
    expect(appPaths(MAIN_DIR, true, { XDG_CONFIG_HOME: '/cfg' }).dataDir).toMatch(/koodrive-lock-admin$/);
  });
});
