import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';
import { fixtureLockId, generateAuditLog } from '../unit/core/history/auditFixtures';

// The From/To fields and the list follow the time setting (local time by default): fix the zone so
// "today" below is the same day in the window and in the test.
test.use({ timezoneId: 'UTC' });

const GONE = '0b0b0b0b-0000-4000-8000-000000000000@102';

async function openHistory(app: LockAdminPage): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
}

test('lists operations newest first, filters them, opens details and exports CSV', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 2 });
  const profile = await saveSandboxProfile(handlers, sandbox, { name: 'Practice Box' });
  const [first, second] = sandbox.seededLockIds;
  await handlers.releaseLock({ profileId: profile.id, lockId: first });
  await handlers.releaseLock({ profileId: profile.id, lockId: GONE });
  await handlers.releaseLock({ profileId: profile.id, lockId: second });
  // An operation cut off before its answer (a crash, a killed CLI): only its pending entry exists.
  await services.audit.append({
    time: new Date().toISOString(),
    operationId: 'cut-off',
    phase: 'pending',
    source: 'cli',
    osUser: 'ana',
    profile: 'retired-profile',
    host: 'intl.myhuaweicloud-koodrive.com',
    operation: 'release',
    lockId: 'c0ffee00-0000-4000-8000-000000000000@101',
  });
  await openHistory(app);

  const grid = app.page.getByRole('grid', { name: 'Lock operations, newest first' });
  await expect(app.page.getByRole('heading', { name: '4 operations' })).toBeVisible();
  const rows = grid.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('No result recorded');
  await expect(rows.nth(1)).toContainText('CLI');
  await expect(rows.nth(2)).toContainText(second);
  await expect(rows.nth(2)).toContainText('Released');
  // The user each operation was for, and the profile by its name (by its id once it no longer exists).
  await expect(rows.nth(2)).toContainText(sandbox.credentials.userId);
  await expect(rows.nth(2)).toContainText('Practice Box');
  await expect(rows.nth(1)).toContainText('retired-profile');
  await expect(rows.nth(3)).toContainText(GONE);
  await expect(rows.nth(3)).toContainText('Lock not found');
  await expect(rows.nth(4)).toContainText(first);
  await expect(app.page.getByText('Audit log verified: 7 entries, chain intact')).toBeVisible();
  await app.screenshot('history-list');

  await app.page.getByRole('combobox', { name: 'Outcome' }).selectOption('failed');
  await expect(app.page.getByRole('heading', { name: '1 operation' })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(GONE);
  await app.page.getByRole('combobox', { name: 'Outcome' }).selectOption('');
  await app.field('Lock ID contains').fill(second.slice(0, 13).toUpperCase());
  await expect(app.page.getByRole('heading', { name: '1 operation' })).toBeVisible();
  await expect(rows.nth(1)).toContainText(second);
  await app.button('Clear filters').click();
  await app.page.getByRole('combobox', { name: 'Profile' }).fill('practice box');
  await expect(app.page.getByRole('heading', { name: '3 operations' })).toBeVisible();
  await app.field('From (UTC)').fill('yesterday');
  await expect(app.page.getByText('“From” is not a date: “yesterday”.', { exact: false })).toBeVisible();
  await app.field('From (UTC)').fill(new Date().toISOString().slice(0, 10));
  await expect(app.page.getByRole('heading', { name: '3 operations' })).toBeVisible();
  await app.button('Clear filters').click();
  await expect(app.page.getByRole('heading', { name: '4 operations' })).toBeVisible();

  // Keyboard: into the list, down to the third row, Enter shows its details beside the list.
  await grid.focus();
  await grid.press('ArrowDown');
  await grid.press('ArrowDown');
  await grid.press('ArrowDown');
  await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('aria-activedescendant', (await rows.nth(3).getAttribute('id')) ?? '');
  const details = app.page.getByRole('dialog', { name: 'Operation details' });
  await expect(details).toBeHidden();
  await grid.press('Enter');
  await expect(details).toBeVisible();
  await expect(details).toContainText(GONE);
  await expect(details).toContainText('not-found');
  await expect(details).toContainText('13000309');
  await expect(details.locator('dt', { hasText: 'Request ID' })).toBeVisible();
  await expect(details).toContainText(new URL(sandbox.url).host);
  // The list keeps the focus: the arrow keys move on and the details follow, nothing to close first.
  await expect(grid).toBeFocused();
  await app.screenshot('history-details');
  await grid.press('ArrowUp');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(details).toContainText(second);
  await expect(details).not.toContainText(GONE);
  await grid.press('ArrowUp');
  await expect(details).toContainText('no result was recorded');
  await expect(details).toContainText('Command line');
  await app.page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(grid).toBeFocused();

  // A click shows a row's details too; Copy details and Close stay in the panel.
  await rows.nth(4).click();
  await expect(details).toContainText(first);
  await details.getByRole('button', { name: 'Copy details' }).click();
  await expect(details.getByRole('status')).toHaveText('Details copied to the clipboard.');
  expect(await app.readClipboard()).toContain(`Lock ID: ${first}`);
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();

  const [download] = await Promise.all([app.page.waitForEvent('download'), app.button('Export CSV').click()]);
  expect(download.suggestedFilename()).toMatch(/^koodrive-history-\d{8}-\d{6}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe(
    'time,operation,userId,lockId,outcome,kind,httpStatus,code,msg,durationMs,requestId,profile,profileName,environment,batchId,host,source,osUser,operationId',
  );
  expect(lines).toHaveLength(6);
  expect(lines[1]).toContain(',pending,');
  expect(lines[3]).toContain(`${GONE},failed,not-found,400,13000309`);
  await expect(app.page.getByText(`Saved ${download.suggestedFilename()} (4 operations).`)).toBeVisible();
});

