/**
 * The only URLs the app ever hands to the OS browser (shell.openExternal): fixed documentation
 * pages. Anything else a page tries to open is dropped.
 */
import type { MenuKey } from '../../shared/messages/menu.en';

export interface DocLink {
  /** The menu item's label (shared/messages/menu.en.ts and its translation). */
  label: Extract<MenuKey, `menu.doc.${string}`>;
  url: string;
}

const CARRIER_DOCS = 'https://support.huaweicloud.com/intl/en-us/api-koodrive-carrier';

export const DOC_LINKS: readonly DocLink[] = [
  { label: 'menu.doc.release', url: `${CARRIER_DOCS}/releaseBackupLock.html` },
  { label: 'menu.doc.renew', url: `${CARRIER_DOCS}/renewalBackupLock.html` },
  { label: 'menu.doc.create', url: `${CARRIER_DOCS}/createBackupLock.html` },
  { label: 'menu.doc.auth', url: `${CARRIER_DOCS}/koodrive_11_0005.html` },
  { label: 'menu.doc.errorCodes', url: 'https://support.huaweicloud.com/intl/en-us/api-koodrive/ErrorCode.html' },
];

const ALLOWED = new Set(DOC_LINKS.map((link) => link.url));

function isAllowedDocUrl(url: string): boolean {
  return ALLOWED.has(url);
}

/** Opens `url` in the OS browser when it is one of DOC_LINKS; returns whether it did. */
export function openDocLink(url: string, openExternal: (url: string) => Promise<void>): boolean {
  if (!isAllowedDocUrl(url)) return false;
  void openExternal(url).catch(() => undefined);
  return true;
}
