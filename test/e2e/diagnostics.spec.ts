import type { Locator, Page } from '@playwright/test';
import { signature, stringToSign } from '../../electron/core/koodrive/sign';
import { RESULT_KINDS } from '../../shared/result';
import { expect, test } from './support/fixtures';
import { saveSandboxAppProfile, saveSandboxProfile } from './support/profiles';

const MINUTE = 60_000;

async function openDiagnostics(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Diagnostics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
}

function section(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title });
}

function step(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Connection checks' }).getByRole('listitem').filter({ hasText: name });
}

test('the request preview shows the redacted request and the cURL command, never the secret or signature', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxAppProfile(handlers, sandbox, { trustSandboxCa: true });
  await app.page.reload();
  await app.ready();
  await openDiagnostics(app.page);
  const lockId = sandbox.seededLockIds[0];

  const preview = section(app.page, 'Request preview');
  await preview.getByLabel('Lock ID', { exact: true }).fill(lockId);
  await preview.getByRole('button', { name: 'Show request' }).click();

  const headers = preview.getByRole('table', { name: 'Headers' });
  const authorization = headers.getByRole('row').filter({ hasText: 'Authorization' }).getByRole('cell');
  await expect(authorization).toHaveText(
    `HMAC-SHA256 AppId=${sandbox.credentials.appId},SignedHeaders=host;x-date;x-user-id,Signature=<redacted>`,
  );
  await expect(headers.getByRole('row').filter({ hasText: 'x-backup-lock-id' }).getByRole('cell')).toHaveText(lockId);
  await expect(preview.getByLabel('Request', { exact: true })).toHaveText(
    `DELETE ${sandbox.url}/koodrive/ose/v1/backup/lock`,
  );
  const canonical = (await preview.getByLabel('Canonical request', { exact: true }).textContent()) ?? '';
  expect(canonical).toContain(`x-user-id:${sandbox.credentials.userId}`);
  await expect(preview.getByLabel('String to sign', { exact: true })).toHaveText(stringToSign(canonical));

  // The signature the preview was built with (same canonical request, same secret) is nowhere in the page.
  const realSignature = signature(sandbox.credentials.appSecret, stringToSign(canonical));
  const dom = await app.page.content();
  expect(dom).not.toContain(sandbox.credentials.appSecret);
  expect(dom).not.toContain(realSignature);
  expect(sandbox.activeLockIds()).toContain(lockId);
  expect(sandbox.received()).toEqual([]);

  await preview.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(preview.getByText('The cURL command is on the clipboard.')).toBeVisible();
  const copied = await app.readClipboard();
  // The App secret is never an argument: it goes through a pipe into the HMAC built from openssl dgst -sha256.
  expect(copied).toContain('${KOODRIVE_APP_SECRET:?');
  expect(copied).toContain(`printf '%s' "$KOODRIVE_APP_SECRET" | od`);
  expect(copied).not.toContain('-hmac');
  expect(copied).toContain('| curl');
  expect(copied).toContain('-H @-');
  expect(copied).toContain(`-H 'x-backup-lock-id: ${lockId}'`);
  expect(copied).not.toContain(sandbox.credentials.appSecret);
  await app.screenshot('diagnostics-preview');
});

test('a bearer preview hides the token, and create shows its body', async ({ app, handlers, startKooDrive }) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  await openDiagnostics(app.page);

  const preview = section(app.page, 'Request preview');
  await preview.getByLabel('Operation', { exact: true }).selectOption('create');
  await preview.getByLabel('Module', { exact: true }).selectOption('101');
  await preview.getByRole('button', { name: 'Show request' }).click();
  await expect(
    preview.getByRole('table', { name: 'Headers' }).getByRole('row').filter({ hasText: 'Authorization' }),
  ).toContainText('Bearer <redacted>');
  await expect(preview.getByLabel('Body', { exact: true })).toHaveText('{"moduleCode":"101"}');
  await expect(preview.getByLabel('Canonical request', { exact: true })).toHaveCount(0);
  // The token reaches curl through stdin (-H @-), never as an argument.
  await expect(preview.getByLabel('cURL command', { exact: true })).toContainText(
    `printf '%s%s\\n' 'Authorization: Bearer ' "$KOODRIVE_TOKEN" | curl -X POST`,
  );
  expect(await app.page.content()).not.toContain(sandbox.credentials.token);

  // A release without a lock ID is caught in the form.
  await preview.getByLabel('Operation', { exact: true }).selectOption('release');
  await preview.getByRole('button', { name: 'Show request' }).click();
  await expect(preview.getByText('Enter a lock ID')).toBeVisible();
});

