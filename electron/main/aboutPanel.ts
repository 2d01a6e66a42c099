import type { AboutPanelOptionsOptions } from 'electron';
import { APP_TITLE } from './window';

const APP_WEBSITE = 'https://github.com/koodrive-lock-admin/koodrive-lock-admin';

/** The About box on every platform (macOS app menu; Help > About on Linux and Windows). */
export function aboutPanelOptions(version: string, iconPath: string | undefined): AboutPanelOptionsOptions {
  return {
    applicationName: APP_TITLE,
    applicationVersion: version,
    version,
    copyright: 'MIT License. Not affiliated with Huawei or KooDrive.',
    credits: 'Releases stuck KooDrive backup locks safely. Secrets stay in the OS keychain.',
    website: APP_WEBSITE,
    ...(iconPath ? { iconPath } : {}),
  };
}
