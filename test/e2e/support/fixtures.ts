/**
 * Each test gets a fresh data folder and its own AppServices (real profile store, audit log and OS
 * keychain via keytar), the real IPC handlers, and a page of the built renderer whose
 * `window.lockAdmin` calls those handlers. The page must log no errors (CSP violations included)
 * and make no network requests of its own.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type TestInfo, test as base, expect } from '@playwright/test';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../../electron/core/sandbox/server';
import { type AppServices, createAppServices } from '../../../electron/ipc/appServices';
import { dispatch } from '../../../electron/ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { createHandlers } from '../../../electron/ipc/handlers';
import { type Handlers, METHOD_NAMES } from '../../../shared/contract';
import { installLockAdminBridge } from './bridge';
import { LockAdminPage } from './lockAdminPage';
import { type StaticServer, serveStatic } from './staticServer';

const RENDERER_DIR = path.resolve(__dirname, '..', '..', '..', 'out', 'renderer');

export interface E2eFixtures {
  dataDir: string;
  services: AppServices;
  handlers: Handlers;
  /** The app, loaded and ready, in this test's page. */
  app: LockAdminPage;
  /** Starts a KooDrive sandbox of the test's own on 127.0.0.1 (stopped after the test). */
  startKooDrive: (options?: SandboxOptions) => Promise<RunningSandbox>;
}

interface WorkerFixtures {
  rendererUrl: string;
}

/** with-keyring.mjs says whether its private keyring is up; without the wrapper there is no safe keychain. */
function requireKeyring(testInfo: TestInfo): void {
  const state = process.env.KOODRIVE_KEYRING;
  if (state === 'ready') return;
  if (state === 'absent') {
    testInfo.skip(
      true,
      `No keychain for the end-to-end tests: ${process.env.KOODRIVE_KEYRING_REASON ?? 'no reason given'}`,
    );
    return;
  }
  throw new Error(
    'The end-to-end tests use a real OS keychain. Run them as: node test/support/with-keyring.mjs npx playwright test',
  );
}

export const test = base.extend<E2eFixtures, WorkerFixtures>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        throw new Error(`${RENDERER_DIR}/index.html is missing. Build first: npx electron-vite build`);
      }
      const server: StaticServer = await serveStatic(RENDERER_DIR);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- as above
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  services: async ({ dataDir }, use, testInfo) => {
    requireKeyring(testInfo);
    const services = createAppServices({ dataDir });
    await use(services);
    // The keyring lives for the whole run: remove what this test stored.
    for (const profile of await services.profiles.list()) await services.secrets.delete(profile.id);
    await services.dispose();
  },

  handlers: async ({ services }, use) => {
    await use(createHandlers(services));
  },

  app: async ({ page, handlers, rendererUrl }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(rendererUrl) && !url.startsWith('data:')) problems.push(`request of its own: ${url}`);
    });
    await page.exposeBinding('__lockAdminInvoke', (_source, method: unknown, arg: unknown) =>
      dispatch(handlers, method, arg),
    );
    await page.addInitScript(installLockAdminBridge, [...METHOD_NAMES]);
    const response = await page.goto(rendererUrl);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const app = new LockAdminPage(page);
    await app.ready();
    await use(app);
    expect(problems, 'console errors, CSP violations or network requests made by the page').toEqual([]);
  },

  // eslint-disable-next-line no-empty-pattern -- as above
  startKooDrive: async ({}, use) => {
    const started: RunningSandbox[] = [];
    await use(async (options) => {
      const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, quiet: true, ...options });
      started.push(sandbox);
      return sandbox;
    });
    await Promise.all(started.map((sandbox) => sandbox.stop()));
  },
});

export { expect };
