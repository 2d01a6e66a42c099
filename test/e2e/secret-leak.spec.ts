/**
 * Proof, through the real UI, that the secret does not leak: recognisable secrets ("LEAKCANARY-...") for
 * bearer and for app mode are typed into the profile editor, and every feature is used: profiles (with the
 * advanced network section), release/renew/create with success and failure, copy, the sandbox, batch with
 * CSV export, history with details, copy and CSV export, diagnostics. Then the secrets, and the HMAC
 * signatures of the requests sent, must be in no IPC result, not in the DOM or any input's value, not in
 * localStorage/sessionStorage/IndexedDB/cookies, not in what was copied (navigator.clipboard.writeText is
 * recorded by an init script), not in downloads, console messages or any file of the data folder and HOME.
 *   npx electron-vite build && node test/support/with-keyring.mjs npx playwright test test/e2e/secret-leak.spec.ts --output=/tmp/pw-leak
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Handlers } from '../../shared/contract';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import type { HttpRequest, Transport } from '../../electron/core/koodrive/transport';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { createHandlers } from '../../electron/ipc/handlers';
import { toIpcError } from '../../electron/ipc/toIpcError';
import { createTestCa } from '../support/testCa';
import { test as base, expect } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';

const TOKEN = `LEAKCANARY-bearer-${randomBytes(12).toString('hex')}`;
const APP_SECRET = `LEAKCANARY-app-${randomBytes(12).toString('hex')}`;
const NEEDLES = [TOKEN, APP_SECRET].flatMap((secret) => [
  secret,
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('hex'),
  encodeURIComponent(secret),
]);

interface LeakRecorder {
  /** JSON of every IPC result the page received (what dispatch would return). */
  ipcResults: string[];
  /** Every Authorization header sent to a server. */
  authorizations: string[];
  /** Downloaded files' text. */
  downloads: string[];
  consoleMessages: string[];
}

/**
 * Runs in the page before its own scripts (the test's tsconfig has no DOM types, hence a string): records
 * what the app copies with navigator.clipboard.writeText, and still copies it.
 */
const RECORD_CLIPBOARD = `(() => {
  const copied = [];
  Object.defineProperty(window, '__copiedTexts', { value: copied });
  const clipboard = navigator.clipboard;
  if (!clipboard) return;
  const original = clipboard.writeText ? clipboard.writeText.bind(clipboard) : null;
  clipboard.writeText = async (text) => {
    copied.push(String(text));
    try {
      if (original) await original(text);
    } catch {
      // Headless Chromium may refuse the real clipboard; the recorded text is what matters.
    }
  };
})();`;

/** Evaluated in the page: input values, both storages, IndexedDB names, copied text, the title. */
const PAGE_STATE = `(async () => {
  const storage = (store) =>
    Array.from({ length: store.length }, (_, index) => store.key(index) + '=' + store.getItem(store.key(index)));
  const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  return {
    values: Array.from(document.querySelectorAll('input, textarea, select')).map((element) => element.value),
    local: storage(localStorage),
    session: storage(sessionStorage),
    databases: databases.map((database) => database.name || ''),
    copied: window.__copiedTexts || [],
    title: document.title,
  };
})()`;

interface PageState {
  values: string[];
  local: string[];
  session: string[];
  databases: string[];
  copied: string[];
  title: string;
}

const test = base.extend<{ leak: LeakRecorder }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  leak: async ({}, use) => {
    await use({ ipcResults: [], authorizations: [], downloads: [], consoleMessages: [] });
  },

  page: async ({ page, leak }, use) => {
    await page.addInitScript({ content: RECORD_CLIPBOARD });
    page.on('console', (message) => leak.consoleMessages.push(message.text()));
    await use(page);
  },

  services: async ({ dataDir, leak }, use, testInfo) => {
    if (process.env.KOODRIVE_KEYRING !== 'ready') {
      testInfo.skip(true, `No keychain: ${process.env.KOODRIVE_KEYRING_REASON ?? 'run through with-keyring.mjs'}`);
    }
    const real = createHttpTransport();
    const recording: Transport = (request: HttpRequest) => {
      const header = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization');
      if (header) leak.authorizations.push(header[1]);
      return real(request);
    };
    const services: AppServices = createAppServices({ dataDir, transport: recording, env: {} });
    await use(services);
    for (const profile of await services.profiles.list()) await services.secrets.delete(profile.id);
    await services.dispose();
    real.close();
  },

  handlers: async ({ services, leak }, use) => {
    const real = createHandlers(services);
    const recorded = Object.fromEntries(
      Object.entries(real).map(([method, handler]) => [
        method,
        async (arg: unknown) => {
          try {
            const value: unknown = await (handler as (arg: unknown) => Promise<unknown>)(arg);
            leak.ipcResults.push(JSON.stringify({ ok: true, value }));
            return value;
          } catch (error) {
            leak.ipcResults.push(JSON.stringify({ ok: false, error: toIpcError(error) }));
            throw error;
          }
        },
      ]),
    ) as unknown as Handlers;
    await use(recorded);
  },
});

