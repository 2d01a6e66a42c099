/**
 * The page may do exactly what main's policies allow, in the stand-in as in Electron: the only
 * permission main grants is clipboard writing for our own page (electron/main/permissions.ts), so
 * the Copy buttons work and everything else stays denied; navigation away and new windows are
 * refused by main's guard (electron/main/navigation.ts).
 */
import { DOC_LINKS } from '../../electron/main/docLinks';
import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';
import { applyMainPermissions, mainDecides } from './support/standInPolicy';

const UNKNOWN_LOCK = '00000000-0000-4000-8000-000000000000@102';

test('permissions main denies stay denied in the page', async ({ app }) => {
  // Strings: the page's globals (navigator, Notification) are not in the tests' TypeScript lib.
  const states = (await app.page.evaluate(`(async () => {
    const result = {};
    for (const name of ['clipboard-read', 'geolocation', 'notifications', 'camera', 'microphone', 'midi']) {
      result[name] = await navigator.permissions.query({ name }).then((status) => status.state, () => 'unsupported');
    }
    return result;
  })()`)) as Record<string, string>;
  for (const [name, state] of Object.entries(states)) {
    expect([name, state]).toEqual([name, expect.stringMatching(/^(denied|unsupported)$/)]);
  }
  expect(states['clipboard-read']).toBe('denied');
  expect(states.geolocation).toBe('denied');

  const read = await app.page.evaluate('navigator.clipboard.readText().then(() => "read", (error) => error.name)');
  expect(read).toBe('NotAllowedError');
  const notification = await app.page.evaluate('Notification.requestPermission()');
  expect(notification).toBe('denied');
});

test('Copy works because main allows clipboard writes for the app page', async ({ app, handlers, startKooDrive }) => {
  expect(mainDecides('clipboard-write')).toBe(true);
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  await app.writeClipboard('something the user copied before');
  await app.release(UNKNOWN_LOCK);
  await app.button('Copy details').click();
  await expect(app.page.getByText('Details copied to the clipboard.')).toBeVisible();
  expect(await app.readClipboard()).toContain(`Lock ID: ${UNKNOWN_LOCK}`);
});

test('with main denying clipboard writes, as it once did, Copy fails in the stand-in', async ({
  app,
  browser,
  handlers,
  startKooDrive,
  runtime,
}) => {
  test.skip(
    runtime === 'electron',
    "main's policy is built into the Electron app; this proves the stand-in follows it",
  );
  await applyMainPermissions(browser, app.page, () => false);
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  await app.writeClipboard('unchanged');
  await app.release(UNKNOWN_LOCK);
  await app.button('Copy details').click();
  await expect(app.page.getByText('Could not copy. Select the details and copy them by hand.')).toBeVisible();
  expect(await app.readClipboard()).toBe('unchanged');
});

test('navigation away and new windows are refused; a documentation link goes to the OS browser', async ({
  app,
  guard,
  electronApp,
}) => {
  const start = app.page.url();
  await app.page.evaluate('window.location.href = "https://evil.example/phish"');
  await app.page.waitForTimeout(300);
  expect(app.page.url()).toBe(start);
  await app.ready();

  const docUrl = DOC_LINKS[0].url;
  await app.page.evaluate(`window.open(${JSON.stringify(docUrl)}); window.open('https://evil.example/popup')`);
  if (guard) {
    await expect.poll(() => guard.deniedPopups.length).toBe(2);
    expect(guard.blockedNavigations).toEqual(['https://evil.example/phish']);
    expect(guard.openedExternally).toEqual([docUrl]);
  }
  if (electronApp) {
    await app.page.waitForTimeout(300);
    expect(electronApp.windows()).toHaveLength(1);
  }
  expect(app.page.url()).toBe(start);
});
