import os from 'node:os';
import path from 'node:path';

/** Electron's app name for this app (package.json "name"), hence also the folder name under appData. */
const APP_FOLDER_NAME = 'koodrive-lock-admin';

/** Overrides the data folder for the GUI and the CLI alike (tests, portable setups). */
const DATA_DIR_ENV = 'KOODRIVE_LOCK_ADMIN_DATA_DIR';

/**
 * The folder holding profiles.json and the audit log: the same folder as Electron's
 * app.getPath('userData') for this app, so the GUI and the CLI share their profiles and audit log.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const override = env[DATA_DIR_ENV];
  if (override) return paths.resolve(override);
  if (platform === 'win32') {
    const appData = env.APPDATA || paths.join(home, 'AppData', 'Roaming');
    return paths.join(appData, APP_FOLDER_NAME);
  }
  if (platform === 'darwin') return paths.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  const xdgConfig = env.XDG_CONFIG_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  const configHome = xdgConfig && paths.isAbsolute(xdgConfig) ? xdgConfig : paths.join(home, '.config');
  return paths.join(configHome, APP_FOLDER_NAME);
}
