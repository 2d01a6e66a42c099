/**
 * The renderer as shipped: gzip size of the production bundle, and loads of the built page in Debian's
 * Chromium with window.lockAdmin routed to the real handlers (as in test/e2e), timed inside the page.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Page, chromium } from '@playwright/test';
import { createKeytarStore } from '../../electron/core/secrets/keytarStore';
import { createMemorySecretStore } from '../../electron/core/secrets/memorySecretStore';
import { createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { METHOD_NAMES } from '../../shared/contract';
import { installLockAdminBridge } from '../e2e/support/bridge';
import { fixtureLockId, generateAuditLog } from '../unit/core/history/auditFixtures';
import { serveStatic } from '../e2e/support/staticServer';
import { type Summary, summarize } from './support/stats';

const ROOT = path.resolve(__dirname, '..', '..');
const RENDERER_DIR = path.join(ROOT, 'out', 'renderer');
const HISTORY_SCREEN = path.join(ROOT, 'renderer', 'src', 'features', 'history', 'HistoryScreen.tsx');
/** The same flags as playwright.config.ts. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BundleFile {
  name: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded before the first screen: named by index.html or statically imported by a file that is. */
  firstScreen: boolean;
}

export interface RendererResult {
  files: BundleFile[];
  gzipTotal: number;
  rawTotal: number;
  /** gzip of the files with firstScreen: what the page loads before the lock screen shows. */
  gzipFirstScreen: number;
  load: Summary | null;
  loadProblem: string | null;
  keychain: 'keytar' | 'memory';
  chromium: string | null;
  history: HistoryResult;
}

export type HistoryResult =
  | { measured: false; reason: string }
  | {
      measured: true;
      entries: number;
      operations: number;
      /** First open with a fresh history index: reads and parses the whole audit log. */
      coldOpen: Summary;
      /** The first fresh-index open of the process: the log parser has not been compiled by V8 yet. */
      firstColdOpen: number;
      /** Opening it again: the index only checks the files. */
      warmOpen: Summary;
      /** From the filtered query being sent (after the screen's debounce) to the matching rows on screen. */
      filter: Summary;
      /** From the input event of the filter field to the matching rows on screen, debounce included. */
      filterFromInput: Summary;
      debounceMs: number;
    };

/** `./assets/x.js` in index.html (script, modulepreload, stylesheet), or `from"./x.js"` / `import"./x.js"` in a chunk. */
const HTML_ASSET = /(?:src|href)="\.\/assets\/([\w.-]+)"/g;
const STATIC_IMPORT = /\b(?:from|import)\s*"\.\/([\w.-]+)"/g;

/**
 * The files the page loads before its first screen: those index.html names and, transitively, the chunks they
 * import statically. A screen loaded with a dynamic import() (app/lazyScreens.ts) and its CSS are not among them.
 */
async function firstScreenNames(dir: string): Promise<Set<string>> {
  const html = await readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8');
  const found = new Set([...html.matchAll(HTML_ASSET)].map((match) => match[1]));
  const queue = [...found].filter((name) => name.endsWith('.js'));
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const code = await readFile(path.join(dir, name), 'utf8');
    for (const [, imported] of code.matchAll(STATIC_IMPORT)) {
      if (found.has(imported)) continue;
      found.add(imported);
      queue.push(imported);
    }
  }
  return found;
}

export async function bundleSize(): Promise<BundleFile[]> {
  const dir = path.join(RENDERER_DIR, 'assets');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.js') || name.endsWith('.css')).sort();
  if (names.length === 0) throw new Error(`${dir} has no .js or .css file: build first (npm run build)`);
  const first = await firstScreenNames(dir);
  const files: BundleFile[] = [];
  for (const name of names) {
    const bytes = await readFile(path.join(dir, name));
    files.push({ name, bytes: bytes.length, gzipBytes: gzipSync(bytes).length, firstScreen: first.has(name) });
  }
  return files;
}

/**
 * Runs in the page before its scripts: notes performance.now() when the lock ID input is first present
 * and enabled. Plain JavaScript text: a transpiled function could carry helpers (tsx adds __name calls)
 * that do not exist in the page.
 */
const WATCH_LOCK_FORM = `(() => {
  const ready = () => {
    const input = document.getElementById('lock-id');
    return input instanceof HTMLInputElement && !input.disabled && input.isConnected;
  };
  const observer = new MutationObserver(() => {
    if (window.__lockFormReadyAt === undefined && ready()) {
      window.__lockFormReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
})();`;

/** The screen's own debounce between the last keystroke in a filter field and the query. */
async function historyDebounceMs(): Promise<number | null> {
  const source = await readFile(HISTORY_SCREEN, 'utf8').catch(() => '');
  if (!/useHistoryRows|queryHistory/.test(source)) return null;
  const match = /FILTER_DEBOUNCE_MS\s*=\s*(\d+)/.exec(source);
  return match ? Number(match[1]) : 0;
}

