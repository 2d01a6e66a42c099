/**
 * What only the real Electron shell can show: the window, the preload's bridge without Node in the
 * page, the page served over app://, one window for a second launch, and a release
 * through preload -> IPC -> core against the embedded sandbox. The Electron project only; it
 * reports itself skipped, with the reason, where no Electron binary is installed.
 */
import { APP_INDEX_URL } from '../../electron/main/appScheme';
import { METHOD_NAMES } from '../../shared/contract';
import { expect, test } from './support/fixtures';

test('the Electron app releases a sandbox lock end to end', async ({ app, electronApp, runtime }, testInfo) => {
  test.skip(runtime !== 'electron' || !electronApp, 'checks the real Electron shell; the stand-in has none');
  const page = app.page;
  await expect(page).toHaveTitle(/KooDrive Lock Admin/);
  expect(page.url()).toBe(APP_INDEX_URL);
  expect(await page.evaluate('typeof require')).toBe('undefined');
  expect(((await page.evaluate('Object.keys(window.lockAdmin ?? {})')) as string[]).sort()).toEqual(
    [...METHOD_NAMES].sort(),
  );

  await page.getByRole('button', { name: 'Try it with the local sandbox' }).click();
  const stuckLock = page.getByRole('button', { name: /^[0-9a-f-]{36}@\d+$/i }).first();
  await expect(stuckLock).toBeVisible({ timeout: 20_000 });
  const lockId = (await stuckLock.textContent())?.trim() ?? '';
  await stuckLock.click();
  await page
    .getByRole('button', { name: /^Release( lock…)?$/ })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Release lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Released/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(lockId).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('electron-released.png') });
  expect(electronApp?.windows()).toHaveLength(1);
});