test('clock and connection checks pass against the sandbox over HTTPS; every result kind is explained', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ https: true });
  await saveSandboxAppProfile(handlers, sandbox, { name: 'Sandbox HTTPS', trustSandboxCa: true });
  await app.page.reload();
  await app.ready();
  await openDiagnostics(app.page);

  const clock = section(app.page, 'Clock');
  await clock.getByRole('button', { name: 'Check clock' }).click();
  await expect(clock.getByRole('heading', { name: 'The clocks agree' })).toBeVisible();
  await expect(clock).toContainText('whole seconds');
  await expect(clock.getByRole('switch')).toHaveCount(0);

  const connection = section(app.page, 'Connection');
  await connection.getByRole('button', { name: 'Check connection' }).click();
  await expect(connection.getByText('Every check passed.')).toBeVisible();
  for (const name of ['Name lookup (DNS)', 'TCP connection', 'Secure connection (TLS)', 'HTTP answer']) {
    await expect(step(app.page, name)).toContainText('Passed');
  }
  await expect(step(app.page, 'Authenticated read-only call')).toContainText('Passed');
  await expect(step(app.page, 'Authenticated read-only call')).toContainText('accepted the App secret');
  await expect(step(app.page, 'Secure connection (TLS)')).toContainText('CN=localhost');
  expect(sandbox.received().at(-1)).toMatchObject({ method: 'GET', outcome: 'listed-records' });

  await app.screenshot('diagnostics');

  // What each result means: the glossary lives in the help dialog, one folded entry per result kind.
  const glossaryLink = app.page.getByRole('button', { name: 'What each result means' });
  await glossaryLink.click();
  await expect(app.dialog.getByRole('heading', { name: 'What each result means' })).toBeVisible();
  const entries = app.dialog.locator('summary');
  await expect(entries).toHaveCount(RESULT_KINDS.length);
  await expect(entries.filter({ hasText: 'Secret stored for another destination' })).toBeVisible();
  await expect(entries.filter({ hasText: 'Proxy authentication failed' })).toBeVisible();
  await expect(app.dialog.getByText('The server’s certificate was not accepted')).toBeHidden();
  await entries.filter({ hasText: 'Secure connection failed' }).click();
  await expect(app.dialog.getByText('The server’s certificate was not accepted')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(app.dialog).toBeHidden();
  await expect(glossaryLink).toBeFocused();
});

