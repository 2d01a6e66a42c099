/**
 * The three tasks of issue 17 walked end to end against the sandbox, each step reached by the clicks and keys a user
 * would use (no navigation by URL once the app is open), and at every step the next action present:
 * (a) release the lock from this ticket, (b) release 3,000 locks after an outage and prove which, (c) why does it
 * fail with 401? Locators are by role and label, so layout changes do not break them.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxAppProfile } from './support/profiles';

/** The user a ticket names: not the profile's default user. */
const TICKET_USER = '1505084218764547200';
const BATCH_SIZE = 3000;
const OLD_SECRET = 'an-old-app-secret';

async function openApp(app: LockAdminPage): Promise<void> {
  await app.page.reload();
  await app.ready();
}

function screenHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { name, exact: typeof name === 'string' });
}

async function openScreen(app: LockAdminPage, tab: string, heading: string | RegExp): Promise<void> {
  const button = app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: tab });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(screenHeading(app.page, heading)).toBeVisible();
}

function nextSteps(app: LockAdminPage): Locator {
  return app.result.getByRole('group', { name: 'Next steps' });
}

/** The next action a user would take is there and can be used: no dead end. */
async function expectNextAction(action: Locator): Promise<void> {
  await expect(action).toBeVisible();
  await expect(action).toBeEnabled();
}

test('(a) release the lock from this ticket: paste the lock ID, name the user, release, find it in History', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxAppProfile(handlers, sandbox, { name: 'Tenant', defaultUser: false });
  const lockId = sandbox.addLock({ userId: TICKET_USER, moduleCode: '102' });
  await openApp(app);

  // Copied from the ticket, pasted into the form.
  await app.writeClipboard(lockId);
  await expectNextAction(app.lockIdInput);
  await app.lockIdInput.click();
  await app.page.keyboard.press('ControlOrMeta+V');
  await expect(app.lockIdInput).toHaveValue(lockId);
  await app.field('User ID').fill(TICKET_USER);
  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toBeVisible();
  await expect(app.dialog).toContainText(TICKET_USER);
  const confirm = app.dialog.getByRole('button', { name: 'Release lock' });
  await expectNextAction(confirm);
  await confirm.click();

  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.resultDetail('User ID')).toHaveText(TICKET_USER);
  expect(sandbox.activeLocks().map((lock) => lock.lockId)).not.toContain(lockId);
  const showInHistory = nextSteps(app).getByRole('button', { name: 'Show in History' });
  await expectNextAction(showInHistory);
  await showInHistory.click();

  await expect(screenHeading(app.page, 'History')).toBeVisible();
  await expect(app.page.getByRole('heading', { name: '1 operation' })).toBeVisible();
  const grid = app.page.getByRole('grid', { name: /Lock operations/ });
  const row = grid.getByRole('row').filter({ hasText: lockId });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(TICKET_USER);
  await app.screenshot('three-tasks-a-history');
});

