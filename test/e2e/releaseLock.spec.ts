import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

const UNKNOWN_LOCK = '00000000-0000-4000-8000-000000000000@102';

test('release succeeds, and the copied details name the result but never the secret', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  const lockId = sandbox.seededLockIds[0];

  await expect(app.field('Profile')).toHaveValue('staging');
  await expect(app.page.getByText(/^Secret stored in /)).toBeVisible();
  await app.lockIdInput.fill(lockId);
  await app.screenshot('lock-form');

  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toBeVisible();
  await expect(app.dialog.getByRole('button', { name: 'Release lock' })).toBeFocused();
  await app.screenshot('confirmation');
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();

  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.result).toContainText('The lock is released');
  await expect(app.resultDetail('HTTP status')).toHaveText('200');
  await expect(app.resultDetail('Server code')).toHaveText('0');
  await expect(app.resultDetail('Host')).toHaveText(new URL(sandbox.url).host);
  await expect(app.page.getByRole('status').filter({ hasText: 'Released.' })).toHaveCount(1);
  expect(sandbox.activeLockIds()).not.toContain(lockId);
  expect(sandbox.received()).toEqual([expect.objectContaining({ method: 'DELETE', lockId, outcome: 'released' })]);
  await app.screenshot('result-success');

  await app.button('Copy details').click();
  await expect(app.page.getByText('Details copied to the clipboard.')).toBeVisible();
  const copied = await app.readClipboard();
  expect(copied).toContain(`Lock ID: ${lockId}`);
  expect(copied).toContain('Outcome: Released (success)');
  expect(copied).toContain(`User ID: ${sandbox.credentials.userId}`);
  expect(copied).not.toContain(sandbox.credentials.token);
});

test('release of an unknown lock says it was not found and what to do', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();

  await app.release(UNKNOWN_LOCK);

  await expect(app.resultHeading()).toHaveText('Lock not found');
  await expect(app.result).toContainText('The lock is already gone (released or expired) or the ID is wrong');
  await expect(app.resultDetail('Lock ID')).toHaveText(UNKNOWN_LOCK);
  await expect(app.resultDetail('Server code')).not.toHaveText('—');
  expect(sandbox.activeLockIds()).toEqual(sandbox.seededLockIds);
  await app.screenshot('result-error');
});

test('a wrong secret gives an authentication result', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox, { token: 'not-the-right-token' });
  await app.page.reload();
  await app.ready();

  await app.release(sandbox.seededLockIds[0]);

  await expect(app.resultHeading()).toHaveText('Authentication failed');
  await expect(app.result).toContainText('rejected the access token');
  await expect(app.result).not.toContainText('not-the-right-token');
  expect(sandbox.activeLockIds()).toContain(sandbox.seededLockIds[0]);
});

test('a server that is down gives a network result', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await sandbox.stop();
  await app.page.reload();
  await app.ready();

  await app.release(sandbox.seededLockIds[0]);

  await expect(app.resultHeading()).toHaveText('Could not connect');
  await expect(app.resultDetail('HTTP status')).toHaveText('No response');
  await expect(app.resultDetail('Host')).toHaveText(new URL(sandbox.url).host);
});
