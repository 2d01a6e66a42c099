import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';

/** Profiles at a wide window: two columns, Advanced folded, Test connection next to Save, Duplicate, the discard guard. */

async function openProfiles(app: LockAdminPage, page: Page): Promise<void> {
  await page.reload();
  await app.ready();
  await app.navigate('Profiles');
}

async function groupBoxes(page: Page) {
  const box = async (name: string) => {
    const found = await page.getByRole('group', { name, exact: true }).boundingBox();
    if (!found) throw new Error(`no "${name}" group on screen`);
    return found;
  };
  return { connection: await box('Connection'), auth: await box('Authentication') };
}

function advanced(page: Page) {
  return page.locator('details', { has: page.getByText('Advanced', { exact: true }) });
}

test('two columns when wide, one when narrow; Advanced folded unless something in it is set', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await handlers.saveProfile({
    name: 'Behind a proxy',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    bearerPrefix: 'Token',
    proxyUrl: 'http://proxy.example:3128',
    moduleCode: '102',
  });
  await app.page.setViewportSize({ width: 1280, height: 900 });
  await openProfiles(app, app.page);

  // Wide: the authentication group stands beside the connection group, their tops aligned.
  const wide = await groupBoxes(app.page);
  expect(wide.auth.x).toBeGreaterThan(wide.connection.x + wide.connection.width);
  expect(Math.abs(wide.auth.y - wide.connection.y)).toBeLessThan(2);

  // Nothing advanced set: the section is closed and its fields are hidden.
  await expect(advanced(app.page)).not.toHaveAttribute('open', '');
  await expect(app.field('Authorization prefix')).toBeHidden();
  await expect(app.field('HTTP proxy')).toBeHidden();
  await app.screenshot('profiles-layout-1280');

  await app.page.getByText('Advanced', { exact: true }).click();
  await expect(app.field('Authorization prefix')).toBeVisible();
  await expect(app.field('HTTP proxy')).toBeVisible();
  await expect(app.field('Extra CA certificate (PEM)')).toBeVisible();
  await expect(app.page.getByText('Proxy user name and password')).toBeVisible();
  await app.screenshot('profiles-layout-advanced-1280');

  // A profile with a prefix and a proxy opens with the section open and says what is set.
  await app.page.getByRole('button', { name: /^Behind a proxy/ }).click();
  await expect(advanced(app.page)).toHaveAttribute('open', '');
  await expect(app.field('Authorization prefix')).toHaveValue('Token');
  await expect(app.field('HTTP proxy')).toHaveValue('http://proxy.example:3128');
  await expect(advanced(app.page).locator('summary')).toContainText(
    'Prefix “Token” · Through http://proxy.example:3128',
  );

  // Narrow: one column, authentication below the connection.
  await app.page.setViewportSize({ width: 700, height: 900 });
  const narrow = await groupBoxes(app.page);
  expect(narrow.auth.y).toBeGreaterThanOrEqual(narrow.connection.y + narrow.connection.height);
  expect(Math.abs(narrow.auth.x - narrow.connection.x)).toBeLessThan(2);
});

test('a problem in a folded advanced field opens the section and focuses it', async ({ app }) => {
  await app.navigate('Profiles');
  await app.fillProfile({ name: 'Prefixed', baseUrl: 'https://koodrive.example', userId: '42' });
  await expect(app.field('Authorization prefix')).toBeHidden();
  await app.page.getByText('Advanced', { exact: true }).click();
  await app.field('HTTP proxy').fill('ftp://proxy.example');
  await app.page.getByText('Advanced', { exact: true }).click();
  await expect(app.field('HTTP proxy')).toBeHidden();

  await app.button('Save profile').click();
  await expect(app.field('HTTP proxy')).toBeFocused();
  await expect(app.field('HTTP proxy')).toHaveAttribute('aria-invalid', 'true');
});

