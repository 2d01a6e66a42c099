/**
 * Which frames may call the IPC handlers (after VS Code's validatedIpcMain): our own page only, in
 * the main frame only. `allowedPage` is either the file:// URL of the built index.html (production;
 * the document must be exactly that file) or the dev server's origin (development).
 */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** true when `url` is a document of our own page: the same file, or the same http(s) origin. */
export function isOwnPageUrl(url: string, allowedPage: string): boolean {
  const target = parseUrl(url);
  const allowed = parseUrl(allowedPage);
  if (!target || !allowed) return false;
  if (allowed.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === allowed.host && target.pathname === allowed.pathname;
  }
  if (allowed.protocol !== 'http:' && allowed.protocol !== 'https:') return false;
  return target.origin === allowed.origin;
}

export function isTrustedSender(frame: SenderFrame | null, allowedPage: string): boolean {
  if (!frame || frame.isMainFrame !== true || typeof frame.url !== 'string') return false;
  return isOwnPageUrl(frame.url, allowedPage);
}
