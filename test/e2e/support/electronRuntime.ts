import { existsSync } from 'node:fs';
import path from 'node:path';
import { type ElectronApplication, _electron } from '@playwright/test';
import { INSTALL_HINT, findElectron } from '../../../scripts/electronBinary.mjs';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const MAIN_ENTRY = path.join(REPO_ROOT, 'out', 'main', 'index.js');

/** The Electron binary, or why the Electron project is skipped on this machine. */
export function electronBinary(): { ok: true; executable: string } | { ok: false; reason: string } {
  const found = findElectron(REPO_ROOT);
  return found.ok ? found : { ok: false, reason: `Electron project skipped: ${found.reason}; ${INSTALL_HINT}` };
}

/**
 * Starts the built app (out/main/index.js) in real Electron with its own data folder; the keychain
 * is the private one of test/support/with-keyring.mjs (its D-Bus session is in the environment).
 */
export async function launchElectron(executable: string, dataDir: string): Promise<ElectronApplication> {
  if (!existsSync(MAIN_ENTRY)) throw new Error(`${MAIN_ENTRY} is missing: run \`npm run build\` first`);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL') env[name] = value;
  }
  env.KOODRIVE_LOCK_ADMIN_DATA_DIR = dataDir;
  // Chromium refuses to start as root with its sandbox on (CI containers run as root). The
  // unpackaged app accepts the switch; a packaged one refuses it (electron/main/refusedSwitches.ts).
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return _electron.launch({ executablePath: executable, args: [MAIN_ENTRY, ...rootOnly], env, timeout: 30_000 });
}
