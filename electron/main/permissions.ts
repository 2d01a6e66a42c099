import type { Session } from 'electron';
import { isOwnPageUrl } from '../ipc/senderPolicy';

/**
 * The only web permission the app uses: `navigator.clipboard.writeText` (the Copy buttons), which
 * Electron asks for as `clipboard-sanitized-write`. Everything else (camera, notifications,
 * clipboard read, ...) is refused, and so is a clipboard write from any page but our own.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export interface PermissionRequester {
  /** The URL of the frame that asks; Electron gives it in the handlers' details. */
  requestingUrl?: string;
  isMainFrame?: boolean;
}

/** Whether main grants `permission` to `requester`: an allowed permission, asked by our page's main frame. */
export function isPermissionAllowed(permission: string, requester: PermissionRequester, allowedPage: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  if (requester.isMainFrame === false) return false;
  return typeof requester.requestingUrl === 'string' && isOwnPageUrl(requester.requestingUrl, allowedPage);
}

type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

/** Installs the policy in both of Electron's handlers (request and check); devices are always refused. */
export function applyPermissionPolicy(session: PermissionSession, allowedPage: string): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details, allowedPage));
  });
  session.setPermissionCheckHandler((_webContents, permission, _requestingOrigin, details) =>
    isPermissionAllowed(permission, details, allowedPage),
  );
  session.setDevicePermissionHandler(() => false);
}
