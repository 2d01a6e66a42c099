import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../electron/main/appPaths';

const MAIN_DIR = '/opt/app/out/main';

describe('appPaths', () => {
  it('serves the built page from out/renderer over app:// and trusts exactly that page in production', () => {
    const paths = appPaths(MAIN_DIR, true, {
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
      KOODRIVE_LOCK_ADMIN_DATA_DIR: '/d',
    });
    expect(paths.page).toEqual({
      kind: 'app',
      rendererDir: join('/opt/app/out/renderer'),
      url: 'app://koodrive/index.html',
    });
    expect(paths.allowedPage).toBe('app://koodrive/index.html');
    expect(paths.preload).toBe(join('/opt/app/out/preload/index.js'));
  });

  it('uses the dev server only for an unpackaged app started with ELECTRON_RENDERER_URL', () => {
    const dev = appPaths(MAIN_DIR, false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(dev.page).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(dev.allowedPage).toBe('http://localhost:5173');
    expect(appPaths(MAIN_DIR, false, {}).page.kind).toBe('app');
  });

  it.each(['http://dev.example:5173/', 'https://dev.example.com:5173/', 'file:///tmp/index.html', 'not a url'])(
    'ignores a dev server URL that is not on this computer (%s)',
    (url) => {
      const paths = appPaths(MAIN_DIR, false, { ELECTRON_RENDERER_URL: url });
      expect(paths.page.kind).toBe('app');
      expect(paths.allowedPage).toBe('app://koodrive/index.html');
    },
  );

  it('honours KOODRIVE_LOCK_ADMIN_DATA_DIR', () => {
    expect(appPaths(MAIN_DIR, true, { KOODRIVE_LOCK_ADMIN_DATA_DIR: 'rel/dir' }).dataDir).toBe(resolve('rel/dir'));
    expect(appPaths(MAIN_DIR, true, { XDG_CONFIG_HOME: '/cfg' }).dataDir).toMatch(/koodrive-lock-admin$/);
  });
});