test('(b) release 3,000 locks after an outage and prove which: file in, all released, CSV out, the batch in History', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  test.setTimeout(240_000);
  const sandbox = await startKooDrive({ seedLocks: 0, seed: BATCH_SIZE, seedUsers: 100 });
  await saveSandboxAppProfile(handlers, sandbox, { name: 'Tenant', defaultUser: false });
  const stuck = sandbox.seededLocks;
  expect(stuck).toHaveLength(BATCH_SIZE);
  await openApp(app);
  await openScreen(app, 'Batch', 'Release many locks');

  // The outage's list of (user, lock) pairs, as exported from monitoring.
  const csv = ['userId,lockId', ...stuck.map((lock) => `${lock.userId},${lock.lockId}`)].join('\n');
  const fileInput = app.page.getByLabel('Batch file');
  await fileInput.setInputFiles({ name: 'outage-locks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(app.page.getByText(/^3,?000 locks of 100 users ready\.$/)).toBeVisible();
  await app.field('Requests at a time').fill('16');
  const start = app.page.getByRole('button', { name: /^Release 3,?000 locks…$/ });
  await expectNextAction(start);
  await start.click();
  const confirm = app.dialog.getByRole('button', { name: /^Release 3,?000 locks$/ });
  await expectNextAction(confirm);
  await confirm.click();

  await expect(
    app.page.getByText(/^Finished: 3,?000 released, 0 already gone, 0 to retry, 0 need a fix\./),
  ).toBeVisible({ timeout: 200_000 });
  expect(sandbox.activeLocks()).toEqual([]);
  await app.screenshot('three-tasks-b-finished');

  // Prove which: the exported CSV lists every (user, lock) released.
  const exportCsv = app.button('Export CSV');
  await expectNextAction(exportCsv);
  const [download] = await Promise.all([app.page.waitForEvent('download'), exportCsv.click()]);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  const header = lines.findIndex((line) => line.startsWith('userId,'));
  expect(lines[header].split(',').slice(0, 3)).toEqual(['userId', 'lockId', 'outcome']);
  const rows = lines.slice(header + 1).filter((line) => line.length > 0);
  expect(rows).toHaveLength(BATCH_SIZE);
  const released = new Set(
    rows.filter((row) => row.split(',')[2] === 'released').map((row) => row.split(',').slice(0, 2).join(',')),
  );
  expect(released).toEqual(new Set(stuck.map((lock) => `${lock.userId},${lock.lockId}`)));
  const batchLine = lines.find((line) => line.startsWith('# batch,'));
  const batchId = batchLine?.slice('# batch,'.length) ?? '';
  expect(batchId).not.toBe('');

  // And the batch in History, from the batch's own results.
  const showInHistory = app.button('Show in History');
  await expectNextAction(showInHistory);
  await showInHistory.click();
  await expect(screenHeading(app.page, 'History')).toBeVisible();
  await expect(app.page.getByRole('heading', { name: /^3,?000 operations$/ })).toBeVisible();
  // Filtered by the batch the CSV names: the proof and the audit trail are the same 3,000 operations.
  await expect(app.field('Batch ID')).toHaveValue(batchId);
  await app.screenshot('three-tasks-b-history');
});

test('(c) why does it fail with 401: the result’s next steps, Diagnostics on the profile, the secret replaced, the failed release filled in again, released', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  // This gateway says what it signed, so the result can tell a wrong secret from a request changed on the way.
  const sandbox = await startKooDrive({ signatureDetail: true });
  const profile = await saveSandboxAppProfile(handlers, sandbox, {
    name: 'Tenant',
    defaultUser: false,
    secret: OLD_SECRET,
  });
  const lockId = sandbox.addLock({ userId: TICKET_USER, moduleCode: '102' });
  await openApp(app);

  await app.field('User ID').fill(TICKET_USER);
  await app.release(lockId);
  await expect(app.resultHeading()).toHaveText('Authentication failed');
  await expect(app.result).toContainText('401');
  await expect(app.result).toContainText('the request arrived as signed and the App secret (or App ID) is wrong');
  await expect(app.result).not.toContainText(OLD_SECRET);
  const openDiagnostics = nextSteps(app).getByRole('button', { name: 'Open in Diagnostics' });
  await expectNextAction(openDiagnostics);
  await expectNextAction(nextSteps(app).getByRole('button', { name: 'Replace secret' }));
  await openDiagnostics.click();

  // Diagnostics on the same profile, user and lock; the checks show the authenticated step failing.
  await expect(screenHeading(app.page, 'Diagnostics')).toBeVisible();
  await expect(app.field('Profile')).toHaveValue(profile.id);
  await expect(app.field('User ID')).toHaveValue(TICKET_USER);
  const runAll = app.button('Run all checks');
  await expectNextAction(runAll);
  await runAll.click();
  const authStep = app.page
    .getByRole('list', { name: 'Connection checks' })
    .getByRole('listitem')
    .filter({ hasText: 'Authenticated read-only call' });
  await expect(authStep).toBeVisible();
  await expect(authStep).toContainText('What to do:');
  await expect(authStep).not.toContainText('Passed');
  for (const step of ['Name lookup (DNS)', 'TCP connection', 'HTTP answer']) {
    await expect(
      app.page.getByRole('list', { name: 'Connection checks' }).getByRole('listitem').filter({ hasText: step }),
    ).toContainText('Passed');
  }
  await app.screenshot('three-tasks-c-diagnostics');

  // The fix, from the failed step: Profiles on this profile with its secret field focused.
  const replaceSecret = authStep.getByRole('button', { name: 'Replace secret' });
  await expectNextAction(replaceSecret);
  await replaceSecret.click();
  await expect(screenHeading(app.page, 'Profile “Tenant”')).toBeVisible();
  const secretField = app.field('App secret');
  await expect(secretField).toBeFocused();
  await app.page.keyboard.type(sandbox.credentials.appSecret);
  const save = app.button('Save profile');
  await expectNextAction(save);
  await save.click();
  // Saved (not only clicked): leaving the screen while the save runs would ask to discard the edit.
  await expect(app.page.getByRole('status').filter({ hasText: 'Profile “Tenant” saved.' })).toBeVisible();
  await expect(app.page.getByText('last call refused: 401')).toHaveCount(0);
  await expect(secretField).toHaveValue('');

  // Back to the lock form from the profile: the failed release comes back filled in, on the same profile and
  // for the same user; nothing is sent until it is confirmed.
  const useInLockForm = app.button('Use in lock form');
  await expectNextAction(useInLockForm);
  await useInLockForm.click();
  await expect(screenHeading(app.page, 'Release a backup lock')).toBeVisible();
  await expect(app.field('Profile')).toHaveValue(profile.id);
  await expect(app.lockIdInput).toHaveValue(lockId);
  await expect(app.field('User ID')).toHaveValue(TICKET_USER);
  await expect(
    app.page.getByRole('note').filter({ hasText: 'Filled in from the operation that failed' }),
  ).toContainText(lockId);
  expect(sandbox.activeLocks().map((lock) => lock.lockId)).toContain(lockId);
  await app.screenshot('three-tasks-c-filled-again');
  const release = app.button('Release lock…');
  await expectNextAction(release);
  await release.click();
  await expect(app.dialog).toContainText(TICKET_USER);
  await expect(app.dialog).toContainText(lockId);
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();
  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.resultDetail('User ID')).toHaveText(TICKET_USER);
  expect(sandbox.activeLocks().map((lock) => lock.lockId)).not.toContain(lockId);
  await expectNextAction(nextSteps(app).getByRole('button', { name: 'Show in History' }));
  await app.screenshot('three-tasks-c-released');
});
