/**
 * Leaving Profiles while a save is on its way (docs/user-guide.md#profiles): the app waits for the save and then
 * leaves, without asking "Discard changes?"; when the save fails, the edits are still unsaved and it asks then.
 * main's saveProfile is held open by the test so that the click lands during the save every time.
 */
import { createHandlers } from '../../electron/ipc/handlers';
import { test as base, expect } from './support/fixtures';
import type { LockAdminPage, ProfileFields } from './support/lockAdminPage';

interface SaveGate {
  /** How many saveProfile calls have reached main. */
  entered: number;
  /** Lets the held save go on: to main's own saveProfile, or to a failure. */
  release(outcome: 'save' | 'fail'): void;
}

const test = base.extend<{ saveGate: SaveGate }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  saveGate: async ({}, use) => {
    let release: (outcome: 'save' | 'fail') => void = () => undefined;
    const gate: SaveGate & { outcome: Promise<'save' | 'fail'> } = {
      entered: 0,
      outcome: new Promise((resolve) => (release = resolve)),
      release: (outcome) => release(outcome),
    };
    await use(gate);
  },

  handlers: async ({ services, saveGate }, use) => {
    const real = createHandlers(services);
    const gate = saveGate as SaveGate & { outcome: Promise<'save' | 'fail'> };
    await use({
      ...real,
      async saveProfile(input) {
        gate.entered += 1;
        if ((await gate.outcome) === 'fail') throw new Error('The profiles file could not be written (test).');
        return real.saveProfile(input);
      },
    });
  },
});

const PROFILES_TAB = { name: 'Profiles', exact: true } as const;

/** A new profile filled in and Save clicked; returns once main holds the save open. */
async function startSaving(app: LockAdminPage, saveGate: SaveGate, fields: ProfileFields): Promise<void> {
  await app.navigate('Profiles');
  await app.fillProfile(fields);
  await app.button('Save profile').click();
  await expect.poll(() => saveGate.entered).toBe(1);
}

test('leaving during a save waits for it and leaves without asking; the profile and its secret are saved', async ({
  app,
  services,
  saveGate,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await startSaving(app, saveGate, {
    name: 'Staging',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    secret: sandbox.credentials.token,
  });
  await app.navigate('Locks');
  const nav = app.page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', PROFILES_TAB)).toHaveAttribute('aria-current', 'page');
  await expect(app.dialog).toBeHidden();

  saveGate.release('save');
  await expect(app.lockIdInput).toBeVisible();
  await expect(app.dialog).toBeHidden();
  const [profile] = await services.profiles.list();
  expect(profile).toMatchObject({ name: 'Staging', baseUrl: sandbox.url });
  expect(await services.secrets.get(profile?.id ?? '')).not.toBeNull();
});

test('a save that fails while leaving keeps the edits and asks “Discard changes?” then', async ({
  app,
  services,
  saveGate,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await startSaving(app, saveGate, { name: 'Staging', baseUrl: sandbox.url, userId: sandbox.credentials.userId });
  await app.navigate('Locks');
  await expect(app.dialog).toBeHidden();

  saveGate.release('fail');
  await expect(app.dialog.getByRole('heading', { name: 'Discard changes?' })).toBeVisible();
  await app.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.dialog).toBeHidden();
  const nav = app.page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', PROFILES_TAB)).toHaveAttribute('aria-current', 'page');
  await expect(app.field('Name')).toHaveValue('Staging');
  await expect(app.page.getByRole('alert')).toContainText(/could not|failed|went wrong/i);
  expect(await services.profiles.list()).toEqual([]);
});