test('opens an audit log of 100,000 entries and scrolls it with only a window of rows in the page', async ({
  app,
  dataDir,
}) => {
  // Opening reads the 100,000 entries and checks their hash chain: seconds of work, more on a loaded 2-core machine.
  // This test is about the windowed rows, not speed (docs/testing.md#benchmarks): the limits only catch a hang.
  test.setTimeout(180_000);
  const { text, operations } = generateAuditLog(100_000);
  await writeFile(path.join(dataDir, 'audit.jsonl'), text);
  await openHistory(app);

  const grid = app.page.getByRole('grid', { name: 'Lock operations, newest first' });
  await expect(app.page.getByRole('heading', { name: `${operations.toLocaleString('en')} operations` })).toBeVisible({
    timeout: 120_000,
  });
  await expect(grid).toHaveAttribute('aria-rowcount', String(operations + 1));
  const rows = grid.getByRole('row');
  await expect(rows.nth(1)).toContainText(fixtureLockId(operations - 1));
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(60);

  const target = 20_000;
  await grid.evaluate(
    (element, top) => (element as unknown as { scrollTo(left: number, top: number): void }).scrollTo(0, top),
    target * 32,
  );
  const row = grid.locator(`[role="row"][aria-rowindex="${target + 2}"]`);
  await expect(row).toContainText(fixtureLockId(operations - 1 - target));
  expect(await rows.count()).toBeLessThan(60);

  await row.click();
  await grid.press('End');
  const last = grid.locator(`[role="row"][aria-rowindex="${operations + 1}"]`);
  await expect(last).toContainText(fixtureLockId(0));
  await expect(last).toHaveAttribute('aria-selected', 'true');
  expect(await rows.count()).toBeLessThan(60);
});

test('says when the audit log was altered, and where its chain breaks', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 2 });
  const profile = await saveSandboxProfile(handlers, sandbox, { name: 'Practice Box' });
  const [first, second] = sandbox.seededLockIds;
  await handlers.releaseLock({ profileId: profile.id, lockId: first });
  await handlers.releaseLock({ profileId: profile.id, lockId: second });
  await openHistory(app);
  await expect(app.page.getByText('Audit log verified: 4 entries, chain intact')).toBeVisible();

  // Someone rewrites which lock the first operation was for.
  const text = await readFile(services.audit.path, 'utf8');
  await writeFile(services.audit.path, text.replace(first, second));
  await app.page.getByRole('button', { name: 'Refresh' }).click();
  await expect(app.page.getByText(/Audit log altered: the chain breaks at audit\.jsonl line 1/)).toBeVisible();
  await app.screenshot('history-audit-altered');
});
