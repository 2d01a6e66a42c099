import { describe, expect, it, vi } from 'vitest';
import { applyPermissionPolicy, isPermissionAllowed } from '../../../electron/main/permissions';

const PAGE = 'app://koodrive/index.html';
const OWN = { requestingUrl: `${PAGE}#/locks`, isMainFrame: true };
const DENIED = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'deprecated-sync-clipboard-read',
  'openExternal',
  'fullscreen',
  'display-capture',
  'hid',
  'usb',
  'unknown',
];

type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void;
type CheckHandler = (wc: unknown, permission: string, origin: string, details: object) => boolean;

function installed() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  applyPermissionPolicy(session as never, PAGE);
  const request = session.setPermissionRequestHandler.mock.calls[0][0] as RequestHandler;
  const check = session.setPermissionCheckHandler.mock.calls[0][0] as CheckHandler;
  const device = session.setDevicePermissionHandler.mock.calls[0][0] as (details: object) => boolean;
  const asked = (permission: string, details: object) => {
    const callback = vi.fn();
    request({}, permission, callback, details);
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0][0] as boolean;
  };
  return { asked, check, device };
}

describe('permission policy', () => {
  it('grants clipboard writes to our own page in both handlers', () => {
    const { asked, check } = installed();
    expect(asked('clipboard-sanitized-write', OWN)).toBe(true);
    expect(check({}, 'clipboard-sanitized-write', 'app://koodrive', OWN)).toBe(true);
  });

  it('refuses every other permission, even to our own page', () => {
    const { asked, check, device } = installed();
    for (const permission of DENIED) {
      expect(asked(permission, OWN), permission).toBe(false);
      expect(check({}, permission, 'app://koodrive', OWN), permission).toBe(false);
    }
    expect(device({ deviceType: 'usb', origin: 'app://koodrive' })).toBe(false);
  });

  it('refuses a clipboard write from another page, a sub-frame or an unknown requester', () => {
    const { asked, check } = installed();
    const others = [
      { requestingUrl: 'https://evil.example/', isMainFrame: true },
      { requestingUrl: 'app://koodrive/other.html', isMainFrame: true },
      { requestingUrl: 'app://evil/index.html', isMainFrame: true },
      { requestingUrl: 'file:///index.html', isMainFrame: true },
      { requestingUrl: PAGE, isMainFrame: false },
      { isMainFrame: true },
      {},
    ];
    for (const details of others) {
      expect(asked('clipboard-sanitized-write', details), JSON.stringify(details)).toBe(false);
      expect(check({}, 'clipboard-sanitized-write', 'app://koodrive', details), JSON.stringify(details)).toBe(false);
    }
  });

  it('follows the dev server origin when that is the allowed page', () => {
    expect(
      isPermissionAllowed(
        'clipboard-sanitized-write',
        { requestingUrl: 'http://localhost:5173/x' },
        'http://localhost:5173',
      ),
    ).toBe(true);
    expect(
      isPermissionAllowed('clipboard-read', { requestingUrl: 'http://localhost:5173/' }, 'http://localhost:5173'),
    ).toBe(false);
  });
});