/**
 * In the page: clicks the History item of the main navigation and resolves with the milliseconds until
 * the operation count and the first row are on screen (one animation frame after they are in the DOM).
 */
const OPEN_HISTORY = `new Promise((resolve, reject) => {
  const nav = document.querySelector('nav.nav');
  const button = nav && [...nav.querySelectorAll('button')].find((b) => b.textContent.trim() === 'History');
  if (!button) { reject(new Error('no History item in the main navigation')); return; }
  const shown = () => {
    const count = document.querySelector('.history-count');
    const row = document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]');
    return count !== null && /^[0-9,]+ operations?$/.test(count.textContent.trim()) &&
      row !== null && row.querySelector('.history-cell--loading') === null && row.textContent.trim() !== '';
  };
  const started = performance.now();
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no history rows within 20 s')); }, 20000);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - started));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  button.click();
})`;

/** In the page: back to the Locks screen. */
const OPEN_LOCKS = `(() => {
  const nav = document.querySelector('nav.nav');
  const button = nav && [...nav.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Locks');
  if (!button) throw new Error('no Locks item in the main navigation');
  button.click();
  return true;
})()`;

/** In the page: notes when a filtered queryHistory leaves for main (the bridge reads this binding per call). */
const NOTE_FILTERED_QUERIES = `(() => {
  if (window.__benchQueriesNoted) return true;
  const invoke = window.__lockAdminInvoke;
  window.__lockAdminInvoke = (method, arg) => {
    if (method === 'queryHistory' && arg && arg.filter && arg.filter.lockId) window.__benchQueryAt = performance.now();
    return invoke(method, arg);
  };
  window.__benchQueriesNoted = true;
  return window.__lockAdminInvoke !== invoke;
})()`;

/** In the page: types \`text\` into "Lock ID contains" (one input event) and times the rows that match it. */
function filterHistory(text: string): string {
  return `new Promise((resolve, reject) => {
  const text = ${JSON.stringify(text)};
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Lock ID contains');
  const input = label && document.getElementById(label.htmlFor);
  if (!(input instanceof HTMLInputElement)) { reject(new Error('no "Lock ID contains" field')); return; }
  const shown = () => {
    const count = document.querySelector('.history-count');
    const row = document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]');
    return count !== null && count.textContent.trim() === '1 operation' && row !== null && row.textContent.includes(text);
  };
  window.__benchQueryAt = undefined;
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no filtered rows within 20 s')); }, 20000);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => {
      const end = performance.now();
      resolve({ fromInput: end - typedAt, fromQuery: window.__benchQueryAt === undefined ? -1 : end - window.__benchQueryAt });
    });
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setValue.call(input, text);
  const typedAt = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
})`;
}

