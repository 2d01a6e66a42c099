import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';

async function openBatch(app: LockAdminPage): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Batch' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Release many locks' })).toBeVisible();
}

/** The value shown under a label of the progress panel (Done, Failed, Not sent…). */
function fact(page: Page, label: string): Locator {
  return page
    .getByRole('region', { name: 'Progress' })
    .locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');
}

async function progressValue(bar: Locator): Promise<number> {
  return Number(await bar.getAttribute('aria-valuenow'));
}

test('a 500-lock batch shows its progress, and a cancel half-way sends none of the rest', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 0 });
  await saveSandboxProfile(handlers, sandbox);
  const lockIds = Array.from({ length: 500 }, () => sandbox.addLock('102'));
  sandbox.setFault({ kind: 'delay', ms: 40 });
  await app.page.reload();
  await app.ready();
  await openBatch(app);

  const lines = [
    ...lockIds.slice(0, 2),
    'ümlaut-lock@102',
    ...lockIds.slice(2, 5),
    'x'.repeat(300),
    ...lockIds.slice(5),
  ];
  lines.push(lockIds[0]);
  await app.field('User and lock IDs').fill(lines.join('\n'));
  await expect(app.page.getByText('500 locks ready.')).toBeVisible();
  await expect(
    app.page.getByText('500 lock IDs from a list, no user column; 1 repeated row sent once; 2 invalid'),
  ).toBeVisible();
  const invalid = app.page.getByRole('region', { name: '2 rows are not valid' });
  await expect(invalid.getByRole('row')).toHaveCount(3);
  await expect(invalid.getByRole('row').nth(1)).toContainText('3ümlaut-lock@102');
  await expect(invalid.getByRole('row').nth(1)).toContainText('printable ASCII');
  await expect(invalid.getByRole('row').nth(2)).toContainText('7');
  await expect(invalid.getByRole('row').nth(2)).toContainText('at most 256 characters');
  await expect(app.field('Requests at a time')).toHaveValue('4');
  // Nothing is sent while rows are invalid, unless the user chooses to skip them.
  await expect(app.button('Release 500 locks…')).toBeDisabled();
  await app.page.getByLabel('Skip the 2 invalid rows and send the rest').check();

  await app.button('Release 500 locks…').click();
  await expect(app.dialog.getByRole('heading')).toHaveText('Release 500 locks?');
  await expect(app.dialog).toContainText('Staging');
  await expect(app.dialog).toContainText(new URL(sandbox.url).host);
  await expect(app.dialog.getByRole('button', { name: 'Release 500 locks' })).toBeFocused();
  await app.dialog.getByRole('button', { name: 'Release 500 locks' }).click();

  const bar = app.page.getByRole('progressbar', { name: 'Batch progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', '500');
  await expect.poll(() => progressValue(bar)).toBeGreaterThan(20);
  const early = await progressValue(bar);
  await expect.poll(() => progressValue(bar)).toBeGreaterThan(early + 20);
  await expect(fact(app.page, 'Rate')).toHaveText(/^\d+(\.\d)? locks\/s$/);
  await app.screenshot('batch-in-progress');

  await expect.poll(() => progressValue(bar), { timeout: 20_000 }).toBeGreaterThanOrEqual(200);
  await app.button('Cancel batch').click();
  await expect(
    app.page.getByText(/^Cancelled: \d+ released, 0 already gone, 0 to retry, 0 need a fix, \d+ not sent\./),
  ).toBeVisible();

  const sent = sandbox.received().length;
  expect(sent).toBeGreaterThanOrEqual(200);
  expect(sent).toBeLessThan(500);
  await expect(fact(app.page, 'Not sent')).toHaveText(String(500 - sent));
  await expect(fact(app.page, 'Released')).toHaveText(String(sent));
  await expect(bar).toHaveAttribute('aria-valuenow', String(sent));
  expect(sandbox.activeLockIds()).toHaveLength(500 - sent);
  await expect(app.page.getByText(`Rows 1–100 of ${sent}`)).toBeVisible();
  await expect(app.button(`Send the rest (${500 - sent})…`)).toBeVisible();
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sandbox.received()).toHaveLength(sent);
});

