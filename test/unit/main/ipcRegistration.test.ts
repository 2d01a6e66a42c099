import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, type Handlers, METHOD_NAMES, channelFor } from '../../../shared/contract';
import { FORBIDDEN_SENDER, registerIpc } from '../../../electron/main/ipcRegistration';
import { ipcMain, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const PAGE = 'app://koodrive/index.html';

function spyHandlers(): Handlers {
  const handlers: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const method of METHOD_NAMES) handlers[method] = vi.fn(async () => `${method} done`);
  return handlers as unknown as Handlers;
}

type Frame = { url: string; parent: unknown } | null;

function invoke(channel: string, frame: Frame, ...args: unknown[]): Promise<unknown> {
  const listener = ipcMain.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(listener({ senderFrame: frame }, ...args));
}

const mainFrame = { url: PAGE, parent: null };

describe('registerIpc', () => {
  let handlers: Handlers;
  beforeEach(() => {
    resetFakeElectron();
    handlers = spyHandlers();
    registerIpc(ipcMain as never, handlers, PAGE);
  });

  it('registers one handler per contract method, on its channel, and nothing else', () => {
    const channels = ipcMain.handle.mock.calls.map((call) => call[0]);
    expect(channels).toHaveLength(METHOD_NAMES.length);
    expect(new Set(channels)).toEqual(new Set(METHOD_NAMES.map((method) => channelFor(method))));
    expect(channels).toContain('lockAdmin:releaseLock');
    for (const channel of channels) expect(channel.startsWith(CHANNEL_PREFIX)).toBe(true);
  });

  it('dispatches a call from our page to the handler and returns its result', async () => {
    const result = await invoke('lockAdmin:releaseLock', mainFrame, { profileId: 'prod', lockId: 'abc@102' });
    expect(result).toEqual({ ok: true, value: 'releaseLock done' });
    expect(handlers.releaseLock).toHaveBeenCalledWith({ profileId: 'prod', lockId: 'abc@102' });
  });

  it.each([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a subframe of our page', { url: PAGE, parent: { url: PAGE } }],
    ['a destroyed frame', null],
  ])('refuses %s with forbidden-sender and does not call the handler', async (_label, frame) => {
    const result = await invoke('lockAdmin:releaseLock', frame, { profileId: 'prod', lockId: 'abc@102' });
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handlers.releaseLock).not.toHaveBeenCalled();
  });

  it('refuses a frame whose properties throw on access', async () => {
    const frame = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(await invoke('lockAdmin:listProfiles', frame)).toEqual(FORBIDDEN_SENDER);
    expect(handlers.listProfiles).not.toHaveBeenCalled();
  });

  it('rejects an invalid argument with invalid-argument and does not call the handler', async () => {
    const result = await invoke('lockAdmin:releaseLock', mainFrame, { profileId: 'prod', lockId: 'a\nb' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(handlers.releaseLock).not.toHaveBeenCalled();
  });

  it('uses only the first argument', async () => {
    const result = await invoke('lockAdmin:listProfiles', mainFrame, undefined, { smuggled: true });
    expect(result).toEqual({ ok: true, value: 'listProfiles done' });
    expect(handlers.listProfiles).toHaveBeenCalledWith(undefined);
  });
});
