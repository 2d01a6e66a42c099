import { expect, test } from './support/fixtures';

test('first run: the sandbox flow releases a seeded stuck lock', async ({ app, services }) => {
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
  for (const lockId of status.activeLockIds) await expect(stuck.getByRole('button', { name: lockId })).toBeVisible();

  const lockId = status.activeLockIds[0];
  await stuck.getByRole('button', { name: lockId }).click();
  await expect(app.lockIdInput).toHaveValue(lockId);
  await expect(app.lockIdInput).toBeFocused();
  await app.screenshot('sandbox-lock-form');

  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toBeVisible();
  await expect(app.dialog).toContainText('Sandbox');
  await expect(app.dialog).toContainText(new URL(status.baseUrl ?? '').host);
  await expect(app.dialog).toContainText(lockId);
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();

  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.resultDetail('HTTP status')).toHaveText('200');
  await expect(app.resultDetail('Lock ID')).toHaveText(lockId);
  expect(services.sandbox.status().activeLockIds).not.toContain(lockId);
  await expect(stuck.getByRole('button', { name: lockId })).toHaveCount(0);
});
