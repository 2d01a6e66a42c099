import type { Session } from 'electron';

/** The production Content-Security-Policy: our own scripts and styles, no network, no frames, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Development only (electron-vite dev server): Vite's client talks to the dev server over a
 * WebSocket, injects styles as <style> elements and the React plugin adds an inline refresh preamble.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const origin = new URL(devServerUrl);
  const wsOrigin = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${origin.origin}`,
    `style-src 'self' 'unsafe-inline' ${origin.origin}`,
    `img-src 'self' data: ${origin.origin}`,
    `font-src 'self' ${origin.origin}`,
    `connect-src 'self' ${origin.origin} ${wsOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy to apply: the dev one only for an unpackaged app started by the dev server. */
export function contentSecurityPolicyFor(isPackaged: boolean, devServerUrl: string | undefined): string {
  return !isPackaged && devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY;
}

/** Sets the policy as a response header on our own pages, replacing any the server sent. */
export function installContentSecurityPolicy(
  session: Pick<Session, 'webRequest'>,
  policy: string,
  isOwnPage: (url: string) => boolean,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isOwnPage(details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });
}
