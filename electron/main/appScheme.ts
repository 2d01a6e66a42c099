import type { CustomScheme, Protocol } from 'electron';

/** The built page is served as app://koodrive/... instead of file:// (Electron security checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'koodrive';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs, an origin of its own and web storage like https. secure: a secure
 * context, so no mixed-content exceptions are needed. Vite's output loads `type="module"
 * crossorigin` scripts, which Chromium fetches in CORS mode: supportFetchAPI and corsEnabled make
 * that work for the same origin; no Access-Control-Allow-Origin is ever sent, so other origins
 * still cannot read these files. No bypassCSP, no service workers, no streaming.
 */
const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** Must run before the app's `ready` event: Electron ignores privileges registered later. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}
