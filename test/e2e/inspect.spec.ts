/**
 * The Inspect screen against the real sandbox (docs/sandbox.md, "Seeded records" and "Stuck backup"):
 * the records table, the possibly-stuck flag and its reason, filters, a record's files page by page,
 * CSV exports, "Open in Locks", failures (401, a refused later page, cancel), zh-CN, and axe.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { parseCsvRecords } from '../../shared/csv';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxAppProfile, saveSandboxProfile } from './support/profiles';

async function openInspect(app: LockAdminPage): Promise<void> {
  await app.page.reload();
  await app.ready();
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Inspect' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Inspect backups' })).toBeVisible();
}

function recordsGrid(page: Page) {
  return page.getByRole('grid', { name: 'Backup records, newest first' });
}

async function csvOf(download: Download): Promise<string[][]> {
  const text = await readFile(await download.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parseCsvRecords(text, { separator: ',' }).map((record) => record.cells);
}

async function axeFindings(page: Page): Promise<unknown[]> {
  const findings: unknown[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    findings.push(
      ...results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ colorScheme, id: violation.id, nodes: violation.nodes.map((node) => node.html) })),
    );
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return findings;
}

test('shows a user’s records with the stuck backup flagged, filters them, exports CSV and opens Locks', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ stuckBackup: true });
  const stuck = sandbox.stuckBackup;
  if (!stuck) throw new Error('the sandbox made no stuck backup');
  const profile = await saveSandboxProfile(handlers, sandbox, { name: 'Practice Box' });
  const records = sandbox.records(stuck.userId, '102');
  const { page } = app;
  await openInspect(app);

  await expect(app.field('Module')).toHaveValue('102');
  await app.button('Show records').click();
  const count = app.page.getByRole('heading', { name: `${records.length} records` });
  await expect(count).toBeVisible();
  await expect(count).toBeFocused();
  const grid = recordsGrid(page);
  await expect(grid).toHaveAttribute('aria-rowcount', String(records.length + 1));
  const rows = grid.getByRole('row');
  // Newest first: the stuck backup (6 hours old, in progress), flagged with its reason.
  await expect(rows.nth(1)).toContainText(stuck.recordId);
  await expect(rows.nth(1)).toContainText('Possibly stuck');
  await expect(rows.nth(1)).toContainText('in progress for 6 h, longer than 2 h, and no backup completed since.');
  await expect(rows.nth(1)).toContainText('HUAWEI');
  await expect(rows.nth(2)).toContainText('Completed');
  await expect(page.getByText('1 possibly stuck', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `${records.length} records read. 1 possibly stuck` }),
  ).toHaveCount(1);
  // Local time in the cell, the UTC instant on hover.
  await expect(rows.nth(1).getByRole('gridcell').nth(1)).toHaveAttribute('title', stuck.createTime);
  await app.screenshot('inspect-records');

  // Client-side filters: status, possibly stuck, device; both at once.
  const completed = records.filter((record) => record.status === 1);
  await app.field('Status').selectOption('completed');
  await expect(page.getByRole('heading', { name: `${completed.length} of ${records.length} records` })).toBeVisible();
  await expect(rows.nth(1)).toContainText('Completed');
  await app.field('Status').selectOption('possibly-stuck');
  await expect(page.getByRole('heading', { name: `1 of ${records.length} records` })).toBeVisible();
  await app.field('Status').selectOption('pending-deletion');
  await expect(page.getByRole('heading', { name: `2 of ${records.length} records` })).toBeVisible();
  // The device with fewer records: the tablet (the phone backs up daily).
  const deviceIds = [...new Set(records.map((record) => record.deviceId))];
  expect(deviceIds).toHaveLength(2);
  const tablet = deviceIds.sort(
    (a, b) =>
      records.filter((record) => record.deviceId === a).length -
      records.filter((record) => record.deviceId === b).length,
  )[0];
  const onTablet = records.filter((record) => record.deviceId === tablet);
  await app.field('Status').selectOption('');
  await app.field('Device').selectOption(tablet);
  await expect(page.getByRole('heading', { name: `${onTablet.length} of ${records.length} records` })).toBeVisible();
  await app.field('Status').selectOption('completed');
  const completedOnTablet = onTablet.filter((record) => record.status === 1).length;
  await expect(page.getByRole('heading', { name: `${completedOnTablet} of ${records.length} records` })).toBeVisible();

  // The CSV holds the rows as filtered: exact IDs, status, the flag.
  const [filtered] = await Promise.all([page.waitForEvent('download'), app.button('Export CSV').click()]);
  expect(filtered.suggestedFilename()).toMatch(/^koodrive-records-102-\d{8}-\d{6}\.csv$/);
  const filteredCsv = await csvOf(filtered);
  expect(filteredCsv).toHaveLength(completedOnTablet + 1);
  await app.button('Clear filters').click();
  await expect(count).toBeVisible();
  const [all] = await Promise.all([page.waitForEvent('download'), app.button('Export CSV').click()]);
  const allCsv = await csvOf(all);
  expect(allCsv[0].slice(0, 5)).toEqual(['recordId', 'moduleCode', 'status', 'statusName', 'possiblyStuck']);
  expect(allCsv.slice(1).map((row) => row[0])).toEqual(records.map((record) => record.recordId));
  expect(allCsv[1].slice(0, 6)).toEqual([stuck.recordId, '102', '0', 'in-progress', 'true', stuck.createTime]);
  expect(allCsv.slice(2).every((row) => row[4] === 'false')).toBe(true);

  // The stuck record's details: every field, its 37 files, copy, and the way to Locks.
  await rows.nth(1).click();
  const details = page.getByRole('region', { name: `Record ${stuck.recordId}` });
  await expect(details).toContainText('In progress (0)');
  await expect(details).toContainText(stuck.createTime);
  await expect(details.getByText('37 files', { exact: true })).toBeVisible();
  await expect(details.getByRole('table').getByRole('row')).toHaveCount(38);
  await expect(details.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await app.screenshot('inspect-stuck-details');
  await details.getByRole('button', { name: 'Copy details' }).click();
  await expect(details.getByText('Details copied to the clipboard.')).toBeVisible();
  const copied = await app.readClipboard();
  expect(copied).toContain(`Record ID: ${stuck.recordId}`);
  expect(copied).toContain(`User ID: ${stuck.userId}`);
  expect(copied).toContain('Possibly stuck: in progress for 6 h');

  // Keyboard: the grid moves the selection, and the details follow.
  await grid.focus();
  await grid.press('ArrowDown');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: `Record ${records[1].recordId}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open in Locks' })).toHaveCount(0);
  await grid.press('ArrowUp');

  await details.getByRole('button', { name: 'Open in Locks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Release a backup lock' })).toBeVisible();
  await expect(page.getByLabel('Profile', { exact: true })).toHaveValue(profile.id);
  await expect(page.getByLabel('User ID', { exact: true })).toHaveValue(stuck.userId);
  await expect(page.getByLabel('Module', { exact: true })).toHaveValue('102');
  await expect(page.getByRole('note').filter({ hasText: 'ends in @102' })).toBeVisible();
  // Releasing the stuck lock is the practice; the inspector itself changed nothing on the server.
  const reads = sandbox.received().filter((request) => request.method !== 'GET');
  expect(reads).toEqual([]);
  await app.release(stuck.lockId);
  await expect(app.resultHeading()).toHaveText('Released');
});

test('acts for any user with app authentication and pages through a record’s 250 files', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxAppProfile(handlers, sandbox, { name: 'Tenant practice', defaultUser: false, moduleCode: '101' });
  const userId = sandbox.users[1];
  const records = sandbox.records(userId, '101');
  const withFiles = records.find((record) => record.fileCount === 250);
  if (!withFiles) throw new Error('no seeded record with 250 files');
  const { page } = app;
  await openInspect(app);

  await app.button('Show records').click();
  await expect(page.getByText('Enter the KooDrive user ID', { exact: false })).toBeVisible();
  await app.field('User ID').fill(userId);
  await expect(app.field('Module')).toHaveValue('101');
  await app.field('Records to read').selectOption('100');
  await app.button('Show records').click();
  await expect(page.getByRole('heading', { name: `${records.length} records` })).toBeVisible();
  await expect(page.getByText(`User ${userId}, module 101, profile Tenant practice.`)).toBeVisible();
  // The backup left in progress 20 days ago is not flagged: a later one completed.
  await expect(recordsGrid(page)).not.toContainText('Possibly stuck');

  const rows = recordsGrid(page).getByRole('row');
  const index = records.indexOf(withFiles);
  await recordsGrid(page).focus();
  for (let step = 0; step <= index; step += 1) await recordsGrid(page).press('ArrowDown');
  await expect(rows.nth(index + 1)).toHaveAttribute('aria-selected', 'true');
  const details = page.getByRole('region', { name: `Record ${withFiles.recordId}` });
  const files = details.getByRole('table');
  await expect(details.getByText('100 files read, more to load')).toBeVisible();
  await expect(files.getByRole('row')).toHaveCount(101);

  // A later page refused (throttled for longer than the app waits): the files read so far stay.
  sandbox.setFault({ kind: 'status', status: 503 }, 1);
  await details.getByRole('button', { name: 'Load more' }).click();
  await expect(details.getByRole('article', { name: 'Server error' })).toBeVisible();
  await expect(details.getByText('The file list is incomplete: 100 files were read before the failure.')).toBeVisible();
  await expect(files.getByRole('row')).toHaveCount(101);
  await details.getByRole('button', { name: 'Try again' }).click();
  await expect(details.getByText('200 files read, more to load')).toBeVisible();
  await details.getByRole('button', { name: 'Load more' }).click();
  await expect(details.getByText('250 files', { exact: true })).toBeVisible();
  await expect(files.getByRole('row')).toHaveCount(251);
  await expect(details.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // Size in words with the exact bytes on hover; the SHA-256 shortened, whole on hover and when copied.
  const firstFile = files.getByRole('row').nth(1);
  const shaCell = firstFile.getByRole('cell').nth(2).locator('.mono');
  const sha = await shaCell.getAttribute('title');
  expect(sha).toMatch(/^[0-9a-f]{64}$/);
  await expect(shaCell).toHaveText(`${sha?.slice(0, 12)}…`);
  await expect(firstFile.getByRole('cell').nth(1)).toHaveAttribute('title', /^[\d,]+ bytes$/);
  await firstFile.getByRole('button', { name: /^Copy the SHA-256 of / }).click();
  await expect(details.getByText('SHA-256 copied to the clipboard.')).toBeVisible();
  expect(await app.readClipboard()).toBe(sha);
  await app.screenshot('inspect-files');

  const [download] = await Promise.all([page.waitForEvent('download'), app.button('Export files CSV').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^koodrive-record-${withFiles.recordId}-files-`));
  const csv = await csvOf(download);
  expect(csv[0]).toEqual(['fileId', 'fileName', 'size', 'sha256', 'mimeType', 'createTime', 'description']);
  expect(csv).toHaveLength(251);
  expect(csv[1][3]).toBe(sha);
  expect(csv.slice(1).every((row) => /^\d{19}$/.test(row[0]) && /^\d+$/.test(row[2]))).toBe(true);
});

test('says why a listing failed: a wrong secret (401) with kind and remedy, a later page refused, a cancel', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox, { name: 'Wrong token', token: 'not-the-token' });
  const { page } = app;
  await openInspect(app);
  await app.button('Show records').click();
  const failure = page.getByRole('article', { name: 'Authentication failed' });
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('auth');
  await expect(failure).toContainText('401');
  await expect(failure.locator('.result-remedy')).not.toBeEmpty();
  await expect(recordsGrid(page)).toHaveCount(0);
  await expect(page.getByText('No backup records for this user and module.')).toHaveCount(0);
  await app.screenshot('inspect-auth-failed');
  await failure.getByRole('button', { name: 'What does this mean?' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');

  // A user and module without records.
  const empty = await startKooDrive({ seedRecords: false });
  await saveSandboxProfile(handlers, empty, { name: 'Empty box' });
  await openInspect(app);
  await app.field('Profile').selectOption({ label: 'Empty box' });
  await app.button('Show records').click();
  await expect(page.getByText('No backup records for this user and module.')).toBeVisible();
});

test('keeps the records of the pages read when a later page is refused, and when cancelled', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  // One request at once, then one every 100 s: the second page is throttled for longer than the app waits.
  const sandbox = await startKooDrive({ rate: 0.01, burst: 1 });
  for (let added = 0; added < 60; added += 1) sandbox.addStuckBackup({ moduleCode: '100' });
  const total = sandbox.records(sandbox.credentials.userId, '100').length;
  expect(total).toBeGreaterThan(100);
  await saveSandboxProfile(handlers, sandbox);
  const { page } = app;
  await openInspect(app);
  await app.field('Module').selectOption('100');
  await app.button('Show records').click();
  await expect(page.getByRole('heading', { name: '100 records' })).toBeVisible();
  const failure = page.getByRole('article', { name: 'Too many requests' });
  await expect(failure).toContainText(
    'The list is incomplete: the 100 records read before the failure are shown, older ones are missing.',
  );
  await expect(recordsGrid(page)).toHaveAttribute('aria-rowcount', '101');
  await app.screenshot('inspect-incomplete');

  const slow = await startKooDrive({ latencyMs: 60_000 });
  await saveSandboxProfile(handlers, slow, { name: 'Slow box' });
  await openInspect(app);
  await app.field('Profile').selectOption({ label: 'Slow box' });
  await app.button('Show records').click();
  await expect(page.getByText('Reading records…')).toBeVisible();
  await app.button('Cancel').click();
  await expect(page.getByRole('article', { name: 'Cancelled' })).toBeVisible();
  await expect(app.button('Show records')).toBeEnabled();
});

test('reads 10,000 records and keeps the table quick: only the rows in view are drawn', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  test.setTimeout(180_000);
  const sandbox = await startKooDrive({ seedLocks: 0 });
  const userId = sandbox.credentials.userId;
  const seeded = sandbox.records(userId, '100').length;
  for (let added = seeded; added < 10_000; added += 1) sandbox.addStuckBackup({ moduleCode: '100' });
  const records = sandbox.records(userId, '100');
  expect(records).toHaveLength(10_000);
  await saveSandboxProfile(handlers, sandbox);
  const { page } = app;
  await openInspect(app);
  await app.field('Module').selectOption('100');
  await app.field('Records to read').selectOption('10000');
  await app.button('Show records').click();
  await expect(page.getByRole('heading', { name: '10,000 records' })).toBeVisible({ timeout: 120_000 });
  await expect(
    page.getByText(`${(10_000 - seeded).toLocaleString('en')} possibly stuck`, { exact: true }),
  ).toBeVisible();
  const grid = recordsGrid(page);
  await expect(grid).toHaveAttribute('aria-rowcount', '10001');
  const rows = grid.getByRole('row');
  expect(await rows.count()).toBeLessThan(60);

  await rows.nth(1).click();
  await grid.press('End');
  const last = grid.locator('[role="row"][aria-rowindex="10001"]');
  await expect(last).toContainText(records[9_999].recordId);
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: `Record ${records[9_999].recordId}` })).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);

  const completed = records.filter((record) => record.status === 1).length;
  await app.field('Status').selectOption('completed');
  await expect(page.getByRole('heading', { name: `${completed} of 10,000 records` })).toBeVisible();
});

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the records and a stuck record’s details, screenshots and axe in both themes and both languages', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const sandbox = await startKooDrive({ stuckBackup: true });
    const stuck = sandbox.stuckBackup;
    if (!stuck) throw new Error('the sandbox made no stuck backup');
    await saveSandboxProfile(handlers, sandbox);
    const { page } = app;
    await page.reload();
    await app.ready();
    await page.keyboard.press('ControlOrMeta+I');
    await expect(page.getByRole('heading', { level: 1, name: '检查备份' })).toBeVisible();
    await page.getByRole('button', { name: '显示记录', exact: true }).click();
    const grid = page.getByRole('grid', { name: '备份记录，最新的在前' });
    await expect(grid.getByRole('row').nth(1)).toContainText('可能卡住');
    await expect(grid.getByRole('row').nth(1)).toContainText('已进行 6 小时，超过 2 小时');
    await grid.getByRole('row').nth(1).click();
    await expect(page.getByRole('region', { name: `记录 ${stuck.recordId}` }).getByText('37 个文件')).toBeVisible();
    await app.screenshot('inspect-zh-CN');
    expect(await axeFindings(page)).toEqual([]);
  });
});

test('axe finds nothing serious on the Inspect screen with records, a stuck record and its files', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ stuckBackup: true });
  await saveSandboxProfile(handlers, sandbox);
  await openInspect(app);
  await app.button('Show records').click();
  const rows = recordsGrid(app.page).getByRole('row');
  await rows.nth(1).click();
  await expect(app.page.getByText('37 files', { exact: true })).toBeVisible();
  expect(await axeFindings(app.page)).toEqual([]);
});
