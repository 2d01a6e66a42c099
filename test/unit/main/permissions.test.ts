import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions } from '../../../electron/main/permissions';

describe('denyAllPermissions', () => {
  it('refuses every permission request, check and device', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);

    const request = session.setPermissionRequestHandler.mock.calls[0][0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0][0] as (...args: unknown[]) => boolean;
    expect(check({}, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0][0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
