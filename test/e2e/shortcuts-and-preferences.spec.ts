import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { RunningSandbox } from '../../electron/sandbox/server';
import type { Handlers } from '../../shared/contract';
import { expect, test } from './support/fixtures';
import { type LockAdminPage, SCREENSHOT_DIR } from './support/lockAdminPage';
import { saveSandboxProfile } from './support/profiles';

const RECENT_KEY = 'koodrive-lock-admin.recentLockIds.v1';

/** Two profiles on one sandbox: "Staging" (first in the list) and "Production" (second). */
async function twoProfiles(app: LockAdminPage, handlers: Handlers, sandbox: RunningSandbox): Promise<void> {
  await saveSandboxProfile(handlers, sandbox, { name: 'Staging' });
  await saveSandboxProfile(handlers, sandbox, { name: 'Production' });
  await app.page.reload();
  await app.ready();
  await expect(app.field('Profile').locator('option')).toHaveText(['Staging', 'Production']);
}

async function blur(page: Page): Promise<void> {
  await page.evaluate('document.activeElement?.blur()');
}

/** A modal's backdrop covers the viewport only, so a dialog is shot at viewport size, in light and dark. */
async function viewportScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Page code is passed as strings: the tests are type-checked without the DOM library. */
async function storedItem(page: Page, key: string): Promise<string | null> {
  const value: unknown = await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`);
  return typeof value === 'string' ? value : null;
}

function navItem(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function expectScreen(page: Page, name: string): Promise<void> {
  await expect(navItem(page, name)).toHaveAttribute('aria-current', 'page');
}

async function openSettings(page: Page, navLabel = 'Settings'): Promise<void> {
  await navItem(page, navLabel).click();
}

test.describe('keyboard shortcuts', () => {
  test('each shortcut does its job, with Ctrl (⌘ on macOS)', async ({ app, handlers, startKooDrive }) => {
    const { page } = app;
    const sandbox = await startKooDrive();
    await twoProfiles(app, handlers, sandbox);

    await blur(page);
    await page.keyboard.press('ControlOrMeta+L');
    await expect(app.lockIdInput).toBeFocused();

    await page.keyboard.press('ControlOrMeta+P');
    await expect(app.field('Profile')).toBeFocused();

    await page.keyboard.press('ControlOrMeta+2');
    await expect(app.field('Profile')).toHaveValue('production');
    const notice = page.getByRole('status').filter({ hasText: 'Switched to profile “Production” (Sandbox).' });
    await expect(notice).toHaveCount(1);
    await expect(notice).toBeVisible();
    await page.keyboard.press('ControlOrMeta+1');
    await expect(app.field('Profile')).toHaveValue('staging');
    await page.keyboard.press('ControlOrMeta+9');
    await expect(app.field('Profile')).toHaveValue('staging');

    await page.keyboard.press('ControlOrMeta+H');
    await expectScreen(page, 'History');
    await page.keyboard.press('ControlOrMeta+B');
    await expectScreen(page, 'Batch');
    await page.keyboard.press('ControlOrMeta+D');
    await expectScreen(page, 'Diagnostics');

    // From another screen, Ctrl+L opens the lock screen and focuses the field.
    await page.keyboard.press('ControlOrMeta+L');
    await expectScreen(page, 'Locks');
    await expect(app.lockIdInput).toBeFocused();

    // Switching profile from a screen without a profile opens the lock screen.
    await openSettings(page);
    await page.keyboard.press('ControlOrMeta+2');
    await expectScreen(page, 'Locks');
    await expect(app.field('Profile')).toHaveValue('production');

    // Ctrl+P from another screen does the same for the profile picker.
    await page.keyboard.press('ControlOrMeta+H');
    await page.keyboard.press('ControlOrMeta+P');
    await expectScreen(page, 'Locks');
    await expect(app.field('Profile')).toBeFocused();
    expect(sandbox.received()).toEqual([]);
  });

  test('Ctrl+Enter asks to release from anywhere on the lock screen, and nothing is sent before confirming', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const { page } = app;
    const sandbox = await startKooDrive();
    await saveSandboxProfile(handlers, sandbox);
    await page.reload();
    await app.ready();
    const [lockId] = sandbox.seededLockIds;

    await app.lockIdInput.fill(lockId);
    await app.button('Renew lock…').focus();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(app.dialog.getByRole('heading')).toHaveText('Release this lock?');
    await expect(app.dialog).toContainText(lockId);

    // While the confirmation is open, other shortcuts do nothing.
    await page.keyboard.press('ControlOrMeta+H');
    await page.keyboard.press('F1');
    await expect(app.dialog).toHaveCount(1);
    await expect(app.dialog.getByRole('heading')).toHaveText('Release this lock?');
    await page.keyboard.press('Escape');
    await expect(app.dialog).toBeHidden();
    expect(sandbox.received()).toEqual([]);

    await blur(page);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(app.dialog).toBeVisible();
    await app.dialog.getByRole('button', { name: 'Release lock' }).click();
    await expect(app.resultHeading()).toHaveText('Released');
    expect(sandbox.received()).toEqual([expect.objectContaining({ method: 'DELETE', lockId })]);

    // An empty field is not sent either: the field is focused with its problem shown.
    await app.lockIdInput.fill('');
    await blur(page);
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(app.dialog).toHaveCount(0);
    await expect(app.lockIdInput).toBeFocused();
    await expect(app.lockIdInput).toHaveAttribute('aria-invalid', 'true');

    // On other screens Ctrl+Enter does nothing.
    await page.keyboard.press('ControlOrMeta+H');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(app.dialog).toHaveCount(0);
    expect(sandbox.received()).toHaveLength(1);
  });

  test('the overlay lists the shortcuts, traps focus, closes with Escape and returns focus', async ({ app }) => {
    const { page } = app;
    await openSettings(page);
    const show = app.button('Show keyboard shortcuts');
    await show.click();

    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(overlay).toBeVisible();
    await expect(overlay).toHaveAttribute('aria-modal', 'true');
    const close = overlay.getByRole('button', { name: 'Close' });
    await expect(close).toBeFocused();
    const rows = overlay.getByRole('row');
    await expect(rows.filter({ hasText: 'Go to the lock ID field' })).toContainText('Ctrl+L');
    await expect(rows.filter({ hasText: 'Open the history' })).toContainText('Ctrl+H');
    await expect(rows.filter({ hasText: 'Show this list' })).toContainText('?');
    await expect(rows.filter({ hasText: 'Show this list' })).toContainText('F1');
    await viewportScreenshot(page, 'shortcuts-overlay');

    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      await expect(close, `focus stays in the dialog after ${key}`).toBeFocused();
    }
    // The page behind is inert: a shortcut does not navigate.
    await page.keyboard.press('ControlOrMeta+H');
    await expectScreen(page, 'Settings');

    await page.keyboard.press('Escape');
    await expect(overlay).toHaveCount(0);
    await expect(show).toBeFocused();

    // "?" opens it when no field has focus; Close closes it and focus goes back.
    await page.keyboard.press('?');
    await expect(overlay).toBeVisible();
    await overlay.getByRole('button', { name: 'Close' }).click();
    await expect(overlay).toHaveCount(0);
    await expect(show).toBeFocused();
  });

  test('"?" is typed into a field, F1 opens the overlay from inside it', async ({ app, handlers, startKooDrive }) => {
    const { page } = app;
    const sandbox = await startKooDrive();
    await saveSandboxProfile(handlers, sandbox);
    await page.reload();
    await app.ready();

    await app.lockIdInput.click();
    await page.keyboard.type('abc?');
    await expect(app.lockIdInput).toHaveValue('abc?');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(app.lockIdInput).toBeFocused();
    await expect(app.lockIdInput).toHaveValue('abc?');
  });
});

test.describe('recent lock IDs', () => {
  test('are remembered per profile, offered under the field, clearable, and kept across reloads', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const { page } = app;
    const sandbox = await startKooDrive({ seedLocks: 3 });
    await twoProfiles(app, handlers, sandbox);
    const [first, second, third] = sandbox.seededLockIds;
    const recent = page.getByRole('list', { name: 'Recent lock IDs' });
    await expect(recent).toHaveCount(0);

    await app.field('Profile').selectOption('staging');
    await app.release(first);
    await app.button('Renew lock…').click();
    await expect(app.dialog).toBeVisible();
    await app.dialog.getByRole('button', { name: 'Cancel' }).click();
    await app.lockIdInput.fill(second);
    await app.button('Renew lock…').click();
    await app.dialog.getByRole('button', { name: 'Renew lock' }).click();
    await expect(app.resultHeading()).toHaveText('Renewed');
    await expect(recent.getByRole('button')).toHaveText([second, first]);
    await expect(page.locator('#lock-id-recent option')).toHaveCount(2);
    await expect(app.lockIdInput).toHaveAttribute('list', 'lock-id-recent');

    await app.field('Profile').selectOption('production');
    await expect(recent).toHaveCount(0);
    await app.release(third);
    await expect(recent.getByRole('button')).toHaveText([third]);

    await app.field('Profile').selectOption('staging');
    await expect(recent.getByRole('button')).toHaveText([second, first]);
    await recent.getByRole('button', { name: first }).click();
    await expect(app.lockIdInput).toHaveValue(first);
    await expect(app.lockIdInput).toBeFocused();
    await app.screenshot('lock-form-recent');

    await page.reload();
    await app.ready();
    await app.field('Profile').selectOption('staging');
    await expect(recent.getByRole('button')).toHaveText([second, first]);

    const stored = await storedItem(page, RECENT_KEY);
    expect(JSON.parse(stored ?? '')).toEqual({ staging: [second, first], production: [third] });
    expect(stored).not.toContain(sandbox.credentials.token);

    await app.button('Clear recent').click();
    await expect(recent).toHaveCount(0);
    await expect(app.lockIdInput).toBeFocused();
    await expect(app.lockIdInput).not.toHaveAttribute('list');
    await app.field('Profile').selectOption('production');
    await expect(recent.getByRole('button')).toHaveText([third]);

    await openSettings(page);
    await app.button('Clear recent lock IDs').click();
    await expect(page.getByText('Recent lock IDs of all profiles cleared.')).toBeVisible();
    await expect(app.button('Clear recent lock IDs')).toBeDisabled();
    await navItem(page, 'Locks').click();
    await expect(recent).toHaveCount(0);
    expect(await storedItem(page, RECENT_KEY)).toBeNull();
  });

  test('corrupt stored content is ignored and replaced', async ({ app, handlers, startKooDrive }) => {
    const { page } = app;
    const sandbox = await startKooDrive();
    await saveSandboxProfile(handlers, sandbox);
    await page.evaluate(`localStorage.setItem(${JSON.stringify(RECENT_KEY)}, '{"staging": [42, "two words", null')`);
    await page.evaluate(`localStorage.setItem('koodrive-lock-admin.settings.v1', '["dark"]')`);
    await page.reload();
    await app.ready();
    await expect(page.getByRole('list', { name: 'Recent lock IDs' })).toHaveCount(0);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');

    await app.release(sandbox.seededLockIds[0]);
    await expect(page.getByRole('list', { name: 'Recent lock IDs' }).getByRole('button')).toHaveText([
      sandbox.seededLockIds[0],
    ]);
  });
});

test.describe('languages', () => {
  test('switching to 简体中文 changes the text at once and persists across reloads', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const { page } = app;
    const sandbox = await startKooDrive();
    await saveSandboxProfile(handlers, sandbox);
    await page.reload();
    await app.ready();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await app.lockIdInput.fill(sandbox.seededLockIds[0]);

    await openSettings(page);
    await expect(page.getByRole('radio', { name: 'Same as the system (English)' })).toBeChecked();
    await page.getByRole('radio', { name: '简体中文' }).check();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');
    await expect(navItem(page, '备份锁')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    // The title names the active profile and its environment, in the chosen language.
    await expect(page).toHaveTitle('Staging（沙箱）– KooDrive 备份锁管理');
    await expect(page.getByRole('radio', { name: '简体中文' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'English', exact: true })).toHaveAttribute('value', 'en');

    await navItem(page, '备份锁').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('释放备份锁');
    await expect(page.getByLabel('锁 ID', { exact: true })).toBeVisible();
    await page.getByLabel('锁 ID', { exact: true }).fill(sandbox.seededLockIds[0]);
    await app.screenshot('lock-screen-zh-CN');

    await page.reload();
    await app.ready();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('释放备份锁');
    await page.getByLabel('锁 ID', { exact: true }).fill(sandbox.seededLockIds[0]);
    await page.getByLabel('锁 ID', { exact: true }).press('Enter');
    await expect(page.getByRole('dialog').getByRole('heading')).toHaveText('释放此锁？');
    await page.getByRole('dialog').getByRole('button', { name: '释放锁' }).click();
    await expect(app.resultHeading()).toHaveText('已释放');

    await openSettings(page, '设置');
    await page
      .getByRole('radio', { name: /^跟随系统/ })
      .first()
      .check();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test.describe('on a Chinese system', () => {
    test.use({ locale: 'zh-CN' });

    test('follows the system language by default and can be set to English', async ({ app }) => {
      const { page } = app;
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByRole('heading', { name: '释放卡住的 KooDrive 备份锁' })).toBeVisible();
      await openSettings(page, '设置');
      await expect(page.getByRole('radio', { name: '跟随系统 (简体中文)' })).toBeChecked();
      await app.screenshot('settings-zh-CN');
      await page.getByRole('radio', { name: 'English', exact: true }).check();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
      await page.reload();
      await app.ready();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    });
  });
});

test.describe('themes', () => {
  const LIGHT_BG = 'rgb(243, 244, 246)';
  const DARK_BG = 'rgb(24, 25, 28)';
  const background = async (page: Page) =>
    String(await page.evaluate('getComputedStyle(document.body).backgroundColor'));

  test('an explicit theme wins over the system, and System follows it again', async ({ app }) => {
    const { page } = app;
    await openSettings(page);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(DARK_BG);
    await expect(page.getByRole('radio', { name: 'Same as the system', exact: true })).toBeChecked();

    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate('getComputedStyle(document.documentElement).colorScheme')).toBe('dark');
    await app.screenshot('settings-dark-override');

    await page.reload();
    await app.ready();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);

    await openSettings(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await background(page)).toBe(LIGHT_BG);

    await page.getByRole('radio', { name: 'Same as the system', exact: true }).check();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background(page)).toBe(LIGHT_BG);
    await app.screenshot('settings');
  });
});
