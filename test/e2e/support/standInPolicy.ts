/**
 * The Chromium stand-in applies main's own policies instead of deciding anything itself:
 * - permissions: main's permission request handler (electron/main/permissions.ts), installed on a
 *   recording session, is asked about every permission Chromium knows; Chromium is told the answer
 *   through CDP (Browser.setPermission), so it grants exactly what main grants and denies the rest;
 * - navigation and new windows: main's restrictNavigation (electron/main/navigation.ts) is
 *   installed on an adapter whose `will-navigate` fires from Playwright's request routing and whose
 *   window-open handler is asked about every popup.
 * URLs of the stand-in's server are translated to the app:// URLs Electron would see.
 */
import type { Browser, Page, Request } from '@playwright/test';
import { APP_INDEX_URL } from '../../../electron/main/appScheme';
import { restrictNavigation } from '../../../electron/main/navigation';
import { applyPermissionPolicy } from '../../../electron/main/permissions';
import { appUrlFor } from './staticServer';

/** Chromium's permission names (navigator.permissions / CDP descriptors) and the name Electron gives them. */
const CHROMIUM_TO_ELECTRON_PERMISSION: Readonly<Record<string, string>> = {
  'clipboard-write': 'clipboard-sanitized-write',
  'clipboard-read': 'clipboard-read',
  camera: 'media',
  microphone: 'media',
  geolocation: 'geolocation',
  notifications: 'notifications',
  midi: 'midi',
  'display-capture': 'display-capture',
  'idle-detection': 'idle-detection',
  'keyboard-lock': 'keyboardLock',
  'pointer-lock': 'pointerLock',
  'speaker-selection': 'speaker-selection',
  'storage-access': 'storage-access',
  'top-level-storage-access': 'top-level-storage-access',
  'window-management': 'window-management',
  'local-fonts': 'local-fonts',
  'payment-handler': 'payment-handler',
  'persistent-storage': 'persistent-storage',
  'background-sync': 'background-sync',
  'background-fetch': 'background-fetch',
  'periodic-background-sync': 'periodic-background-sync',
  'screen-wake-lock': 'screen-wake-lock',
  'system-wake-lock': 'system-wake-lock',
  accelerometer: 'sensors',
  gyroscope: 'sensors',
  magnetometer: 'sensors',
  'ambient-light-sensor': 'sensors',
  nfc: 'nfc',
  fullscreen: 'fullscreen',
};

type RequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;

/** main's request handler, as installed by main on its session. */
function mainPermissionHandler(allowedPage = APP_INDEX_URL): RequestHandler {
  let handler: RequestHandler | null = null;
  applyPermissionPolicy(
    {
      setPermissionRequestHandler: (installed: unknown) => {
        handler = installed as RequestHandler;
      },
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
    } as never,
    allowedPage,
  );
  if (!handler) throw new Error('main installed no permission request handler');
  return handler;
}

/** What main answers when our page (its main frame) asks for a permission under Chromium's name. */
export function mainDecides(chromiumName: string, handler: RequestHandler = mainPermissionHandler()): boolean {
  let granted: boolean | null = null;
  handler({}, CHROMIUM_TO_ELECTRON_PERMISSION[chromiumName] ?? 'unknown', (answer) => (granted = answer), {
    requestingUrl: APP_INDEX_URL,
    isMainFrame: true,
  });
  if (granted === null) throw new Error(`main did not answer the ${chromiumName} permission`);
  return granted;
}

/**
 * Sets every permission of the page's browser context as main decides; returns the decisions.
 * Names this Chromium does not know are left out (they cannot be requested either). The CDP
 * session stays attached: Chromium drops a session's permission overrides when it detaches.
 */
export async function applyMainPermissions(
  browser: Browser,
  page: Page,
  decide: (chromiumName: string) => boolean = (name) => mainDecides(name),
): Promise<Record<string, 'granted' | 'denied'>> {
  const pageSession = await page.context().newCDPSession(page);
  const { targetInfo } = (await pageSession.send('Target.getTargetInfo')) as {
    targetInfo: { browserContextId?: string };
  };
  await pageSession.detach();
  const browserSession = await browser.newBrowserCDPSession();
  const decisions: Record<string, 'granted' | 'denied'> = {};
  for (const name of Object.keys(CHROMIUM_TO_ELECTRON_PERMISSION)) {
    const setting = decide(name) ? 'granted' : 'denied';
    try {
      await browserSession.send('Browser.setPermission', {
        permission: { name },
        setting,
        browserContextId: targetInfo.browserContextId,
      });
      decisions[name] = setting;
    } catch {
      // this Chromium does not know the permission
    }
  }
  page.context().once('close', () => void browserSession.detach().catch(() => undefined));
  return decisions;
}

function hasFrame(request: Request): boolean {
  try {
    request.frame();
    return true;
  } catch {
    return false;
  }
}

export interface GuardRecord {
  /** Navigations main's guard cancelled (as app:// or foreign URLs); answered locally, never sent. */
  blockedNavigations: string[];
  /** Popups main's window-open handler denied (closed at once: Chromium has opened them already). */
  deniedPopups: string[];
  /** URLs main handed to the OS browser (the fixed documentation links only). */
  openedExternally: string[];
}

/** Installs main's navigation and window-open guard on the stand-in's page. */
export async function applyMainNavigationGuard(page: Page, serverUrl: string): Promise<GuardRecord> {
  const record: GuardRecord = { blockedNavigations: [], deniedPopups: [], openedExternally: [] };
  const toAppUrl = (url: string) => (url.startsWith(serverUrl) ? appUrlFor(`/${url.slice(serverUrl.length)}`) : url);
  const willNavigate: Array<(event: { url: string; preventDefault(): void }) => void> = [];
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: (event: { url: string; preventDefault(): void }) => void) {
      if (event === 'will-navigate') willNavigate.push(listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpenHandler = handler;
    },
  };
  restrictNavigation(contents as never, APP_INDEX_URL, async (url) => {
    record.openedExternally.push(url);
  });

  await page.route('**/*', async (route) => {
    const request = route.request();
    if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return route.continue();
    const url = toAppUrl(request.url());
    let prevented = false;
    for (const listener of willNavigate) listener({ url, preventDefault: () => (prevented = true) });
    if (!prevented) return route.continue();
    record.blockedNavigations.push(url);
    // 204 No Content: the browser stays on the current page, as after will-navigate's preventDefault.
    return route.fulfill({ status: 204 });
  });
  // window.open: Chromium creates the popup before anyone can refuse. Its first navigation (a
  // request without a frame yet: page routes of the app page do not see it) is stopped here, before
  // anything leaves, and main's window-open handler decides; then the popup is closed.
  await page.context().route('**/*', async (route) => {
    const request = route.request();
    if (!request.isNavigationRequest() || hasFrame(request)) return route.continue();
    const url = toAppUrl(request.url());
    const decision = windowOpenHandler?.({ url }) ?? { action: 'deny' };
    if (decision.action === 'allow') return route.continue();
    record.deniedPopups.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('popup', (popup) => {
    void popup
      .waitForEvent('requestfailed', { timeout: 5_000 })
      .catch(() => undefined)
      .finally(() => popup.close().catch(() => undefined));
  });
  return record;
}