test('Test connection checks the saved profile against the sandbox and shows the outcome beside Save', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  const profile = await saveSandboxProfile(handlers, sandbox);
  await openProfiles(app, app.page);

  const test = app.button('Test connection');
  const outcome = app.page.getByRole('status', { name: 'Test connection outcome' });
  await test.click();
  await expect(outcome).toContainText(`The connection to ${new URL(sandbox.url).host} works: every check passed.`);

  // Unsaved edits: the check would use the saved profile, so it waits, and says why.
  await app.field('Name').fill('Staging (edited)');
  await expect(test).toBeDisabled();
  await expect(test).toHaveAccessibleDescription(/Save your changes first/);
  await app.field('Name').fill('Staging');
  await expect(test).toBeEnabled();

  // A token the sandbox refuses: the authenticated step fails, with main's detail and remedy.
  await handlers.setSecret({ profileId: profile.id, secret: 'not-the-right-token' });
  await test.click();
  await expect(outcome).toContainText('failed at “Authenticated read-only call”');
  await app.screenshot('profiles-test-connection-failed');
  await expect(outcome).not.toContainText('not-the-right-token');
});

test('Duplicate opens an unsaved copy named “(copy)” without the secret, saved as a profile of its own', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  const original = await saveSandboxProfile(handlers, sandbox);
  await openProfiles(app, app.page);

  await app.button('Duplicate').click();
  await expect(app.page.getByRole('heading', { name: 'New profile' })).toBeVisible();
  await expect(app.field('Name')).toHaveValue('Staging (copy)');
  await expect(app.field('Base URL')).toHaveValue(sandbox.url);
  await expect(app.field('User ID')).toHaveValue(sandbox.credentials.userId);
  await expect(app.field('Access token')).toHaveValue('');
  await expect(app.page.getByText(/A copy of “Staging”, not saved yet\. Its secret was not copied/)).toBeVisible();
  await expect(app.button('Test connection')).toBeDisabled();
  await app.screenshot('profiles-duplicate');

  await app.field('Access token').fill(sandbox.credentials.token);
  await app.button('Save profile').click();
  await expect(app.page.getByText('Profile “Staging (copy)” saved.')).toBeVisible();
  const profiles = await services.profiles.list();
  expect(profiles.map((item) => item.name).sort()).toEqual(['Staging', 'Staging (copy)']);
  const copy = profiles.find((item) => item.name === 'Staging (copy)');
  expect(copy?.id).not.toBe(original.id);
  expect(copy).toMatchObject({ baseUrl: sandbox.url, authMode: 'bearer', moduleCode: '102' });
  expect(await services.secrets.get(copy?.id ?? '')).not.toBeNull();
});

test('switching profile or leaving the screen with unsaved edits asks “Discard changes?”', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await saveSandboxProfile(handlers, sandbox, { name: 'Second' });
  await openProfiles(app, app.page);
  await expect(app.page.getByRole('heading', { name: 'Profile “Staging”' })).toBeVisible();

  // No edits: switching asks nothing.
  await app.page.getByRole('button', { name: /^Second/ }).click();
  await expect(app.page.getByRole('heading', { name: 'Profile “Second”' })).toBeVisible();
  await expect(app.dialog).toBeHidden();

  // Switching profile with an edit: Cancel keeps the edit.
  await app.field('Name').fill('Second, renamed');
  await app.page.getByRole('button', { name: /^Staging/ }).click();
  await expect(app.dialog).toBeVisible();
  await expect(app.dialog.getByRole('heading', { name: 'Discard changes?' })).toBeVisible();
  await expect(app.dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot('profiles-discard-dialog');
  await app.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.dialog).toBeHidden();
  await expect(app.field('Name')).toHaveValue('Second, renamed');

  // Leaving the screen with the edit: Cancel stays, Discard leaves.
  await app.navigate('Locks');
  await expect(app.dialog.getByRole('heading', { name: 'Discard changes?' })).toBeVisible();
  await app.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.field('Name')).toHaveValue('Second, renamed');
  await app.navigate('Locks');
  await app.dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.lockIdInput).toBeVisible();

  // Back on Profiles the edit is gone, and a typed secret alone counts as an edit too.
  await app.navigate('Profiles');
  await expect(app.page.getByRole('heading', { name: 'Profile “Staging”' })).toBeVisible();
  await app.field('Access token').fill('typed-but-not-saved');
  await app.page.getByRole('button', { name: /^Second/ }).click();
  await app.dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(app.page.getByRole('heading', { name: 'Profile “Second”' })).toBeVisible();
  await expect(app.field('Name')).toHaveValue('Second');

  // Saved edits leave without a question.
  await app.field('Name').fill('Second, saved');
  await app.button('Save profile').click();
  await expect(app.page.getByText('Profile “Second, saved” saved.')).toBeVisible();
  await app.navigate('Locks');
  await expect(app.dialog).toBeHidden();
  await expect(app.lockIdInput).toBeVisible();
});
