import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';
import { blockingAxeFindings } from './support/axe';

const MINUTE = 60_000;

async function openScreen(page: Page, name: 'Locks' | 'Batch' | 'History' | 'Diagnostics', heading: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** The header's batch indicator, whatever it says. */
function batchIndicator(page: Page): Locator {
  return page.getByRole('banner').getByRole('button', { name: /^Batch / });
}

/** "Batch 73/500", once the first lock is done; the name goes on with the count in words. */
const RUNNING = /^Batch [1-9]\d*\/500 [1-9]\d* of 500 locks done\. Open the Batch screen\.$/;

function serverTimeChip(page: Page): Locator {
  return page.getByText(/^Signing with the server’s time \(\+(19|20) min \d+ s\)$/);
}

async function signWithServerTime(app: LockAdminPage): Promise<void> {
  await openScreen(app.page, 'Diagnostics', 'Diagnostics');
  const clock = app.page.getByRole('region', { name: 'Clock' });
  await clock.getByRole('button', { name: 'Check clock' }).click();
  await expect(clock.getByRole('heading', { name: 'This computer’s clock is behind' })).toBeVisible();
  await clock.getByRole('switch', { name: 'Sign with server time' }).check();
}

test('"Sign with server time" shows a chip on Locks and Batch until it is turned off there', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  // The sandbox's clock is 20 minutes ahead of this computer's, so the clock check offers about +20 min.
  const sandbox = await startKooDrive({
    clock: { now: () => new Date(Date.now() + 20 * MINUTE), monotonicMs: () => performance.now() },
  });
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  await expect(app.page.getByText(/Signing with the server’s time/)).toHaveCount(0);

  await signWithServerTime(app);
  await openScreen(app.page, 'Locks', 'Release a backup lock');
  await expect(serverTimeChip(app.page)).toBeVisible();
  await app.screenshot('server-time-chip-locks');
  expect(await blockingAxeFindings(app.page)).toEqual([]);
  await openScreen(app.page, 'Batch', 'Release many locks');
  await expect(serverTimeChip(app.page)).toBeVisible();
  await app.screenshot('server-time-chip-batch');

  await app.button('Turn off').click();
  await expect(app.page.getByText(/Signing with the server’s time/)).toHaveCount(0);
  await expect(app.page.getByRole('status').filter({ hasText: 'sign with this computer’s clock again' })).toHaveCount(
    1,
  );
  await openScreen(app.page, 'Locks', 'Release a backup lock');
  await expect(app.page.getByText(/Signing with the server’s time/)).toHaveCount(0);
  // Diagnostics offers the switch again only after a new clock check: nothing is on.
  await openScreen(app.page, 'Diagnostics', 'Diagnostics');
  await expect(app.page.getByRole('region', { name: 'Clock' }).getByRole('switch')).toHaveCount(0);

  // Off means off: the next release signs with this computer's clock again, which the server refuses.
  await openScreen(app.page, 'Locks', 'Release a backup lock');
  await app.release(sandbox.seededLockIds[0]);
  await expect(app.resultHeading()).toHaveText('Clock out of sync');
});

test('a running batch is shown in the header on every screen; a click from History opens Batch', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 0 });
  await saveSandboxProfile(handlers, sandbox);
  const lockIds = Array.from({ length: 500 }, () => sandbox.addLock('102'));
  // One request at a time, each answered 80 ms late: the batch runs for half a minute at least.
  sandbox.setFault({ kind: 'delay', ms: 80 });
  await app.page.reload();
  await app.ready();
  await expect(batchIndicator(app.page)).toHaveCount(0);

  await openScreen(app.page, 'Batch', 'Release many locks');
  await app.field('User and lock IDs').fill(lockIds.join('\n'));
  await app.field('Requests at a time').fill('1');
  await app.button('Release 500 locks…').click();
  await app.dialog.getByRole('button', { name: 'Release 500 locks' }).click();
  await expect(batchIndicator(app.page)).toHaveAccessibleName(RUNNING);

  await openScreen(app.page, 'History', 'History');
  await expect(batchIndicator(app.page)).toHaveAccessibleName(RUNNING);
  await app.screenshot('batch-indicator-history');
  expect(await blockingAxeFindings(app.page)).toEqual([]);
  await batchIndicator(app.page).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Release many locks' })).toBeVisible();
  await expect(app.page.getByRole('progressbar', { name: 'Batch progress' })).toBeVisible();

  // The server goes away: the batch pauses by itself, and the header says so on the screen the user is on.
  await openScreen(app.page, 'History', 'History');
  await sandbox.stop();
  await expect(batchIndicator(app.page)).toHaveAccessibleName(/^Batch paused \d+\/500 /, { timeout: 30_000 });
  await app.screenshot('batch-indicator-paused');
  expect(await blockingAxeFindings(app.page)).toEqual([]);
  await batchIndicator(app.page).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Release many locks' })).toBeVisible();
  await expect(app.page.getByText(/^Paused: the server stopped answering/)).toBeVisible();
  // Seen on the Batch screen: the header no longer carries it.
  await expect(batchIndicator(app.page)).toHaveCount(0);
});
