import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/fixtures';

test('add a profile and store its secret in the keychain', async ({ app, services, startKooDrive, dataDir }) => {
  const sandbox = await startKooDrive();
  await app.button('Add a KooDrive profile').click();
  await expect(app.page.getByRole('heading', { name: 'New profile' })).toBeVisible();

  await app.fillProfile({
    name: 'Staging',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    secret: sandbox.credentials.token,
  });
  await expect(app.field('Access token')).toHaveAttribute('type', 'password');
  await expect(app.field('Access token')).toHaveAttribute('autocomplete', 'off');
  await app.screenshot('profile-editor');

  await app.button('Save profile').click();

  await expect(app.page.getByText('Profile “Staging” saved.')).toBeVisible();
  await expect(app.page.getByText(/^Secret stored in /)).toBeVisible();
  await expect(app.field('Access token')).toHaveValue('');
  await expect(app.page.getByRole('button', { name: /^Staging/ })).toBeVisible();
  await app.screenshot('profile-saved');

  const [profile] = await services.profiles.list();
  expect(profile).toMatchObject({ name: 'Staging', baseUrl: sandbox.url, authMode: 'bearer' });
  // The keychain entry holds the token bound to the destination it was stored for.
  expect(JSON.parse((await services.secrets.get(profile.id)) ?? '{}')).toMatchObject({
    secret: sandbox.credentials.token,
    destination: { baseUrl: sandbox.url, authMode: 'bearer' },
  });
  for (const file of await readdir(dataDir, { recursive: true })) {
    const text = await readFile(path.join(dataDir, file)).catch(() => Buffer.alloc(0));
    expect(text.toString('utf8'), `${file} must not contain the token`).not.toContain(sandbox.credentials.token);
  }

  await app.button('Remove secret').click();
  await expect(app.page.getByText('No secret stored')).toBeVisible();
  expect(await services.secrets.get(profile.id)).toBeNull();
});

test('the editor shows each field’s problem next to it, with the rules main applies', async ({ app, services }) => {
  await app.navigate('Profiles');
  await app.button('Save profile').click();

  for (const label of ['Name', 'Base URL', 'User ID']) {
    const input = app.field(label);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const noteId = (await input.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    await expect(app.page.locator(`[id="${noteId}"]`)).not.toBeEmpty();
  }
  await expect(app.field('Name')).toBeFocused();
  await expect(
    app.page.getByText('Enter the base URL, for example https://intl.myhuaweicloud-koodrive.com.'),
  ).toBeVisible();

  await app.field('Base URL').fill('http://koodrive.example.com');
  await expect(app.page.getByText(/Plain http:\/\/ is only allowed for this computer/)).toBeVisible();
  await app.field('User ID').fill('12ab');
  await expect(
    app.page.getByText('The user ID is digits only (up to 32), for example 1505084218764547200.'),
  ).toBeVisible();

  await app.page.getByRole('radio', { name: /App ID and app secret/ }).check();
  await expect(app.field('App secret')).toBeVisible();
  await expect(
    app.page.getByText('App authentication needs the App ID (AppId) from the KooDrive console.'),
  ).toBeVisible();

  await app.screenshot('profile-validation');
  expect(await services.profiles.list()).toEqual([]);
});

test('a tenant profile: environment from the host, default user optional in app mode, required for a bearer token', async ({
  app,
  services,
}) => {
  await app.navigate('Profiles');
  await app.field('Name').fill('Tenant A');
  await app.field('Base URL').fill('https://intl.myhuaweicloud-koodrive.com');
  await expect(app.field('Environment')).toHaveValue('production');
  await app.field('Base URL').fill('http://127.0.0.1:8443');
  await expect(app.field('Environment')).toHaveValue('sandbox');
  await app.field('Base URL').fill('https://koodrive.partner.example');
  await expect(app.field('Environment')).toHaveValue('other');
  await app.field('Environment').selectOption('staging');
  await app.field('Base URL').fill('https://intl.myhuaweicloud-koodrive.com');
  await expect(app.field('Environment')).toHaveValue('staging');

  // A bearer token belongs to one user: its user ID is required.
  await app.button('Save profile').click();
  await expect(app.field('User ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.page.getByText(/A bearer token belongs to one user/)).toBeVisible();

  // App authentication acts for any user of the tenant: the default user is optional.
  await app.page.getByRole('radio', { name: /App ID and app secret/ }).check();
  await expect(app.field('Default user ID (optional)')).toHaveValue('');
  await expect(app.field('Default user ID (optional)')).not.toHaveAttribute('aria-invalid', 'true');
  await app.field('App ID').fill('com.example.partner');
  await app.screenshot('profile-editor-tenant');
  await app.button('Save profile').click();
  await expect(app.page.getByText('Profile “Tenant A” saved.')).toBeVisible();

  const [profile] = await services.profiles.list();
  expect(profile).toMatchObject({ name: 'Tenant A', authMode: 'app', environment: 'staging' });
  expect(profile.userId).toBeUndefined();
  await expect(app.page.getByRole('banner')).toContainText('Staging');
});

test('re-pointing a profile removes its secret and says so', async ({ app, handlers, services, startKooDrive }) => {
  const sandbox = await startKooDrive();
  const other = await startKooDrive();
  const profile = await handlers.saveProfile({
    name: 'Moving',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
  });
  await handlers.setSecret({ profileId: profile.id, secret: sandbox.credentials.token });
  await app.page.reload();
  await app.ready();
  await app.navigate('Profiles');
  await expect(app.page.getByText(/^Secret stored in /)).toBeVisible();

  await app.field('Base URL').fill(other.url);
  await app.button('Save profile').click();
  await expect(
    app.page.getByText('Profile “Moving” saved. The connection changed, so the stored secret was removed'),
  ).toBeVisible();
  await expect(app.page.getByText('No secret stored')).toBeVisible();
  expect(await services.secrets.get(profile.id)).toBeNull();
});