test('a failed release opens its help; signing with the server time then makes it work', async ({
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
  const [first, second] = sandbox.seededLockIds;

  await app.release(first);
  await expect(app.resultHeading()).toHaveText('Clock out of sync');
  await app.result.getByRole('button', { name: 'What does this mean?' }).click();
  await expect(app.dialog.getByRole('heading', { name: 'Result: Clock out of sync' })).toBeVisible();
  await expect(app.dialog).toContainText('How to confirm');
  await expect(app.dialog).toContainText('Sign with server time');
  // The modal's backdrop covers the viewport only: make the whole page fit for the full-page shot.
  await app.page.setViewportSize({ width: 1024, height: 1120 });
  await app.screenshot('help');
  await app.page.setViewportSize({ width: 1024, height: 760 });
  // From one result to all of them: the glossary opens with this kind unfolded and focused.
  await app.dialog.getByRole('button', { name: 'What each result means' }).click();
  await expect(app.dialog.getByRole('heading', { name: 'What each result means' })).toBeVisible();
  const clockEntry = app.dialog.locator('details', {
    has: app.page.locator('summary', { hasText: 'Clock out of sync' }),
  });
  await expect(clockEntry).toHaveAttribute('open', '');
  await expect(clockEntry.locator('summary')).toBeFocused();
  await app.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.dialog).toBeHidden();

  await openDiagnostics(app.page);
  const clock = section(app.page, 'Clock');
  await clock.getByRole('button', { name: 'Check clock' }).click();
  await expect(clock.getByRole('heading', { name: 'This computer’s clock is behind' })).toBeVisible();
  await expect(clock).toContainText('about 20 minutes behind');
  const toggle = clock.getByRole('switch', { name: 'Sign with server time' });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(toggle).toBeChecked();
  await app.screenshot('diagnostics-clock-behind');

  await app.navigate('Locks');
  await app.release(second);
  await expect(app.resultHeading()).toHaveText('Released');
  expect(sandbox.activeLockIds()).not.toContain(second);
  expect(sandbox.received().map((request) => request.outcome)).toEqual([
    'rejected:stale-x-date',
    'rejected:unknown-route',
    'released',
  ]);

  await openDiagnostics(app.page);
  const remembered = section(app.page, 'Clock').getByRole('switch', { name: 'Sign with server time' });
  await expect(remembered).toBeChecked();
  await remembered.uncheck();
  await expect(remembered).not.toBeChecked();
  await app.navigate('Locks');
  await app.release(first);
  await expect(app.resultHeading()).toHaveText('Clock out of sync');
});

test('a failed connection step says what to do and opens the help for its kind', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await sandbox.stop();
  await app.page.reload();
  await app.ready();
  await openDiagnostics(app.page);

  const connection = section(app.page, 'Connection');
  await connection.getByRole('button', { name: 'Check connection' }).click();
  await expect(connection.getByText('The check “TCP connection” failed; the later checks were skipped.')).toBeVisible();
  await expect(step(app.page, 'TCP connection')).toContainText('ECONNREFUSED');
  await expect(step(app.page, 'TCP connection')).toContainText('What to do:');
  await expect(step(app.page, 'HTTP answer')).toContainText('Skipped');
  await step(app.page, 'TCP connection').getByRole('button', { name: 'What does this mean?' }).click();
  await expect(app.dialog.getByRole('heading', { name: 'Result: Could not connect' })).toBeVisible();
  await app.dialog.getByRole('button', { name: 'Close' }).click();
  await app.screenshot('diagnostics-connection-failed');
});

test('an app profile without a default user: the preview and the connection check act for the user entered', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  const profile = await handlers.saveProfile({
    name: 'Tenant',
    baseUrl: sandbox.url,
    authMode: 'app',
    appId: sandbox.credentials.appId,
    moduleCode: '102',
  });
  await handlers.setSecret({ profileId: profile.id, secret: sandbox.credentials.appSecret });
  await app.page.reload();
  await app.ready();
  await openDiagnostics(app.page);

  const preview = section(app.page, 'Request preview');
  await preview.getByLabel('Lock ID', { exact: true }).fill(sandbox.seededLockIds[0]);
  await preview.getByRole('button', { name: 'Show request' }).click();
  await expect(preview.getByRole('alert')).toContainText('Enter the user ID');

  const ticketUser = '1505084218764547200';
  await app.page.getByLabel('User ID', { exact: true }).fill(ticketUser);
  await preview.getByRole('button', { name: 'Show request' }).click();
  const headers = preview.getByRole('table', { name: 'Headers' });
  const userRow = headers.getByRole('row').filter({ has: app.page.getByRole('rowheader', { name: 'X-User-Id' }) });
  await expect(userRow.getByRole('cell')).toHaveText(ticketUser);

  const connection = section(app.page, 'Connection');
  await connection.getByRole('button', { name: 'Check connection' }).click();
  await expect(step(app.page, 'Authenticated read-only call')).toContainText(`for user ${ticketUser}`);
});
