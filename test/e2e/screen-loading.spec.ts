/**
 * The screens after the first one are chunks of their own (renderer/src/app/lazyScreens.ts): they are fetched
 * once the page is idle, so a first visit draws the screen at once, without the "Loading…" placeholder that
 * a chunk still on its way shows. Before, React.lazy + Suspense held each first visit back by up to 300 ms
 * after the chunk had arrived (docs/renderer.md, "Loading").
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { en } from '../../renderer/src/i18n/en';
import { expect, test } from './support/fixtures';

const ASSETS = path.resolve(__dirname, '..', '..', 'out', 'renderer', 'assets');
/** docs/benchmarks.md: the JS + CSS before the lock screen, gzip. */
const FIRST_SCREEN_BUDGET = 120_000;

/** The files index.html names and, transitively, the chunks they import statically (as test/bench/renderer.ts). */
async function firstScreenFiles(): Promise<string[]> {
  const html = await readFile(path.join(ASSETS, '..', 'index.html'), 'utf8');
  const found = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([\w.-]+)"/g)].map((match) => match[1] ?? ''));
  const queue = [...found].filter((name) => name.endsWith('.js'));
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    const code = await readFile(path.join(ASSETS, name), 'utf8');
    for (const [, imported = ''] of code.matchAll(/\b(?:from|import)\s*"\.\/([\w.-]+)"/g)) {
      if (found.has(imported)) continue;
      found.add(imported);
      queue.push(imported);
    }
  }
  return [...found];
}

const SCREEN_CHUNKS = [
  'BatchScreen',
  'DiagnosticsScreen',
  'HistoryScreen',
  'InspectScreen',
  'ProfilesScreen',
  'SettingsScreen',
];

/** In the page: the screen chunks fetched so far, by name. */
const FETCHED_CHUNKS = `performance.getEntriesByType('resource')
  .map((entry) => entry.name.split('/').pop().split('-')[0])`;

/** In the page: from now on, notes whether the loading placeholder ever appears in <main>. */
const WATCH_PLACEHOLDER = `(() => {
  window.__placeholderSeen = false;
  new MutationObserver(() => {
    if (document.querySelector('main .loading')) window.__placeholderSeen = true;
  }).observe(document.body, { childList: true, subtree: true });
})()`;

test('the other screens are fetched while the page is idle and open without a placeholder', async ({ app }) => {
  const { page } = app;
  await app.ready();
  await expect
    .poll(async () => (await page.evaluate(FETCHED_CHUNKS)) as string[], { timeout: 15_000 })
    .toEqual(expect.arrayContaining(SCREEN_CHUNKS));

  await page.evaluate(WATCH_PLACEHOLDER);
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
  for (const screen of [en['nav.history'], en['nav.batch'], en['nav.diagnostics'], en['nav.profiles']]) {
    await nav(screen).click();
    await expect(nav(screen)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('main h2, main h1').first()).toBeVisible();
  }
  expect(await page.evaluate('window.__placeholderSeen')).toBe(false);
});

test('a screen whose chunk is still on its way shows the placeholder, then the screen', async ({ app }) => {
  const { page } = app;
  // The first page's own idle fetches are over before the route is set: only the reloaded page's fetch is held.
  await expect
    .poll(async () => (await page.evaluate(FETCHED_CHUNKS)) as string[], { timeout: 15_000 })
    .toEqual(expect.arrayContaining(SCREEN_CHUNKS));
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(/HistoryScreen-[^/]*\.js$/, async (route) => {
    held += 1;
    await released;
    await route.fallback();
  });
  await page.reload();
  await app.ready();
  await expect.poll(() => held, { timeout: 15_000 }).toBe(1);
  await page.getByRole('navigation').getByRole('button', { name: en['nav.history'], exact: true }).click();
  await expect(page.locator('main .loading')).toHaveText(en['app.loading']);
  release();
  await expect(page.locator('.history-count')).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
});

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a test uses from this pattern: none
test('the first screen stays within its budget and carries no Chinese table (both load with the language)', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'stand-in', 'checks the built files once, in the stand-in project');
  let gzipBytes = 0;
  for (const name of await firstScreenFiles()) {
    const bytes = await readFile(path.join(ASSETS, name));
    gzipBytes += gzipSync(bytes).length;
    // A zh-CN remedy (shared/messages/remedies.zhCN.ts) and a zh-CN label of the window (renderer/src/i18n/zhCN.ts).
    expect(bytes.toString('utf8'), name).not.toContain('拒绝释放此备份锁');
    expect(bytes.toString('utf8'), name).not.toContain('备份锁管理');
  }
  expect(gzipBytes).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
});
