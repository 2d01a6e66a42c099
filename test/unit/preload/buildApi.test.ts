import { describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../shared/contract';
import { buildLockAdminApi } from '../../../electron/preload/buildApi';

describe('buildLockAdminApi', () => {
  it('is frozen, so the page cannot swap a method', () => {
    const api = buildLockAdminApi(async () => null);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api)).toHaveLength(METHOD_NAMES.length);
  });

  it('never rejects: a failing bridge comes back as an internal IpcError', async () => {
    const api = buildLockAdminApi(async () => {
      throw new Error('An object could not be cloned.');
    });
    await expect(api.listProfiles(undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    const throwing = buildLockAdminApi(() => {
      throw new Error('sync');
    });
    await expect(throwing.sandboxStatus(undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes the argument through unchanged', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: [] }));
    const api = buildLockAdminApi(invoke);
    const arg = { requestTag: 'abc' };
    await api.cancelRequest(arg);
    expect(invoke).toHaveBeenCalledWith('lockAdmin:cancelRequest', arg);
  });
});