function hits(texts: readonly string[], needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const needle of needles)
      if (text.includes(needle)) found.push(`${needle.slice(0, 24)}… in ${text.slice(0, 200)}`);
  }
  return found;
}

async function filesWith(dir: string, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    const bytes = await readFile(path.join(dir, String(name))).catch(() => Buffer.alloc(0));
    for (const needle of needles) if (bytes.includes(needle)) found.push(`${name} contains ${needle.slice(0, 24)}…`);
  }
  return found;
}

/** Everything the page holds that could carry a secret: DOM, input values, storage, copied text. */
async function pageTexts(page: Page): Promise<string[]> {
  const dom = await page.content();
  const state = (await page.evaluate(PAGE_STATE)) as PageState;
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`);
  return [
    dom,
    state.title,
    ...state.values,
    ...state.local,
    ...state.session,
    ...state.databases,
    ...state.copied,
    ...cookies,
  ];
}

async function copiedTexts(page: Page): Promise<string[]> {
  return ((await page.evaluate('window.__copiedTexts || []')) as string[]).map(String);
}

async function nav(app: LockAdminPage, name: string): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}

async function download(app: LockAdminPage, leak: LeakRecorder, button: string): Promise<string> {
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.button(button).click()]);
  const text = await readFile(await file.path(), 'utf8');
  leak.downloads.push(text);
  return text;
}

/** The final search, shared by both tests. */
async function expectNoLeak(app: LockAdminPage, leak: LeakRecorder, dataDir: string): Promise<void> {
  const signatures = leak.authorizations.flatMap((header) => /Signature=([0-9a-f]{64})/.exec(header)?.[1] ?? []);
  const texts = await pageTexts(app.page);
  expect(leak.ipcResults.length).toBeGreaterThan(5);
  expect(hits(leak.ipcResults, NEEDLES), 'IPC results').toEqual([]);
  expect(hits(leak.ipcResults, signatures), 'request signatures in IPC results').toEqual([]);
  expect(hits(texts, NEEDLES), 'DOM, input values, storage, cookies, copied text').toEqual([]);
  expect(hits(texts, signatures), 'request signatures in the page').toEqual([]);
  expect(hits(leak.downloads, NEEDLES), 'downloads').toEqual([]);
  expect(hits(leak.consoleMessages, NEEDLES), 'console').toEqual([]);
  expect(await filesWith(dataDir, NEEDLES), 'files in the data folder').toEqual([]);
  const home = process.env.HOME;
  if (home && process.env.KOODRIVE_USE_SESSION_KEYRING !== '1') {
    expect(await filesWith(home, NEEDLES), 'files in the temporary HOME (keyring included)').toEqual([]);
  }
}

test('profiles, locks, sandbox, batch and history: the secrets appear nowhere', async ({
  app,
  leak,
  services,
  dataDir,
  startKooDrive,
}) => {
  test.setTimeout(120_000);
  const sandbox = await startKooDrive({ seedLocks: 0, credentials: { token: TOKEN, appSecret: APP_SECRET } });
  const stuck = () => sandbox.addLock('555');
  const ca = await createTestCa();

  await test.step('profiles: bearer with the advanced network section, and app mode', async () => {
    await app.button('Add a KooDrive profile').click();
    await app.fillProfile({
      name: 'Leak bearer',
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      secret: TOKEN,
    });

    await app.page.getByText('Proxy and CA certificate').click();
    await app.field('HTTP proxy').fill('http://user:pw@127.0.0.1:3128');
    await app.field('HTTP proxy').blur();
    await expect(app.page.getByText(/Remove the user name and password from the proxy URL/)).toBeVisible();
    await expect(app.field('HTTP proxy')).toHaveAttribute('aria-invalid', 'true');
    await app.field('HTTP proxy').fill('');
    await app.page.getByLabel('Load from file…').setInputFiles({
      name: 'corp-ca.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(ca.certPem),
    });
    await expect(app.page.getByText('Loaded corp-ca.pem. Save the profile to keep it.')).toBeVisible();
    await expect(app.page.getByText('1 extra CA certificate')).toBeVisible();
    await app.screenshot('profile-network');
    await app.button('Save profile').click();
    await expect(app.page.getByText('Profile “Leak bearer” saved.')).toBeVisible();
    const saved = (await services.profiles.list()).find((profile) => profile.name === 'Leak bearer');
    expect(saved?.caPem).toBe(ca.certPem.trim());
    expect(saved?.proxyUrl).toBeUndefined();

    await app.button('Add profile').click();
    await app.field('Name').fill('Leak app');
    await app.field('Base URL').fill(sandbox.url);
    await app.field('User ID').fill(sandbox.credentials.userId);
    await app.page.getByRole('radio', { name: /App ID and app secret/ }).check();
    await app.field('App ID').fill(sandbox.credentials.appId);
    await app.field('App secret').fill(APP_SECRET);
    await app.button('Save profile').click();
    await expect(app.page.getByText('Profile “Leak app” saved.')).toBeVisible();
    await expect(app.field('App secret')).toHaveValue('');
  });

  await test.step('locks: release, renew, create, failures, copy details — in both modes', async () => {
    for (const name of ['Leak bearer', 'Leak app']) {
      await nav(app, 'Locks');
      await app.field('Profile').selectOption({ label: name });
      await app.release(stuck());
      await expect(app.resultHeading()).toHaveText('Released');
      await app.button('Copy details').click();

      await app.release('unknown-lock@555');
      await expect(app.resultHeading()).not.toHaveText('Released');

      sandbox.setFault({ kind: 'status', status: 401 }, 1);
      await app.release(stuck());
      await app.button('Copy details').click();

      const lockId = stuck();
      await app.lockIdInput.fill(lockId);
      await app.button('Renew lock…').click();
      await app.dialog.getByRole('button', { name: 'Renew lock' }).click();
      await expect(app.resultHeading()).toHaveText('Renewed');

      await app.page.getByText('Create a lock', { exact: true }).click();
      await app.button('Create lock…').click();
      await app.dialog.getByRole('button', { name: 'Create lock' }).click();
      await expect(app.resultHeading()).toBeVisible();
      await app.button('Copy details').click();
    }
    expect((await copiedTexts(app.page)).length).toBeGreaterThanOrEqual(6);
  });

  await test.step('the embedded sandbox: start and stop', async () => {
    await nav(app, 'Locks');
    const start = app.page.getByRole('button', { name: 'Start sandbox' });
    if (await start.isVisible()) {
      await start.click();
      await expect(app.page.getByRole('button', { name: 'Stop sandbox' })).toBeVisible();
      await app.page.getByRole('button', { name: 'Stop sandbox' }).click();
    } else {
      expect(leak.ipcResults.some((json) => json.includes('"running"'))).toBe(true);
    }
  });

  await test.step('batch: release, results, CSV export', async () => {
    await nav(app, 'Batch');
    await app.field('Profile').selectOption({ label: 'Leak app' });
    await app.field('User and lock IDs').fill([stuck(), stuck(), 'unknown-lock@555', stuck()].join('\n'));
    await app.page.getByLabel('Accept IDs without the usual shape').check();
    await app.button('Release 4 locks…').click();
    await app.dialog.getByRole('button', { name: 'Release 4 locks' }).click();
    await expect(app.page.getByText(/^Finished: 3 released, 1 already gone, 0 to retry, 0 need a fix\./)).toBeVisible();
    const csv = await download(app, leak, 'Export CSV');
    expect(csv).toContain('unknown-lock@555');
  });

  await test.step('history: rows, details, copy, CSV export', async () => {
    await nav(app, 'History');
    await expect(app.page.getByText(/^\d+ operations$/)).toBeVisible();
    const grid = app.page.getByRole('grid', { name: 'Lock operations, newest first' });
    await grid.getByRole('row').nth(1).click();
    await app.button('Show details').click();
    await expect(app.dialog).toBeVisible();
    await app.dialog.getByRole('button', { name: 'Copy details' }).click();
    await app.dialog.getByRole('button', { name: 'Close' }).click();
    const csv = await download(app, leak, 'Export CSV');
    expect(csv.split('\n').length).toBeGreaterThan(10);
    await app.screenshot('secret-leak-history');
  });

  expect(leak.authorizations).toContain(`Bearer ${TOKEN}`);
  expect(leak.authorizations.some((header) => header.includes('Signature='))).toBe(true);
  await expectNoLeak(app, leak, dataDir);
});

test('diagnostics: request preview (copy as cURL), clock and connection checks: the secrets appear nowhere', async ({
  app,
  leak,
  handlers,
  dataDir,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 0, credentials: { token: TOKEN, appSecret: APP_SECRET } });
  for (const [name, authMode, secret] of [
    ['Leak bearer', 'bearer', TOKEN],
    ['Leak app', 'app', APP_SECRET],
  ] as const) {
    const profile = await handlers.saveProfile({
      name,
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode,
      moduleCode: '102',
      ...(authMode === 'app' ? { appId: sandbox.credentials.appId } : {}),
    });
    await handlers.setSecret({ profileId: profile.id, secret });
    // A real request first, so that there is a signature that must not show up on the diagnostics screen.
    await handlers.releaseLock({ profileId: profile.id, lockId: sandbox.addLock('555') });
  }
  await app.page.reload();
  await app.ready();

  for (const name of ['Leak bearer', 'Leak app']) {
    await nav(app, 'Diagnostics');
    await expect(app.page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
    await app.field('Profile').selectOption({ label: name });
    await app.field('Lock ID').fill(sandbox.addLock('555'));
    await app.button('Show request').click();
    await expect(app.page.getByText('cURL command', { exact: true })).toBeVisible();
    await app.button('Copy as cURL').click();
    await app.button('Check clock').click();
    await expect(app.page.getByText('Server (Date header, UTC)')).toBeVisible();
    await app.button('Check connection').click();
    await expect(app.page.getByText(`Checked ${new URL(sandbox.url).host}.`)).toBeVisible();
  }
  expect((await copiedTexts(app.page)).join('\n')).toMatch(/curl/);
  await app.screenshot('secret-leak-diagnostics');
  await expectNoLeak(app, leak, dataDir);
});