test('an imported file, the retryable ones only, retry of those and CSV export', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ seedLocks: 0 });
  await saveSandboxProfile(handlers, sandbox);
  const lockIds = Array.from({ length: 30 }, () => sandbox.addLock('102'));
  // The first five requests meet a gateway error; everything after goes through.
  sandbox.setFault({ kind: 'status', status: 503 }, 5);
  await app.page.reload();
  await app.ready();
  await openBatch(app);

  const user = sandbox.credentials.userId;
  const csv = ['lockId,user,note', ...lockIds.map((lockId, n) => `${lockId},${user},row ${n}`)].join('\r\n');
  await app.page.getByLabel('Batch file').setInputFiles({
    name: 'stuck-locks.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await expect(app.page.getByText('Imported “stuck-locks.csv”.')).toBeVisible();
  await expect(app.page.getByText('30 locks ready.')).toBeVisible();
  await expect(app.page.getByText('30 rows: user from column user, lock from column lockId')).toBeVisible();
  await app.field('Requests at a time').fill('40');
  await expect(app.page.getByText('Enter a whole number from 1 to 32.')).toBeVisible();
  await expect(app.button('Release 30 locks…')).toBeDisabled();
  await app.field('Requests at a time').fill('1');

  await app.button('Release 30 locks…').click();
  await app.dialog.getByRole('button', { name: 'Release 30 locks' }).click();
  await expect(app.page.getByText('Finished: 25 released, 0 already gone, 5 to retry, 0 need a fix.')).toBeVisible();
  const results = app.page.getByRole('table', { name: 'Batch results' });
  await expect(results.getByRole('row')).toHaveCount(31);

  const retryable = app.page
    .getByRole('group', { name: /^Results by outcome/ })
    .getByRole('button', { name: /Retryable/ });
  await retryable.click();
  await expect(retryable).toHaveAttribute('aria-pressed', 'true');
  await expect(results.getByRole('row')).toHaveCount(6);
  for (let n = 1; n <= 5; n += 1) {
    await expect(results.getByRole('row').nth(n)).toContainText(user);
    await expect(results.getByRole('row').nth(n)).toContainText('Server error');
    await expect(results.getByRole('row').nth(n)).toContainText('503');
  }
  await app.screenshot('batch-finished');

  const [download] = await Promise.all([app.page.waitForEvent('download'), app.button('Export CSV').click()]);
  expect(download.suggestedFilename()).toMatch(/^koodrive-batch-\d{8}-\d{6}\.csv$/);
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  const header = lines.findIndex((line) => line.startsWith('userId,'));
  expect(lines.slice(0, header).every((line) => line.startsWith('#'))).toBe(true);
  expect(lines).toContain('# profile,Staging');
  expect(lines).toContain('# retryable,5');
  expect(lines[header]).toBe(
    'userId,lockId,outcome,kind,httpStatus,code,msg,sentAt,durationMs,host,requestId,operation,remedy',
  );
  const rows = lines.slice(header + 1, -1);
  expect(rows).toHaveLength(30);
  expect(rows.filter((row) => row.startsWith(`${user},`) && row.includes(',retryable,server,503,'))).toHaveLength(5);
  expect(rows.filter((row) => row.includes(',released,success,200,'))).toHaveLength(25);
  await expect(app.page.getByText(`Saved ${download.suggestedFilename()}.`)).toBeVisible();

  await app.button('Retry the retryable (5)…').click();
  await expect(app.dialog.getByRole('heading')).toHaveText('Retry 5 failed locks?');
  await app.dialog.getByRole('button', { name: 'Release 5 locks' }).click();
  await expect(app.page.getByText('Finished: 5 released, 0 already gone, 0 to retry, 0 need a fix.')).toBeVisible();
  await expect(retryable).toHaveAttribute('aria-pressed', 'true');
  await expect(app.page.getByText('No results with this outcome.')).toBeVisible();
  expect(sandbox.activeLockIds()).toEqual([]);
  expect(sandbox.received()).toHaveLength(35);
});
