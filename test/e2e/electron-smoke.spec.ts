/**
 * Smoke test of the real Electron shell: the built app starts, shows its window, starts the local
 * sandbox and releases a stuck lock through preload -> IPC -> core. Runs wherever an Electron
 * binary is installed; reports itself as skipped, with the reason, where it is not (CI here).
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { METHOD_NAMES } from '../../shared/contract';

type ElectronBinary = { ok: true; executable: string } | { ok: false; reason: string };

const INSTALL_HINT =
  'run `npx install-electron` (or `node node_modules/electron/install.js`) on a desktop with internet access to enable it';

/**
 * Finds the binary the way node_modules/electron/index.js does, without requiring that file: it
 * tries to download a missing binary, and there is no download on these machines.
 */
function findElectron(root: string): ElectronBinary {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !existsSync(pathFile)) {
    return {
      ok: false,
      reason: `Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD: ${path.relative(root, pathFile)} is missing); ${INSTALL_HINT}`,
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const executable = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    return {
      ok: false,
      reason: `Electron binary not installed on this machine (${executable} is missing or not executable); ${INSTALL_HINT}`,
    };
  }
  return { ok: true, executable };
}

// eslint-disable-next-line no-empty-pattern -- Playwright needs a destructuring pattern for the fixtures
test('the Electron app releases a sandbox lock end to end', async ({}, testInfo) => {
  const root = path.resolve(testInfo.project.testDir, '..', '..');
  const electron = findElectron(root);
  test.skip(!electron.ok, electron.ok ? '' : electron.reason);
  if (!electron.ok) return;
  test.skip(
    process.env.KOODRIVE_KEYRING === 'absent',
    `No keychain for the Electron smoke test: ${process.env.KOODRIVE_KEYRING_REASON ?? 'no reason given'}`,
  );

  const mainEntry = path.join(root, 'out', 'main', 'index.js');
  expect(existsSync(mainEntry), `${mainEntry} is missing: run \`npx electron-vite build\` first`).toBe(true);

  const dataDir = await mkdtemp(path.join(tmpdir(), 'kla-electron-e2e-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
  }
  env.KOODRIVE_LOCK_ADMIN_DATA_DIR = dataDir;

  // Chromium refuses to start as root with its sandbox on (CI containers run as root).
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    executablePath: electron.executable,
    args: [mainEntry, ...rootOnly],
    env,
    timeout: 30_000,
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle(/KooDrive Lock Admin/);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const exposed = await page.evaluate(() =>
      Object.keys((globalThis as { lockAdmin?: object }).lockAdmin ?? {}).sort(),
    );
    expect(exposed).toEqual([...METHOD_NAMES].sort());

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
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
