import { expect, test } from './support/fixtures';

test('first run: the sandbox flow releases a seeded stuck lock of another user', async ({ app, services }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Release stuck KooDrive backup locks' })).toBeVisible();
  await expect(page.getByText(/keychain/)).toBeVisible();
  await expect(app.button('Add a KooDrive profile')).toBeVisible();
  await app.screenshot('first-run');

  await app.button('Try it with the local sandbox').click();

  await expect(app.field('Profile')).toHaveValue('sandbox');
  const status = services.sandbox.status();
  expect(status.running).toBe(true);
  expect(status.activeLockIds.length).toBeGreaterThan(0);
  const stuck = page.getByRole('list', { name: 'Stuck locks in the sandbox' });
  for (const lock of status.activeLocks) {
    await expect(stuck.getByRole('button', { name: `Lock ${lock.lockId} of user ${lock.userId}` })).toBeVisible();
  }

  // The sandbox profile's default user is the first practice user; this lock belongs to the second.
  const defaultUser = (await services.profiles.list()).find((profile) => profile.id === 'sandbox')?.userId;
  const other = status.activeLocks.find((lock) => lock.userId !== defaultUser);
  if (!other) throw new Error('the sandbox seeds locks for two users');
  const { lockId, userId } = other;
  await stuck.getByRole('button', { name: `Lock ${lockId} of user ${userId}` }).click();
  await expect(app.lockIdInput).toHaveValue(lockId);
  await expect(app.field('User ID')).toHaveValue(userId);
  await expect(app.lockIdInput).toBeFocused();
  await app.screenshot('sandbox-lock-form');

  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toBeVisible();
  await expect(app.dialog).toContainText('Sandbox');
  await expect(app.dialog).toContainText(new URL(status.baseUrl ?? '').host);
  await expect(app.dialog).toContainText(lockId);
  await expect(app.dialog).toContainText(userId);
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();

  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.resultDetail('HTTP status')).toHaveText('200');
  await expect(app.resultDetail('Lock ID')).toHaveText(lockId);
  await expect(app.resultDetail('User ID')).toHaveText(userId);
  expect(services.sandbox.status().activeLockIds).not.toContain(lockId);
  await expect(stuck.getByRole('button', { name: lockId })).toHaveCount(0);
});
