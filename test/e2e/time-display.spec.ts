import type { Locator } from '@playwright/test';
import type { AppServices } from '../../electron/app/services';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';

/** The window runs in China Standard Time (UTC+8, no daylight saving time), as the zh-CN support staff do. */
test.use({ timezoneId: 'Asia/Shanghai' });

/** 06:57:03 UTC is 14:57:03 in Shanghai, the same day. */
const AFTERNOON = '2026-03-02T06:57:03.000Z';
/** 20:00 UTC on 2 March is 04:00 on 3 March in Shanghai: the day differs between the two settings. */
const NEXT_MORNING = '2026-03-02T20:00:00.000Z';

async function appendPending(services: AppServices, time: string, operationId: string): Promise<void> {
  await services.audit.append({
    time,
    operationId,
    phase: 'pending',
    source: 'cli',
    osUser: 'ana',
    profile: 'night-shift',
    host: 'intl.myhuaweicloud-koodrive.com',
    operation: 'release',
    lockId: 'c0ffee00-0000-4000-8000-000000000000@101',
  });
}

async function openScreen(app: LockAdminPage, name: 'History' | 'Settings'): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
  await expect(app.page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The ISO-8601 UTC instant shifted by eight hours, in the window's format. */
function shanghaiText(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)} GMT+8`;
}

function utcText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

async function expectResultTime(app: LockAdminPage, format: (iso: string) => string): Promise<void> {
  const time = app.resultDetail('Time');
  const iso = await time.getAttribute('title');
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(time).toHaveText(format(iso ?? ''));
}

/** The time cell of the History row at that instant, in either setting. */
function historyTimeCell(app: LockAdminPage, iso: string): Locator {
  return app.page
    .getByRole('grid', { name: 'Lock operations, newest first' })
    .getByRole('gridcell')
    .and(app.page.locator(`[title="${iso}"]`));
}

test('results and History show local time with UTC on hover, and UTC everywhere once Settings say so', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 2 });
  await saveSandboxProfile(handlers, sandbox);
  await appendPending(services, AFTERNOON, 'afternoon');
  await appendPending(services, NEXT_MORNING, 'next-morning');
  await app.page.reload();
  await app.ready();
  const [first, second] = sandbox.seededLockIds;

  // Local time (the default): the result panel, UTC on hover.
  await app.release(first);
  await expectResultTime(app, shanghaiText);
  await app.screenshot('time-result-local');

  await openScreen(app, 'History');
  await expect(historyTimeCell(app, AFTERNOON)).toHaveText('2026-03-02 14:57:03 GMT+8');
  await expect(historyTimeCell(app, NEXT_MORNING)).toHaveText('2026-03-03 04:00:00 GMT+8');
  await expect(app.page.getByRole('columnheader', { name: 'Time', exact: true })).toBeVisible();
  // The date filter is read in the zone the list shows: 3 March local time holds the 20:00 UTC entry only.
  await expect(
    app.page.getByText('Read in local time (GMT+8), as the list shows it (Settings).', { exact: false }),
  ).toBeVisible();
  await app.field('From (GMT+8)').fill('2026-03-03');
  await app.field('To (GMT+8)').fill('2026-03-03');
  await expect(app.page.getByRole('heading', { name: '1 operation' })).toBeVisible();
  await expect(historyTimeCell(app, NEXT_MORNING)).toHaveCount(1);
  await expect(historyTimeCell(app, AFTERNOON)).toHaveCount(0);
  await app.screenshot('time-history-local');
  await historyTimeCell(app, NEXT_MORNING).dblclick();
  const details = app.page.getByRole('dialog');
  await expect(details.locator('dd').first()).toHaveText('2026-03-03 04:00:00 GMT+8');
  await expect(details.locator('dd').first()).toHaveAttribute('title', NEXT_MORNING);
  await details.getByRole('button', { name: 'Close' }).click();

  // Switch to UTC in Settings: every screen follows.
  await openScreen(app, 'Settings');
  await expect(app.page.getByRole('radio', { name: 'Local time (GMT+8)' })).toBeChecked();
  await app.page.getByRole('radio', { name: 'UTC', exact: true }).check();
  await app.screenshot('time-settings-utc');

  await openScreen(app, 'History');
  // The same dates now mean 3 March UTC, which holds neither entry.
  await app.field('From (UTC)').fill('2026-03-03');
  await app.field('To (UTC)').fill('2026-03-03');
  await expect(app.page.getByText('Read in UTC, as the list shows it (Settings).', { exact: false })).toBeVisible();
  await expect(app.page.getByRole('heading', { name: '0 operations' })).toBeVisible();
  await app.button('Clear filters').click();
  await expect(historyTimeCell(app, AFTERNOON)).toHaveText('2026-03-02 06:57:03 UTC');
  await expect(historyTimeCell(app, NEXT_MORNING)).toHaveText('2026-03-02 20:00:00 UTC');
  await app.screenshot('time-history-utc');

  await app.navigate('Locks');
  await expect(app.lockIdInput).toBeVisible();
  await app.release(second);
  await expectResultTime(app, utcText);
  await app.screenshot('time-result-utc');

  // The choice is kept: after a reload the window still shows UTC.
  await app.page.reload();
  await app.ready();
  await openScreen(app, 'History');
  await expect(historyTimeCell(app, AFTERNOON)).toHaveText('2026-03-02 06:57:03 UTC');
});

/** The value and hover text under a label of the batch's progress panel. */
function batchFact(app: LockAdminPage, label: string): Locator {
  return app.page
    .getByRole('region', { name: 'Progress' })
    .locator('div', { has: app.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}

async function expectBatchTimes(app: LockAdminPage, format: (iso: string) => string): Promise<void> {
  for (const label of ['Started', 'Finished']) {
    const iso = await batchFact(app, label).getAttribute('title');
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(batchFact(app, label)).toHaveText(format(iso ?? ''));
  }
}

test("a batch's start and finish follow the setting too", async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive({ seedLocks: 2 });
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();

  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Batch' }).click();
  await app.field('User and lock IDs').fill(sandbox.seededLockIds.join('\n'));
  await app.button('Release 2 locks…').click();
  await app.dialog.getByRole('button', { name: 'Release 2 locks' }).click();
  await expect(batchFact(app, 'Finished')).toBeVisible();
  await expectBatchTimes(app, shanghaiText);
  await app.screenshot('time-batch-local');

  await openScreen(app, 'Settings');
  await app.page.getByRole('radio', { name: 'UTC', exact: true }).check();
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Batch' }).click();
  await expectBatchTimes(app, utcText);
  await app.screenshot('time-batch-utc');
});
