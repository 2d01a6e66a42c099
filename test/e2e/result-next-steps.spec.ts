/**
 * The result panel's next steps (docs/user-guide.md#the-result-and-its-next-steps): each button is
 * clicked against the sandbox and lands on its screen with the result's profile, user and lock filled in.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxAppProfile, saveSandboxProfile } from './support/profiles';
import { blockingAxeFindings } from './support/axe';

const MINUTE = 60_000;
/** A user other than the profile's default, as typed from a ticket. */
const TICKET_USER = '1505084218764547200';

function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name });
}

function nextSteps(app: LockAdminPage) {
  return app.result.getByRole('group', { name: 'Next steps' });
}

/** Releases for a user typed into the lock form (app profiles act for any user). */
async function releaseFor(app: LockAdminPage, userId: string, lockId: string): Promise<void> {
  await app.field('User ID').fill(userId);
  await app.release(lockId);
}

test('an auth result: refused badge, Diagnostics and History filled in, Replace secret focuses the secret field and Use in lock form brings the release back', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  const profile = await saveSandboxAppProfile(handlers, sandbox, { secret: 'not-the-app-secret' });
  await app.page.reload();
  await app.ready();
  // The ticket user's lock: the release that is refused here succeeds once the secret is replaced.
  const lockId = sandbox.addLock({ userId: TICKET_USER, moduleCode: '102' });

  await releaseFor(app, TICKET_USER, lockId);
  await expect(app.resultHeading()).toHaveText('Authentication failed');
  await expect(app.resultDetail('User ID')).toHaveText(TICKET_USER);
  await expect(app.resultDetail('Time')).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await expect(app.page.getByText('last call refused: 401')).toBeVisible();
  const steps = nextSteps(app);
  await expect(steps.getByRole('button')).toHaveText(['Replace secret', 'Open in Diagnostics', 'Show in History']);
  await app.screenshot('result-next-steps-auth');
  expect(await blockingAxeFindings(app.page)).toEqual([]);

  // Open in Diagnostics: profile, user, operation and lock ID filled in.
  await steps.getByRole('button', { name: 'Open in Diagnostics' }).click();
  await expect(heading(app.page, 'Diagnostics')).toBeVisible();
  await expect(app.field('Profile')).toHaveValue(profile.id);
  await expect(app.field('User ID')).toHaveValue(TICKET_USER);
  await expect(app.field('Operation')).toHaveValue('release');
  await expect(app.field('Lock ID')).toHaveValue(lockId);
  await expect(app.page.getByRole('note').filter({ hasText: 'Filled in from the lock result' })).toContainText(lockId);
  // The badge there tells the same story.
  await expect(app.page.getByText('last call refused: 401')).toBeVisible();
  // The request preview is built for that user and lock.
  await app.page.getByRole('button', { name: 'Show request' }).click();
  const preview = app.page.getByRole('region', { name: 'Request preview' });
  await expect(preview).toContainText(TICKET_USER);
  await expect(preview).toContainText(lockId);
  await app.screenshot('result-next-steps-diagnostics');

  // Show in History: History filtered to this lock.
  await app.navigate('Locks');
  await releaseFor(app, TICKET_USER, lockId);
  await nextSteps(app).getByRole('button', { name: 'Show in History' }).click();
  await expect(heading(app.page, 'History')).toBeVisible();
  await expect(app.field('Lock ID contains')).toHaveValue(lockId);
  await expect(app.page.getByRole('heading', { name: '2 operations' })).toBeVisible();
  const grid = app.page.getByRole('grid', { name: 'Lock operations, newest first' });
  await expect(grid.getByRole('row')).toHaveCount(3);
  await expect(grid.getByRole('row').nth(1)).toContainText(TICKET_USER);
  await app.screenshot('result-next-steps-history');

  // Replace secret: Profiles on this profile, the secret field focused; a new secret clears the badge's outcome.
  await app.navigate('Locks');
  await releaseFor(app, TICKET_USER, lockId);
  await nextSteps(app).getByRole('button', { name: 'Replace secret' }).click();
  await expect(app.page.getByRole('heading', { name: 'Profile “Staging app”' })).toBeVisible();
  await expect(app.field('App secret')).toBeFocused();
  await app.screenshot('result-next-steps-profile');
  await app.page.keyboard.type(sandbox.credentials.appSecret);
  await app.button('Save profile').click();
  // The badge forgets the 401 as soon as the secret is stored, before the editor clears its field: only the
  // notice says the save is over (leaving earlier would ask "Discard changes?" about the typed secret).
  await expect(app.page.getByText('Profile “Staging app” saved.')).toBeVisible();
  await expect(app.field('App secret')).toHaveValue('');
  await expect(app.page.getByText('Secret stored in', { exact: false }).first()).toBeVisible();
  await expect(app.page.getByText('last call refused: 401')).toHaveCount(0);

  // Use in lock form: the refused release again, filled in; it is sent once confirmed.
  await app.button('Use in lock form').click();
  await expect(heading(app.page, 'Release a backup lock')).toBeVisible();
  await expect(app.page.getByText(/^Secret stored in /)).toBeVisible();
  await expect(app.page.getByText(/last (accepted|call refused)/)).toHaveCount(0);
  await expect(app.lockIdInput).toHaveValue(lockId);
  await expect(app.field('User ID')).toHaveValue(TICKET_USER);
  await app.lockIdInput.press('Enter');
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();
  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.resultDetail('User ID')).toHaveText(TICKET_USER);
  await expect(app.page.getByText(/last accepted \d\d:\d\d/)).toBeVisible();
  await expect(nextSteps(app).getByRole('button')).toHaveText(['Show in History']);
  expect(sandbox.activeLockIds()).not.toContain(lockId);
  await app.screenshot('result-next-steps-accepted');

  // Profiles opened from the menu: "Use in lock form" opens the form as usual, with the profile's own user.
  await app.navigate('Profiles');
  await app.button('Use in lock form').click();
  await expect(heading(app.page, 'Release a backup lock')).toBeVisible();
  await expect(app.lockIdInput).toHaveValue('');
  await expect(app.field('User ID')).toHaveValue(sandbox.credentials.userId);
  await expect(app.page.getByRole('note').filter({ hasText: 'Filled in from' })).toHaveCount(0);
});

