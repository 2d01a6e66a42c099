/**
 * Diagnostics' "Run all checks": the summary at the top (in the first viewport at 1,280×800, focused and
 * announced), folding sections (failed open, passed folded, by keyboard too), in English and Chinese.
 */
import type { Locator, Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { zhCN } from '../../renderer/src/i18n/zhCN';
import { expect, test } from './support/fixtures';
import { saveSandboxAppProfile, saveSandboxProfile } from './support/profiles';
import { blockingAxeFindings } from './support/axe';

const MINUTE = 60_000;
const VIEWPORT = { width: 1280, height: 800 };

async function openDiagnostics(page: Page, title = 'Diagnostics'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** A section's disclosure button (its title). */
function toggle(page: Page, title: string): Locator {
  return page.getByRole('button', { name: title, exact: true });
}

function results(page: Page, label = 'Check results'): Locator {
  return page.getByRole('list', { name: label });
}

function summaryRow(page: Page, check: string, label?: string): Locator {
  return results(page, label)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: check, exact: true }) });
}

function step(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Connection checks' }).getByRole('listitem').filter({ hasText: name });
}

async function pageHeight(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollHeight'));
}

async function scrollTop(page: Page): Promise<number> {
  return Number(await page.evaluate('window.scrollY'));
}

/** A control's computed background colour (the test's tsconfig has no DOM types, so the page's own call). */
interface StyleReader {
  getComputedStyle(element: unknown): { backgroundColor: string };
}
async function background(locator: Locator): Promise<string> {
  return locator.evaluate(
    (element) => (globalThis as unknown as StyleReader).getComputedStyle(element).backgroundColor,
  );
}

test('both checks pass: the summary is in the first viewport and focused, the passed sections fold', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  const { page } = app;
  await page.setViewportSize(VIEWPORT);
  await page.reload();
  await app.ready();
  await openDiagnostics(page);

  // Before a run the checks are folded; their own buttons stay in reach, and only "Run all checks" is primary.
  const heightBefore = await pageHeight(page);
  await expect(toggle(page, 'Clock')).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 'Connection')).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 'Request preview')).toHaveAttribute('aria-expanded', 'true');
  await expect(app.button('Check clock')).toBeVisible();
  await expect(app.button('Check connection')).toBeVisible();
  const primary = await background(app.button('Run all checks'));
  for (const secondary of ['Check clock', 'Check connection', 'Show request']) {
    expect(await background(app.button(secondary))).not.toBe(primary);
  }

  await app.button('Run all checks').click();
  await expect(results(page)).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'All 2 checks ran: 2 passed, 0 skipped.' })).toBeVisible();
  await expect(summaryRow(page, 'Clock')).toContainText('Passed');
  await expect(summaryRow(page, 'Clock')).toContainText('This computer’s clock agrees with the server’s.');
  await expect(summaryRow(page, 'Connection')).toContainText('Passed');
  await expect(summaryRow(page, 'Connection')).toContainText('Every check passed.');
  expect(sandbox.received().at(-1)).toMatchObject({ method: 'GET', outcome: 'listed-records' });

  // Without scrolling: the whole summary is inside the first 800 px.
  const box = await results(page).boundingBox();
  expect(box).not.toBeNull();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
  expect(await scrollTop(page)).toBe(0);

  // Passed: folded, with their outcome on the title line.
  await expect(toggle(page, 'Clock')).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 'Connection')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { name: 'The clocks agree' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Clock' })).toContainText('Passed');
  const heightAfter = await pageHeight(page);
  test.info().annotations.push({
    type: 'page height at 1280×800',
    description: `before the run ${heightBefore} px, after it ${heightAfter} px`,
  });
  expect(heightAfter).toBeLessThan(1600);
  await app.screenshot('diagnostics-run-all-passed');
  expect(await blockingAxeFindings(page)).toEqual([]);

  // A summary link unfolds its section and moves focus to it.
  await results(page).getByRole('link', { name: 'Connection' }).click();
  await expect(toggle(page, 'Connection')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'Connection')).toBeFocused();
  await expect(step(page, 'Authenticated read-only call')).toContainText('Passed');

  // The keyboard folds and unfolds sections.
  await page.keyboard.press('Enter');
  await expect(toggle(page, 'Connection')).toHaveAttribute('aria-expanded', 'false');
  await expect(step(page, 'Authenticated read-only call')).toBeHidden();
  await page.keyboard.press('Space');
  await expect(toggle(page, 'Connection')).toHaveAttribute('aria-expanded', 'true');
  await expect(step(page, 'Authenticated read-only call')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(app.button('Check clock')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(toggle(page, 'Clock')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toggle(page, 'Clock')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: 'The clocks agree' })).toBeVisible();
});

