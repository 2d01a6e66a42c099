/**
 * Which frames may call the IPC handlers (after VS Code's validatedIpcMain): our own page only, in
 * the main frame only, of the main window's webContents only (senderRefusal). `allowedPage` is either the URL of the built index.html (production:
 * app://koodrive/index.html, or a file:// URL; the document must be exactly that page) or the dev
 * server's origin (development).
 */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/** Schemes whose allowed page is one exact document (same host and path), not a whole origin. */
const EXACT_PAGE_SCHEMES: ReadonlySet<string> = new Set(['app:', 'file:']);

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** true when `url` is a document of our own page: the same app:// or file:// page, or the same http(s) origin. */
export function isOwnPageUrl(url: string, allowedPage: string): boolean {
  const target = parseUrl(url);
  const allowed = parseUrl(allowedPage);
  if (!target || !allowed) return false;
  if (EXACT_PAGE_SCHEMES.has(allowed.protocol)) {
    return (
      target.protocol === allowed.protocol &&
      target.host === allowed.host &&
      target.username === '' &&
      target.password === '' &&
      target.pathname === allowed.pathname
    );
  }
  if (allowed.protocol !== 'http:' && allowed.protocol !== 'https:') return false;
  return target.origin === allowed.origin;
}

export function isTrustedSender(frame: SenderFrame | null, allowedPage: string): boolean {
  if (!frame || frame.isMainFrame !== true || typeof frame.url !== 'string') return false;
  return isOwnPageUrl(frame.url, allowedPage);
}

/** Why a call was refused; for the main log (never with the call's argument). */
export type SenderRefusal = 'frame-gone' | 'subframe' | 'foreign-page' | 'not-main-window';

/**
 * null when the call may proceed: our page (isTrustedSender) in the main window's own webContents. A
 * page that only looks like ours (another window, a webview, a devtools extension) is refused.
 */
export function senderRefusal(
  frame: SenderFrame | null,
  allowedPage: string,
  fromMainWindow: boolean,
): SenderRefusal | null {
  if (!frame || typeof frame.url !== 'string') return 'frame-gone';
  if (frame.isMainFrame !== true) return 'subframe';
  if (!isOwnPageUrl(frame.url, allowedPage)) return 'foreign-page';
  return fromMainWindow === true ? null : 'not-main-window';
}
