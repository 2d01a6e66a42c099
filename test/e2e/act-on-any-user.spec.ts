/**
 * The three real tasks of acting on any user through one tenant (app-authentication) profile:
 * release one lock for the user named in a ticket without touching the profile; release a few
 * hundred (user, lock) rows from a CSV across many users, read the outcome breakdown and export the
 * run summary; find that batch, and one user's operations, in History. The sandbox keeps each lock
 * for its own user, so a lock released for the wrong user is refused, as on the real server.
 */
import { readFile } from 'node:fs/promises';
import type { RunningSandbox } from '../../electron/sandbox/server';
import type { Handlers } from '../../shared/contract';
import type { Profile } from '../../shared/profile';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';

const TICKET_USER = '1505084218764547200';

/** An app-authentication profile for the tenant: no default user, so every operation names its user. */
async function saveTenantProfile(
  handlers: Handlers,
  sandbox: RunningSandbox,
  options: { defaultUser?: string } = {},
): Promise<Profile> {
  const profile = await handlers.saveProfile({
    name: 'Tenant practice',
    baseUrl: sandbox.url,
    authMode: 'app',
    appId: sandbox.credentials.appId,
    moduleCode: '102',
    ...(options.defaultUser ? { userId: options.defaultUser } : {}),
  });
  await handlers.setSecret({ profileId: profile.id, secret: sandbox.credentials.appSecret });
  return profile;
}

async function open(app: LockAdminPage, screen: 'Batch' | 'History' | 'Locks'): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
  await expect(
    app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }),
  ).toHaveAttribute('aria-current', 'page');
}

test('releases one lock for the user named in a ticket, without touching the profile', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 1 });
  const defaultUser = sandbox.credentials.userId;
  const profile = await saveTenantProfile(handlers, sandbox, { defaultUser });
  const lockId = sandbox.addLock({ userId: TICKET_USER, moduleCode: '102' });
  await app.page.reload();
  await app.ready();

  // The environment is visible on the screen and in the window title.
  const header = app.page.getByRole('banner');
  await expect(header).toContainText('Sandbox');
  await expect(header).toContainText('Profile: Tenant practice');
  await expect(app.page).toHaveTitle('Tenant practice (Sandbox) – KooDrive Lock Admin');

  const userField = app.field('User ID');
  await expect(userField).toHaveValue(defaultUser);
  await expect(userField).toBeEditable();
  await app.lockIdInput.fill(lockId);
  await expect(app.page.getByText('Module: Contacts (102)')).toBeVisible();

  // First as the profile's default user: the lock is not that user's, so the server refuses it.
  await app.lockIdInput.press('Enter');
  await expect(app.dialog).toContainText(defaultUser);
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();
  await expect(app.resultHeading()).toHaveText('Lock not found');
  await expect(app.resultDetail('User ID')).toHaveText(defaultUser);
  expect(sandbox.activeLocks()).toContainEqual(expect.objectContaining({ userId: TICKET_USER, lockId }));

  // The user from the ticket: the earlier result is marked as being for another user.
  await userField.fill(TICKET_USER);
  await expect(app.result.getByRole('note')).toContainText(`user ${defaultUser}`);
  await app.screenshot('locks-user-stale-result');

  await app.lockIdInput.press('Enter');
  await expect(app.dialog.getByRole('heading')).toHaveText('Release this lock?');
  const confirmation = (label: string) =>
    app.dialog
      .locator('div.details-row', { has: app.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  await expect(confirmation('Environment')).toHaveText('Sandbox');
  await expect(confirmation('User ID')).toHaveText(TICKET_USER);
  await expect(confirmation('Lock ID')).toHaveText(lockId);
  await expect(confirmation('Module')).toHaveText('Contacts (102)');
  await app.screenshot('locks-user-confirmation');
  await app.dialog.getByRole('button', { name: 'Release lock' }).click();

  await expect(app.resultHeading()).toHaveText('Released');
  await expect(app.result.getByRole('note')).toHaveCount(0);
  await expect(app.resultDetail('User ID')).toHaveText(TICKET_USER);
  await expect(app.resultDetail('Module')).toHaveText('Contacts (102)');
  await expect(app.resultDetail('Environment')).toHaveText('Sandbox');
  expect(sandbox.activeLocks().some((lock) => lock.lockId === lockId)).toBe(false);
  expect(sandbox.received().map((request) => request.outcome)).toEqual([
    expect.stringMatching(/^rejected:/),
    'released',
  ]);
  await app.screenshot('locks-user-result');

  // The profile was not touched; the ticket's user is remembered for this profile.
  const [saved] = await handlers.listProfiles();
  expect(saved).toEqual(expect.objectContaining({ id: profile.id, userId: defaultUser, environment: 'sandbox' }));
  await app.page.reload();
  await app.ready();
  await expect(app.field('User ID')).toHaveValue(defaultUser);
  // Both users tried are suggested, the latest first.
  const suggested = app.page.locator('#lock-user-id-recent option');
  await expect(suggested).toHaveCount(2);
  await expect(suggested.nth(0)).toHaveAttribute('value', TICKET_USER);
  await expect(suggested.nth(1)).toHaveAttribute('value', defaultUser);
});