test('a refused secret: the clock passes and folds, the connection fails and stays open at its failed step', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxAppProfile(handlers, sandbox, { secret: 'not-the-app-secret' });
  const { page } = app;
  await page.setViewportSize(VIEWPORT);
  await page.reload();
  await app.ready();
  await openDiagnostics(page);

  await app.button('Run all checks').click();
  await expect(results(page)).toBeFocused();
  await expect(
    page.getByRole('status').filter({
      hasText: '2 checks ran: 1 failed, 1 passed, 0 skipped. The sections of the failed checks are open.',
    }),
  ).toBeVisible();
  await expect(summaryRow(page, 'Clock')).toContainText('Passed');
  await expect(summaryRow(page, 'Connection')).toContainText('Failed');
  await expect(summaryRow(page, 'Connection')).toContainText(
    'The check “Authenticated read-only call” failed; the later checks were skipped.',
  );
  await expect(toggle(page, 'Clock')).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 'Connection')).toHaveAttribute('aria-expanded', 'true');
  await expect(step(page, 'Authenticated read-only call')).toContainText('Failed');
  await expect(step(page, 'Authenticated read-only call')).toContainText('What to do:');
  const box = await results(page).boundingBox();
  expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
  expect(sandbox.received().at(-1)).toMatchObject({ method: 'GET' });
  expect(sandbox.received().at(-1)?.outcome).not.toBe('listed-records');
  await app.screenshot('diagnostics-run-all-failed');
  expect(await blockingAxeFindings(page)).toEqual([]);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a clock 20 minutes behind: both checks fail, said in Chinese, axe clean', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    // The sandbox's clock is 20 minutes ahead of this computer's: the clock check and the signed call both fail.
    const sandbox = await startKooDrive({
      clock: { now: () => new Date(Date.now() + 20 * MINUTE), monotonicMs: () => performance.now() },
    });
    await saveSandboxProfile(handlers, sandbox);
    const { page } = app;
    await page.setViewportSize(VIEWPORT);
    await page.reload();
    await app.ready();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await openDiagnostics(page, zhCN['nav.diagnostics']);

    await page.getByRole('button', { name: zhCN['diagnostics.runAll'], exact: true }).click();
    const label = zhCN['diagnostics.summary.results'];
    await expect(results(page, label)).toBeFocused();
    const clockRow = summaryRow(page, zhCN['diagnostics.clock.title'], label);
    await expect(clockRow).toContainText(zhCN['diagnostics.status.failed']);
    await expect(clockRow).toContainText('这台电脑的时钟比服务器慢约 20 分钟。');
    await expect(summaryRow(page, zhCN['diagnostics.connection.title'], label)).toContainText(
      zhCN['diagnostics.status.failed'],
    );
    await expect(toggle(page, zhCN['diagnostics.clock.title'])).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, zhCN['diagnostics.connection.title'])).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('heading', { name: zhCN['diagnostics.clock.verdict.local-behind'] })).toBeVisible();
    await expect(page.locator('.diag-verdict p')).toHaveText(/^本机时钟比服务器慢约 20 分钟（测量精度约为 ±\d+ 秒/);
    // Nothing of the summary stayed English.
    await expect(results(page, label)).not.toContainText(en['diagnostics.status.failed']);
    await app.screenshot('diagnostics-run-all-zh-CN');
    expect(await blockingAxeFindings(page)).toEqual([]);

    await page.getByRole('button', { name: zhCN['help.glossary.open'], exact: true }).click();
    await expect(page.getByRole('dialog').getByRole('heading', { name: zhCN['help.glossary.title'] })).toBeVisible();
    expect(await blockingAxeFindings(page)).toEqual([]);
  });
});
