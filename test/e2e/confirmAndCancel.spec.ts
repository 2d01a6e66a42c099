import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

test('a cancelled confirmation sends nothing', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  const lockId = sandbox.seededLockIds[0];

  await app.askToRelease(lockId);
  await app.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.dialog).toBeHidden();

  await app.askToRelease(lockId);
  await app.page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();
  await expect(app.lockIdInput).toBeFocused();

  await app.button('Renew lock…').click();
  await expect(app.dialog).toContainText('Renew this lock?');
  await app.page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();

  await expect(app.result).toHaveCount(0);
  expect(sandbox.received()).toEqual([]);
  expect(sandbox.activeLockIds()).toContain(lockId);
});

test('an invalid lock ID is explained and never sent; a pasted one is trimmed', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();

  await app.button('Release lock…').click();
  await expect(app.lockIdInput).toHaveAttribute('aria-invalid', 'true');
  await expect(app.page.getByText(/^Enter a lock ID/)).toBeVisible();

  await app.lockIdInput.fill('two ids@102');
  await expect(app.page.getByText(/only printable ASCII characters/)).toBeVisible();
  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toBeHidden();

  await app.writeClipboard('  \tlegacy-lock-7  ');
  await app.lockIdInput.fill('');
  await app.lockIdInput.press('ControlOrMeta+V');
  await expect(app.lockIdInput).toHaveValue('legacy-lock-7');
  await expect(app.page.getByText(/does not have the usual <uuid>@<moduleCode> shape/)).toBeVisible();
  expect(sandbox.received()).toEqual([]);
});

test('a request in flight can be cancelled, and cannot be sent twice', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  const lockId = sandbox.seededLockIds[0];
  // Only the first request is held back: a second one would release the lock at once.
  sandbox.setFault({ kind: 'delay', ms: 30_000 }, 1);

  await app.askToRelease(lockId);
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();

  const cancel = app.button('Cancel request');
  await expect(cancel).toBeVisible();
  await expect(app.page.getByRole('status').filter({ hasText: 'Releasing the lock…' })).toHaveCount(1);
  await expect(app.button('Release lock…')).toBeDisabled();
  await expect(app.button('Renew lock…')).toBeDisabled();
  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toBeHidden();
  await app.screenshot('in-flight');

  const started = Date.now();
  await cancel.click();
  await expect(app.resultHeading()).toHaveText('Cancelled');
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(app.button('Release lock…')).toBeEnabled();
  expect(sandbox.activeLockIds()).toContain(lockId);
  expect(sandbox.received()).toEqual([]);
});
