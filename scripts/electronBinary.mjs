import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const INSTALL_HINT =
  'run `npx install-electron` on a computer with internet access (it downloads the Electron binary into node_modules/electron/dist)';

/**
 * Finds the Electron binary the way node_modules/electron/index.js does, without loading that file:
 * it starts a download when the binary is missing, and a machine without internet only gets a stack trace.
 * @param {string} root the project folder
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ ok: true, executable: string } | { ok: false, reason: string }}
 */
export function findElectron(root, env = process.env) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !existsSync(pathFile)) {
    return {
      ok: false,
      reason: `the Electron binary is not installed (${path.relative(root, pathFile)} is missing, e.g. after ELECTRON_SKIP_BINARY_DOWNLOAD=1)`,
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const executable = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    return { ok: false, reason: `the Electron binary is not installed (${executable} is missing or not executable)` };
  }
  return { ok: true, executable };
}
