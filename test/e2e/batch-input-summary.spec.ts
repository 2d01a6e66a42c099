/**
 * Batch: once a run starts, the input folds into one line and focus moves to Progress; a running batch
 * cannot be edited; after the end, Edit unfolds the input as it was. In English and Chinese, axe clean.
 */
import type { Locator, Page } from '@playwright/test';
import { zhCN } from '../../renderer/src/i18n/zhCN';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';
import { blockingAxeFindings } from './support/axe';

async function openBatch(page: Page, nav = 'Batch', title = 'Release many locks'): Promise<void> {
  await page
    .getByRole('navigation', { name: /Main|主/ })
    .getByRole('button', { name: nav, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The folded input: the region named like the form, holding the one-line summary and Edit. */
function foldedInput(page: Page, label = 'Batch release'): Locator {
  return page.getByRole('region', { name: label, exact: true });
}

async function startBatch(app: LockAdminPage, lockIds: readonly string[], concurrency: string): Promise<void> {
  await app.field('User and lock IDs').fill(lockIds.join('\n'));
  await app.field('Requests at a time').fill(concurrency);
  await app.button(`Release ${lockIds.length} locks…`).click();
  await app.dialog.getByRole('button', { name: `Release ${lockIds.length} locks` }).click();
}

test('a started batch folds its input to one line and focuses Progress; Edit only after the end', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 0 });
  await saveSandboxProfile(handlers, sandbox);
  const lockIds = Array.from({ length: 4 }, () => sandbox.addLock('102'));
  // One at a time, each answer held back 1.5 s: the batch is still running while the folded input is checked.
  sandbox.setFault({ kind: 'delay', ms: 1500 });
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await app.ready();
  await openBatch(page);
  await expect(page.getByRole('form', { name: 'Batch release' })).toBeVisible();

  await startBatch(app, lockIds, '1');
  const progress = page.getByRole('region', { name: 'Progress' });
  await expect(progress).toBeFocused();
  await expect(page.getByRole('form', { name: 'Batch release' })).toHaveCount(0);
  await expect(app.field('User and lock IDs')).toHaveCount(0);
  const folded = foldedInput(page);
  await expect(folded).toContainText(`4 locks for profile “Staging”, user ${sandbox.credentials.userId}, 1 at a time`);
  // Running: the input cannot be edited, and the summary says why.
  await expect(folded.getByRole('button', { name: 'Edit' })).toBeDisabled();
  await expect(folded).toContainText('can be edited once the batch has ended');
  await expect(page.getByRole('button', { name: 'Cancel batch' })).toBeVisible();
  // Progress is in view: its top inside the first viewport, below the sticky header.
  const box = await progress.boundingBox();
  expect(box?.y ?? Infinity).toBeLessThan(800);
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  await app.screenshot('batch-input-folded-running');

  await expect(page.getByText('Finished: 4 released, 0 already gone, 0 to retry, 0 need a fix.')).toBeVisible({
    timeout: 30_000,
  });
  expect(sandbox.activeLockIds()).toEqual([]);
  const edit = folded.getByRole('button', { name: 'Edit' });
  await expect(edit).toBeEnabled();
  await expect(folded).not.toContainText('can be edited once the batch has ended');
  await app.screenshot('batch-input-folded-finished');
  expect(await blockingAxeFindings(page)).toEqual([]);

  // Edit unfolds the input as it was typed, the list focused; the progress of the run stays below.
  await edit.click();
  await expect(app.field('User and lock IDs')).toBeFocused();
  await expect(app.field('User and lock IDs')).toHaveValue(lockIds.join('\n'));
  await expect(app.field('Requests at a time')).toHaveValue('1');
  await expect(foldedInput(page)).toHaveCount(0);
  await expect(progress).toBeVisible();
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the folded input speaks Chinese; axe clean', async ({ app, handlers, startKooDrive }) => {
    const sandbox = await startKooDrive({ seedLocks: 2 });
    await saveSandboxProfile(handlers, sandbox);
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.reload();
    await app.ready();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await openBatch(page, zhCN['nav.batch'], zhCN['batch.title']);

    await page.getByLabel(zhCN['batch.ids'], { exact: true }).fill(sandbox.seededLockIds.join('\n'));
    await page.getByRole('button', { name: zhCN['batch.start.other'].replace('{count}', '2') }).click();
    await app.dialog.getByRole('button', { name: zhCN['batch.confirm.action.other'].replace('{count}', '2') }).click();
    await expect(page.getByRole('region', { name: zhCN['batch.progress.title'] })).toBeFocused();
    const folded = foldedInput(page, zhCN['batch.formLabel']);
    await expect(folded).toContainText(`为配置“Staging”释放 2 个锁，用户 ${sandbox.credentials.userId}，每次 4 个请求`);
    await expect(folded.getByRole('button', { name: zhCN['batch.inputSummary.edit'] })).toBeEnabled();
    expect(sandbox.activeLockIds()).toEqual([]);
    await app.screenshot('batch-input-folded-zh-CN');
    expect(await blockingAxeFindings(page)).toEqual([]);
  });
});
