/**
 * Each test gets a fresh data folder and its own AppServices (real profile store, audit log and OS
 * keychain via keytar), the real IPC handlers, and the app, loaded and ready, in one of two runtimes
 * (playwright.config.ts has one project for each; the specs are the same):
 * - `stand-in`: the built renderer in Debian's Chromium, served through main's own app:// handler
 *   with its CSP; `window.lockAdmin` calls the real handlers; main's permission handler and
 *   navigation guard decide what the page may do (support/standInPolicy.ts);
 * - `electron`: the built app in real Electron with the same data folder (skipped, with the reason,
 *   where no Electron binary is installed). Tests seed data through `handlers` in the test process;
 *   the app reads the same files and keychain after `page.reload()`.
 * The page must log no errors (CSP violations included) and make no network requests of its own.
 * docs/testing.md lists what still differs between the two.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { type ElectronApplication, type Page, type TestInfo, test as base, expect } from '@playwright/test';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../../electron/sandbox/server';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { APP_INDEX_URL, APP_ORIGIN } from '../../../electron/main/appScheme';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { type Handlers, METHOD_NAMES } from '../../../shared/contract';
import { installLockAdminBridge } from './bridge';
import { electronClipboard, keyboardClipboard } from './clipboard';
import { electronBinary, launchElectron } from './electronRuntime';
import { LockAdminPage } from './lockAdminPage';
import { type GuardRecord, applyMainNavigationGuard, applyMainPermissions } from './standInPolicy';
import { type StaticServer, serveStatic } from './staticServer';

const RENDERER_DIR = path.resolve(__dirname, '..', '..', '..', 'out', 'renderer');

export type Runtime = 'stand-in' | 'electron';

export interface E2eFixtures {
  dataDir: string;
  services: AppServices;
  handlers: Handlers;
  /** The real Electron app (electron runtime only; null in the stand-in). */
  electronApp: ElectronApplication | null;
  /** What main's navigation guard did in the stand-in (null in Electron, where main records nothing for tests). */
  guard: GuardRecord | null;
  /** The app, loaded and ready, in this test's page. */
  app: LockAdminPage;
  /** Starts a KooDrive sandbox of the test's own on 127.0.0.1 (stopped after the test). */
  startKooDrive: (options?: SandboxOptions) => Promise<RunningSandbox>;
}

interface WorkerFixtures {
  runtime: Runtime;
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

/** Collects console errors, uncaught errors and requests that leave the app's own files. */
function watchPage(page: Page, ownPrefixes: readonly string[]): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!ownPrefixes.some((prefix) => url.startsWith(prefix)) && !url.startsWith('data:')) {
      problems.push(`request of its own: ${url}`);
    }
  });
  return problems;
}

export const test = base.extend<E2eFixtures, WorkerFixtures>({
  runtime: ['stand-in', { option: true, scope: 'worker' }],

  rendererUrl: [
    async ({ runtime }, use) => {
      if (runtime === 'electron') {
        await use(`${APP_ORIGIN}/`);
        return;
      }
      if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
        throw new Error(`${RENDERER_DIR}/index.html is missing. Build first: npm run build`);
      }
      const server: StaticServer = await serveStatic(RENDERER_DIR);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  services: async ({ dataDir, runtime }, use, testInfo) => {
    if (runtime === 'electron') {
      const electron = electronBinary();
      testInfo.skip(!electron.ok, electron.ok ? '' : electron.reason);
    }
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

  electronApp: async ({ runtime, dataDir, services }, use, testInfo) => {
    void services; // started first: it skips the test when there is no binary or keychain
    if (runtime !== 'electron') {
      await use(null);
      return;
    }
    const electron = electronBinary();
    // A spec may bring its own `services`: skip here too, never fail, without a binary.
    testInfo.skip(!electron.ok, electron.ok ? '' : electron.reason);
    if (!electron.ok) return;
    const app = await launchElectron(electron.executable, dataDir);
    await use(app);
    await app.close();
  },

  // The base `context` (and so a browser) exists in the Electron project too: Playwright fixtures
  // cannot depend on another conditionally. It stays unused there.
  page: async ({ runtime, electronApp, context }, use) => {
    if (runtime === 'electron' && electronApp) {
      await use(await electronApp.firstWindow());
      return;
    }
    await use(await context.newPage());
  },

  guard: async ({ runtime, page, rendererUrl }, use) => {
    await use(runtime === 'stand-in' ? await applyMainNavigationGuard(page, rendererUrl) : null);
  },

  app: async ({ runtime, page, context, browser, handlers, rendererUrl, electronApp, guard }, use) => {
    const problems = watchPage(page, [rendererUrl]);
    if (runtime === 'electron' && electronApp) {
      await page.waitForURL(APP_INDEX_URL);
      const app = new LockAdminPage(page, electronClipboard(electronApp));
      await app.ready();
      await use(app);
    } else {
      await applyMainPermissions(browser, page);
      await page.exposeBinding('__lockAdminInvoke', (_source, method: unknown, arg: unknown) =>
        dispatch(handlers, method, arg),
      );
      await page.addInitScript(installLockAdminBridge, [...METHOD_NAMES]);
      const response = await page.goto(new URL('index.html', rendererUrl).href);
      expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      const app = new LockAdminPage(page, keyboardClipboard(context, page));
      await app.ready();
      await use(app);
    }
    // A navigation main's guard cancelled was answered locally (in Electron it is never requested).
    const cancelled = new Set((guard?.blockedNavigations ?? []).map((url) => `request of its own: ${url}`));
    expect(
      problems.filter((problem) => !cancelled.has(problem)),
      'console errors, CSP violations or network requests made by the page',
    ).toEqual([]);
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
