import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App, BrowserWindow } from 'electron';
import { createKeytarStore } from '../core/secrets/keytarStore';
import type { SecretStore } from '../core/secrets/secretStore';

/**
 * `--self-test`: the packaged app's smoke test (scripts/smoke-packaged.mjs, docs/packaging.md).
 * It checks what only a real package can show (the code runs from app.asar, the page loads over
 * app://, keytar's native binary loads from app.asar.unpacked and reaches the OS keychain), writes
 * the outcome to self-test.json in the data folder and on stdout, and the app exits. The keychain
 * entry lives under a service of its own with a random value and is deleted again; no profile,
 * secret or setting of the user is read.
 */
export const SELF_TEST_SWITCH = '--self-test';
export const SELF_TEST_FILE = 'self-test.json';
const SELF_TEST_SERVICE = 'koodrive-lock-admin-self-test';

export interface SelfTestDeps {
  win: Pick<BrowserWindow, 'webContents'>;
  app: Pick<App, 'isPackaged' | 'getAppPath'>;
  dataDir: string;
  /** The URL the window is meant to show. */
  page: string;
  secrets?: SecretStore;
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function pageLoaded(win: SelfTestDeps['win'], page: string): Promise<Check> {
  const contents = win.webContents;
  if (contents.isLoading()) {
    await new Promise<void>((resolve) => {
      contents.once('did-finish-load', () => resolve());
      contents.once('did-fail-load', () => resolve());
    });
  }
  const url = contents.getURL();
  const exposed: unknown = await contents.executeJavaScript(
    'typeof window.lockAdmin === "object" && typeof require === "undefined"',
  );
  return {
    name: 'page',
    ok: url === page && exposed === true,
    detail: `${url}; preload bridge present, no Node in the page: ${String(exposed)}`,
  };
}

async function keychainRoundTrip(secrets: SecretStore): Promise<Check> {
  const account = `self-test-${randomBytes(6).toString('hex')}`;
  const value = randomBytes(18).toString('base64url');
  try {
    await secrets.set(account, value);
    const read = await secrets.get(account);
    const deleted = await secrets.delete(account);
    return { name: 'keychain', ok: read === value && deleted, detail: `${secrets.label}: stored, read back, deleted` };
  } catch (error) {
    await secrets.delete(account).catch(() => false);
    return { name: 'keychain', ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs the checks and reports them; true when all passed. */
export async function runSelfTest(deps: SelfTestDeps): Promise<boolean> {
  const appPath = deps.app.getAppPath();
  const checks: Check[] = [
    {
      name: 'asar',
      ok: !deps.app.isPackaged || appPath.endsWith('app.asar'),
      detail: `app path ${appPath} (packaged: ${String(deps.app.isPackaged)})`,
    },
    await pageLoaded(deps.win, deps.page).catch((error: unknown) => ({
      name: 'page',
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
    })),
    await keychainRoundTrip(deps.secrets ?? createKeytarStore({ service: SELF_TEST_SERVICE })),
  ];
  const report = { ok: checks.every((check) => check.ok), checks };
  const text = JSON.stringify(report);
  process.stdout.write(`${text}\n`);
  try {
    writeFileSync(join(deps.dataDir, SELF_TEST_FILE), `${text}\n`, { mode: 0o600 });
  } catch {
    // stdout has it
  }
  return report.ok;
}