test('a bearer profile keeps its user fixed and says why', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive({ seedLocks: 1 });
  const profile = await handlers.saveProfile({
    name: 'One user',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
    environment: 'production',
  });
  await handlers.setSecret({ profileId: profile.id, secret: sandbox.credentials.token });
  await app.page.reload();
  await app.ready();

  const userField = app.field('User ID');
  await expect(userField).toHaveValue(sandbox.credentials.userId);
  await expect(userField).not.toBeEditable();
  await expect(app.page.getByText('Fixed: a bearer token acts only for its own user.')).toBeVisible();
  await expect(app.page.getByRole('banner')).toContainText('Production');
  await expect(app.page).toHaveTitle('One user (Production) – KooDrive Lock Admin');

  // Production: the confirmation warns, and Enter on it does not send (Cancel has the focus).
  await app.askToRelease(sandbox.seededLockIds[0]);
  await expect(app.dialog).toContainText('This goes to Production');
  await expect(app.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot('locks-production-confirmation');
  await app.page.keyboard.press('Enter');
  await expect(app.dialog).toBeHidden();
  expect(sandbox.received()).toEqual([]);
});

test('a (user, lock) CSV batch across many users: outcome breakdown, run-summary export, History by batch and user', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  test.setTimeout(120_000);
  // 240 stuck locks spread over 80 users (3 each); the profile has no default user.
  const sandbox = await startKooDrive({ seedLocks: 0, seed: 240, seedUsers: 80 });
  await saveTenantProfile(handlers, sandbox);
  const locks = sandbox.seededLocks;
  expect(locks).toHaveLength(240);
  expect(new Set(locks.map((lock) => lock.userId)).size).toBe(80);
  // Five locks that no longer exist (already released by someone else): "already gone", not failures.
  const gone = Array.from({ length: 5 }, (_, n) => ({
    userId: locks[n].userId,
    lockId: `0b0b0b0b-0000-4000-8000-00000000000${n}@102`,
  }));
  // The first three requests meet a gateway error: retryable.
  sandbox.setFault({ kind: 'status', status: 503 }, 3);
  await app.page.reload();
  await app.ready();
  await open(app, 'Batch');

  const csv = [
    'UserID;Lock_ID;note',
    ...locks.map((lock, n) => `${lock.userId};"${lock.lockId}";row ${n}`),
    `${locks[7].userId};${locks[7].lockId};repeated`,
    `12ab;${gone[0].lockId};bad user`,
    ...gone.map((lock) => `${lock.userId};${lock.lockId};gone`),
  ].join('\r\n');
  await app.page.getByLabel('Batch file').setInputFiles({
    name: 'outage.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${csv}`),
  });
  await expect(app.page.getByText('Imported “outage.csv”.')).toBeVisible();
  await expect(app.page.getByText('245 locks of 80 users ready.')).toBeVisible();
  await expect(
    app.page.getByText(
      '245 rows: user from column UserID, lock from column Lock_ID; 1 repeated row sent once; 1 invalid',
    ),
  ).toBeVisible();
  const invalid = app.page.getByRole('region', { name: '1 row is not valid' });
  await expect(invalid.getByRole('row').nth(1)).toContainText('12ab');
  await expect(invalid.getByRole('row').nth(1)).toContainText('digits only');

  // An invalid row holds everything back until the user chooses to skip it.
  await expect(app.page.getByText('Nothing is sent while 1 row is invalid')).toBeVisible();
  await expect(app.button('Release 245 locks…')).toBeDisabled();
  await app.page.getByLabel('Skip the invalid row and send the rest').check();
  await app.screenshot('batch-users-input');
  await app.button('Release 245 locks…').click();
  await expect(app.dialog.getByRole('heading')).toHaveText('Release 245 locks?');
  await expect(app.dialog).toContainText('80 different users');
  await expect(app.dialog).toContainText('Sandbox');
  await app.dialog.getByRole('button', { name: 'Release 245 locks' }).click();

  await expect(app.page.getByText('Finished: 237 released, 5 already gone, 3 to retry, 0 need a fix.')).toBeVisible({
    timeout: 60_000,
  });
  expect(sandbox.activeLocks()).toHaveLength(3);

  const breakdown = app.page.getByRole('group', { name: /^Results by outcome/ });
  const results = app.page.getByRole('table', { name: 'Batch results' });
  await breakdown.getByRole('button', { name: /Already gone/ }).click();
  await expect(results.getByRole('row')).toHaveCount(6);
  for (const lock of gone) await expect(results).toContainText(lock.lockId);
  const goneCell = results.getByRole('row').nth(1).getByText('Already gone');
  // Run in the page, written as text like the other specs (the test tsconfig has no DOM library).
  const goneColor = await goneCell.evaluate('(element) => getComputedStyle(element).color');
  const dangerColor = await app.page.evaluate(`(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--danger-fg)';
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  })()`);
  expect(goneColor).not.toBe(dangerColor);
  await breakdown.getByRole('button', { name: /Retryable/ }).click();
  await expect(results.getByRole('row')).toHaveCount(4);
  await expect(results).toContainText('503');
  await app.screenshot('batch-users-outcomes');

  // The export starts with the run summary and carries each row's user.
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.button('Export CSV').click()]);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines.slice(0, 4)).toEqual([
    '# KooDrive lock batch results',
    '# profile,Tenant practice',
    '# environment,sandbox',
    `# host,${new URL(sandbox.url).host}`,
  ]);
  expect(lines).toContain('# released,237');
  expect(lines).toContain('# already-gone,5');
  expect(lines).toContain('# retryable,3');
  const batchLine = lines.find((line) => line.startsWith('# batch,'));
  expect(batchLine).toBeDefined();
  const batchId = (batchLine ?? '').slice('# batch,'.length);
  expect(lines.find((line) => line.startsWith('# operator,'))).toMatch(/^# operator,.+/);
  expect(lines.find((line) => line.startsWith('# started,'))).toMatch(/^# started,\d{4}-\d\d-\d\dT/);
  expect(lines.find((line) => line.startsWith('# ended,'))).toMatch(/^# ended,\d{4}-\d\d-\d\dT/);
  const header = lines.find((line) => !line.startsWith('#')) ?? '';
  expect(header.split(',').slice(0, 3)).toEqual(['userId', 'lockId', 'outcome']);
  const rows = lines.slice(lines.indexOf(header) + 1).filter((line) => line !== '');
  expect(rows).toHaveLength(245);
  expect(rows).toContainEqual(
    expect.stringMatching(new RegExp(`^${locks[100].userId},${locks[100].lockId},released,`)),
  );
  expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${gone[1].userId},${gone[1].lockId},already-gone,`)));

  // History: exactly this batch, then one user of it.
  await app.button('Show in History').click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(app.field('Batch ID')).toHaveValue(batchId);
  await expect(app.page.getByRole('heading', { name: '245 operations' })).toBeVisible();
  const user = locks[10].userId;
  await app.field('User ID').fill(user);
  await expect(app.page.getByRole('heading', { name: '3 operations' })).toBeVisible();
  const grid = app.page.getByRole('grid', { name: 'Lock operations, newest first' });
  await expect(grid.getByRole('row')).toHaveCount(4);
  for (let n = 1; n <= 3; n += 1) {
    await expect(grid.getByRole('row').nth(n)).toContainText(user);
    await expect(grid.getByRole('row').nth(n)).toContainText('Tenant practice');
  }
  await app.screenshot('history-batch-user');

  // Back on the batch: Retry sends only the three retryable rows, each for its own user.
  await open(app, 'Batch');
  const before = sandbox.received().length;
  await app.button('Retry the retryable (3)…').click();
  await expect(app.dialog.getByRole('heading')).toHaveText('Retry 3 failed locks?');
  await app.dialog.getByRole('button', { name: 'Release 3 locks' }).click();
  await expect(app.page.getByText('Finished: 3 released, 0 already gone, 0 to retry, 0 need a fix.')).toBeVisible();
  expect(sandbox.received()).toHaveLength(before + 3);
  expect(sandbox.activeLocks()).toEqual([]);
});

test('a Production batch above 50 locks asks to type the number of locks', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive({ seedLocks: 0 });
  const profile = await handlers.saveProfile({
    name: 'Tenant live',
    baseUrl: sandbox.url,
    authMode: 'app',
    appId: sandbox.credentials.appId,
    moduleCode: '102',
    environment: 'production',
  });
  await handlers.setSecret({ profileId: profile.id, secret: sandbox.credentials.appSecret });
  const rows = Array.from({ length: 60 }, (_, n) => {
    const userId = `150508421876454${String(7200 + (n % 6))}`;
    return { userId, lockId: sandbox.addLock({ userId, moduleCode: '101' }) };
  });
  await app.page.reload();
  await app.ready();
  await open(app, 'Batch');

  await app
    .field('User and lock IDs')
    .fill(['user_id,lockId', ...rows.map((row) => `${row.userId},${row.lockId}`)].join('\n'));
  await expect(app.page.getByText('60 locks of 6 users ready.')).toBeVisible();
  await app.button('Release 60 locks…').click();
  await expect(app.dialog).toContainText('This goes to Production');
  await expect(app.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const release = app.dialog.getByRole('button', { name: 'Release 60 locks' });
  await expect(release).toBeDisabled();
  const count = app.dialog.getByLabel('Type the number of locks (60) to confirm');
  await count.fill('50');
  await expect(release).toBeDisabled();
  await app.screenshot('batch-production-confirmation');
  await count.fill('60');
  await expect(release).toBeEnabled();
  expect(sandbox.received()).toEqual([]);
  await release.click();
  await expect(app.page.getByText('Finished: 60 released, 0 already gone, 0 to retry, 0 need a fix.')).toBeVisible();
  expect(sandbox.activeLocks()).toEqual([]);
});

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the lock and batch screens speak of users, modules and outcomes in Chinese', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const sandbox = await startKooDrive({ seedLocks: 0, seed: 6, seedUsers: 3 });
    await saveTenantProfile(handlers, sandbox, { defaultUser: sandbox.credentials.userId });
    await app.page.reload();
    await app.ready();
    const [first, ...rest] = sandbox.seededLocks;

    await expect(app.page.getByRole('banner')).toContainText('沙箱');
    await expect(app.page).toHaveTitle('Tenant practice（沙箱）– KooDrive 备份锁管理');
    await app.page.getByLabel('用户 ID', { exact: true }).fill(first.userId);
    await app.page.getByLabel('锁 ID', { exact: true }).fill(first.lockId);
    await expect(app.page.getByText(/^模块：/)).toBeVisible();
    await app.screenshot('locks-user-zh-CN');

    await app.page.getByRole('navigation').getByRole('button', { name: '批量', exact: true }).click();
    const csv = ['userId,lockId', ...rest.map((lock) => `${lock.userId},${lock.lockId}`)].join('\n');
    await app.page
      .getByLabel('用户和锁 ID', { exact: true })
      .fill(`${csv}\n${first.userId},0b0b0b0b-0000-4000-8000-000000000000@102`);
    await expect(app.page.getByText('已准备好 3 个用户的 6 个锁。')).toBeVisible();
    await expect(app.page.getByText('6 行：用户取自“userId”列，锁取自“lockId”列')).toBeVisible();
    await app.page.getByRole('button', { name: '释放 6 个锁…' }).click();
    await app.page.getByRole('dialog').getByRole('button', { name: '释放 6 个锁' }).click();
    await expect(app.page.getByText('已完成：5 个已释放，1 个已不存在，0 个待重试，0 个需要修正。')).toBeVisible();
    await expect(app.page.getByRole('group', { name: /^按结果分类/ })).toContainText('已不存在');
    await app.screenshot('batch-users-zh-CN');
  });
});