test('a clock result says how far off the clock is, checks it in place and opens Diagnostics', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  // The sandbox's clock is 20 minutes ahead of this computer's: every X-Date looks stale to it.
  const sandbox = await startKooDrive({
    clock: { now: () => new Date(Date.now() + 20 * MINUTE), monotonicMs: () => performance.now() },
  });
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  const lockId = sandbox.seededLockIds[0];

  await app.release(lockId);
  await expect(app.resultHeading()).toHaveText('Clock out of sync');
  await expect(app.result).toContainText('Your clock is about 20 minutes behind the server’s');
  const steps = nextSteps(app);
  await expect(steps.getByRole('button')).toHaveText(['Check clock now', 'Open in Diagnostics', 'Show in History']);

  await steps.getByRole('button', { name: 'Check clock now' }).click();
  await expect(app.result.getByText('This computer’s clock is behind')).toBeVisible();
  await expect(app.result).toContainText('about 20 minutes behind');
  await app.screenshot('result-next-steps-clock');
  expect(await blockingAxeFindings(app.page)).toEqual([]);

  await steps.getByRole('button', { name: 'Open in Diagnostics' }).click();
  await expect(heading(app.page, 'Diagnostics')).toBeVisible();
  await expect(app.field('Lock ID')).toHaveValue(lockId);
  await expect(app.field('User ID')).toHaveValue(sandbox.credentials.userId);
  expect(sandbox.activeLockIds()).toContain(lockId);
});

test('a cancelled request that had left says it may have reached the server; History shows it', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  const lockId = sandbox.seededLockIds[0];
  // Only the first request is held back, so it is in flight when cancelled.
  sandbox.setFault({ kind: 'delay', ms: 30_000 }, 1);

  await app.askToRelease(lockId);
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();
  // Cancel once the sandbox holds the request: the fault is used up when a request has arrived whole, so a cancel
  // before that would leave it armed for the release below.
  await expect
    .poll(async () => ((await (await fetch(`${sandbox.url}/_sandbox/fault`)).json()) as { fault: unknown }).fault)
    .toBeNull();
  await app.button('Cancel request').click();
  await expect(app.resultHeading()).toHaveText('Cancelled');
  await expect(app.result).toContainText('may have reached the server');
  await expect(app.result).toContainText('release the lock again');
  await expect(nextSteps(app).getByRole('button')).toHaveText(['Show in History']);
  await app.screenshot('result-next-steps-cancelled');

  await nextSteps(app).getByRole('button', { name: 'Show in History' }).click();
  await expect(heading(app.page, 'History')).toBeVisible();
  await expect(app.field('Lock ID contains')).toHaveValue(lockId);
  await expect(app.page.getByRole('heading', { name: '1 operation' })).toBeVisible();

  // Released again as the panel says: the lock was still held, so this one releases it.
  await app.navigate('Locks');
  await app.release(lockId);
  await expect(app.resultHeading()).toHaveText('Released');
  expect(sandbox.activeLockIds()).not.toContain(lockId);
});
