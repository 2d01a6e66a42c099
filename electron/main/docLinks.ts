/**
 * The only URLs the app ever hands to the OS browser (shell.openExternal): fixed documentation
 * pages. Anything else a page tries to open is dropped.
 */
export interface DocLink {
  label: string;
  url: string;
}

const CARRIER_DOCS = 'https://support.huaweicloud.com/intl/en-us/api-koodrive-carrier';

export const DOC_LINKS: readonly DocLink[] = [
  { label: 'KooDrive API: Releasing a Backup Lock', url: `${CARRIER_DOCS}/releaseBackupLock.html` },
  { label: 'KooDrive API: Renewing a Backup Lock', url: `${CARRIER_DOCS}/renewalBackupLock.html` },
  { label: 'KooDrive API: Creating a Backup Lock', url: `${CARRIER_DOCS}/createBackupLock.html` },
  { label: 'KooDrive API: Authentication', url: `${CARRIER_DOCS}/koodrive_11_0005.html` },
  { label: 'KooDrive API: Error Codes', url: 'https://support.huaweicloud.com/intl/en-us/api-koodrive/ErrorCode.html' },
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
