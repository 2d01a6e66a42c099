import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelFor } from '../../../shared/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args.length })) },
}));

vi.mock('electron', () => electron);

describe('preload', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.clearAllMocks();
  });

  async function exposedApi(): Promise<Record<string, (...args: unknown[]) => Promise<unknown>>> {
    await import('../../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, never];
    expect(name).toBe('lockAdmin');
    return api;
  }

  it('exposes exactly the contract methods, once, under "lockAdmin"', async () => {
    const api = await exposedApi();
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) expect(typeof api[method]).toBe('function');
  });

  it('sends only the argument on the method channel, and returns what main answered', async () => {
    const api = await exposedApi();
    const arg = { profileId: 'prod', lockId: 'abc@102' };
    await expect(api.releaseLock(arg, 'extra', { event: true })).resolves.toEqual({ ok: true, value: 2 });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channelFor('releaseLock'), arg);
  });

  it('routes every method to its own channel', async () => {
    const api = await exposedApi();
    for (const method of METHOD_NAMES) await api[method](undefined);
    expect(electron.ipcRenderer.invoke.mock.calls.map((call) => call[0])).toEqual(
      METHOD_NAMES.map((method) => channelFor(method)),
    );
  });
});