export async function measureRenderer(options: {
  loads: number;
  warmupLoads: number;
  sandboxUrl: string;
  sandboxUserId: string;
  timeLimitMs: number;
  historyColdOpens: number;
  historyFilters: number;
  historyTimeLimitMs: number;
}): Promise<RendererResult> {
  const files = await bundleSize();
  const debounceMs = await historyDebounceMs();
  const useKeytar = process.env.KOODRIVE_KEYRING === 'ready';
  const result: RendererResult = {
    files,
    gzipTotal: files.reduce((sum, file) => sum + file.gzipBytes, 0),
    rawTotal: files.reduce((sum, file) => sum + file.bytes, 0),
    gzipFirstScreen: files.reduce((sum, file) => sum + (file.firstScreen ? file.gzipBytes : 0), 0),
    load: null,
    loadProblem: null,
    keychain: useKeytar ? 'keytar' : 'memory',
    chromium: null,
    history: {
      measured: false,
      reason:
        'renderer/src/features/history/HistoryScreen.tsx is still a placeholder (it never asks for history rows).',
    },
  };

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-bench-ui-'));
  const secrets = useKeytar
    ? createKeytarStore({ service: 'koodrive-lock-admin-bench' })
    : createMemorySecretStore({ label: 'bench memory store (no keychain)' });
  const services = createAppServices({ dataDir, secrets });
  const server = await serveStatic(RENDERER_DIR);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  let profileId: string | null = null;
  try {
    // Replaced by a fresh set (with a fresh history index) for each cold open of the history.
    let handlers = createHandlers(services);
    const profile = await handlers.saveProfile({
      name: 'Bench sandbox',
      baseUrl: options.sandboxUrl,
      userId: options.sandboxUserId,
      authMode: 'bearer',
      moduleCode: '102',
    });
    profileId = profile.id;
    await handlers.setSecret({ profileId: profile.id, secret: 'bench-token-not-used' });

    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    result.chromium = browser.version();
    const context = await browser.newContext({ viewport: { width: 1024, height: 760 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.exposeBinding('__lockAdminInvoke', (_source, method: unknown, arg: unknown) =>
      dispatch(handlers, method, arg),
    );
    await page.addInitScript(installLockAdminBridge, [...METHOD_NAMES]);
    await page.addInitScript({ content: WATCH_LOCK_FORM });

    const samples: number[] = [];
    const deadline = performance.now() + options.timeLimitMs;
    for (let i = 0; i < options.warmupLoads + options.loads && performance.now() < deadline; i += 1) {
      await page.goto(server.url, { waitUntil: 'commit' });
      // A function, not a string: the page's CSP forbids evaluating strings inside it.
      await page.waitForFunction(
        () => (globalThis as { __lockFormReadyAt?: number }).__lockFormReadyAt !== undefined,
        undefined,
        { timeout: 10_000 },
      );
      const readyAt: unknown = await page.evaluate('window.__lockFormReadyAt');
      if (i === 0) {
        // The element the timer watched is the labelled, enabled lock ID field a user types into.
        const field = page.getByLabel('Lock ID', { exact: true });
        if (!(await field.isEnabled())) throw new Error('the Lock ID field is not enabled after the load');
      }
      if (i >= options.warmupLoads && typeof readyAt === 'number') samples.push(readyAt);
    }
    result.load = samples.length > 0 ? summarize(samples) : null;

    if (debounceMs !== null) {
      try {
        result.history = await measureHistory({
          dataDir,
          rendererUrl: server.url,
          page,
          freshHandlers: () => (handlers = createHandlers(services)),
          debounceMs,
          coldOpens: options.historyColdOpens,
          filters: options.historyFilters,
          deadline: performance.now() + options.historyTimeLimitMs,
        });
      } catch (error) {
        result.history = {
          measured: false,
          reason: `the measurement failed: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`,
        };
      }
    }
    await context.close();
  } catch (error) {
    result.loadProblem = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
  } finally {
    await browser?.close();
    await server.close();
    if (profileId) await secrets.delete(profileId).catch(() => false);
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
  return result;
}

const HISTORY_ENTRIES = 100_000;

async function waitForLockForm(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => (globalThis as { __lockFormReadyAt?: number }).__lockFormReadyAt !== undefined,
    undefined,
    { timeout: 10_000 },
  );
}

function number(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new Error(`${what}: no timing`);
  return value;
}

/** The history screen over an audit log of 100,000 entries (the e2e suite's fixture generator). */
async function measureHistory(options: {
  dataDir: string;
  rendererUrl: string;
  page: Page;
  freshHandlers: () => void;
  debounceMs: number;
  coldOpens: number;
  filters: number;
  deadline: number;
}): Promise<HistoryResult> {
  const { page } = options;
  const { text, operations } = generateAuditLog(HISTORY_ENTRIES);
  await writeFile(path.join(options.dataDir, 'audit.jsonl'), text, { mode: 0o600 });

  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < options.coldOpens && performance.now() < options.deadline; i += 1) {
    options.freshHandlers();
    await waitForLockForm(page, options.rendererUrl);
    cold.push(number(await page.evaluate(OPEN_HISTORY), 'cold open'));
    for (let again = 0; again < 2; again += 1) {
      await page.evaluate(OPEN_LOCKS);
      await page.getByLabel('Lock ID', { exact: true }).waitFor();
      warm.push(number(await page.evaluate(OPEN_HISTORY), 'warm open'));
    }
  }
  if (cold.length === 0) throw new Error('no time left to open the history');

  if (!(await page.evaluate(NOTE_FILTERED_QUERIES))) throw new Error('could not observe the history queries');
  const fromQuery: number[] = [];
  const fromInput: number[] = [];
  for (let i = 0; i < options.filters && performance.now() < options.deadline; i += 1) {
    // A different single operation each time, spread over the log, so no answer is a repeat.
    const op = Math.floor(((i + 0.5) * operations) / options.filters);
    const lockId = fixtureLockId(op);
    const timing: unknown = await page.evaluate(filterHistory(lockId.slice(lockId.indexOf('-8000-') + 1)));
    const { fromInput: input, fromQuery: query } = timing as { fromInput: unknown; fromQuery: unknown };
    fromInput.push(number(input, 'filter'));
    fromQuery.push(number(query, 'filter query'));
  }
  if (fromQuery.length === 0) throw new Error('no time left to filter the history');
  return {
    measured: true,
    entries: HISTORY_ENTRIES,
    operations,
    coldOpen: summarize(cold),
    firstColdOpen: cold[0],
    warmOpen: summarize(warm),
    filter: summarize(fromQuery),
    filterFromInput: summarize(fromInput),
    debounceMs: options.debounceMs,
  };
}
