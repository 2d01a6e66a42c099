import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

test('renew and create are confirmed separately and report their own results', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 1 });
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  const [seeded] = sandbox.seededLockIds;

  await app.lockIdInput.fill(seeded);
  await app.button('Renew lock…').click();
  await expect(app.dialog.getByRole('heading')).toHaveText('Renew this lock?');
  await expect(app.dialog).toContainText(seeded);
  await app.dialog.getByRole('button', { name: 'Renew lock' }).click();
  await expect(app.resultHeading()).toHaveText('Renewed');
  expect(sandbox.received()).toEqual([
    expect.objectContaining({ method: 'PATCH', lockId: seeded, outcome: 'renewed' }),
  ]);

  await app.page.getByText('Create a lock', { exact: true }).click();
  await expect(app.field('Module')).toHaveValue('102');
  await app.field('Module').selectOption('101');
  await app.button('Create lock…').click();
  await expect(app.dialog.getByRole('heading')).toHaveText('Create a lock?');
  await expect(app.dialog).toContainText('101');
  await app.dialog.getByRole('button', { name: 'Create lock' }).click();

  await expect(app.resultHeading()).toHaveText('Lock created');
  const created = sandbox.activeLockIds().find((lockId) => lockId !== seeded);
  expect(created).toMatch(/@101$/);
  await expect(app.resultDetail('Lock ID')).toHaveText(created ?? '');
  expect(sandbox.received()).toHaveLength(2);
});
