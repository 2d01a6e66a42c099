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

/** The main window's webContents, and another one (a second window, a webview) showing the same page. */
const mainContents = { id: 1 };
const otherContents = { id: 2 };
let logged: string[] = [];
const check = {
  isMainWindow: (sender: unknown) => sender === mainContents,
  log: (line: string) => logged.push(line),
};

function invokeFrom(sender: unknown, channel: string, frame: Frame, ...args: unknown[]): Promise<unknown> {
  const listener = ipcMain.handlers.get(channel);
  if (!listener) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(listener({ senderFrame: frame, sender }, ...args));
}

function invoke(channel: string, frame: Frame, ...args: unknown[]): Promise<unknown> {
  return invokeFrom(mainContents, channel, frame, ...args);
}

const mainFrame = { url: PAGE, parent: null };

describe('registerIpc', () => {
  let handlers: Handlers;
  beforeEach(() => {
    resetFakeElectron();
    handlers = spyHandlers();
    logged = [];
    registerIpc(ipcMain as never, handlers, PAGE, check);
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

  it('refuses our page in another webContents than the main window, and logs it without the argument', async () => {
    const arg = { profileId: 'prod', lockId: 'PAYLOAD-abc@102' };
    const result = await invokeFrom(otherContents, 'lockAdmin:releaseLock', mainFrame, arg);
    expect(result).toEqual(FORBIDDEN_SENDER);
    expect(handlers.releaseLock).not.toHaveBeenCalled();
    expect(logged).toEqual(['Refused IPC call releaseLock from app://koodrive: not-main-window.']);
    expect(logged.join('\n')).not.toContain('PAYLOAD');
  });

  it('refuses when the main window check itself throws or there is no sender', async () => {
    const throwing = {
      isMainWindow: () => {
        throw new Error('destroyed');
      },
      log: () => {},
    };
    resetFakeElectron();
    registerIpc(ipcMain as never, handlers, PAGE, throwing);
    expect(await invoke('lockAdmin:listProfiles', mainFrame)).toEqual(FORBIDDEN_SENDER);
    resetFakeElectron();
    registerIpc(ipcMain as never, handlers, PAGE, check);
    expect(await invokeFrom(undefined, 'lockAdmin:listProfiles', mainFrame)).toEqual(FORBIDDEN_SENDER);
    expect(handlers.listProfiles).not.toHaveBeenCalled();
  });

  it('logs each refused sender with its reason and origin only, and a flood only at 1, 10, 100, … times', async () => {
    const foreign = { url: 'https://evil.example/path?secret=PAYLOAD', parent: null };
    for (let n = 0; n < 150; n += 1) await invoke('lockAdmin:setSecret', foreign, { secret: 'PAYLOAD' });
    await invoke('lockAdmin:listProfiles', { url: PAGE, parent: { url: PAGE } });
    await invoke('lockAdmin:listProfiles', null);
    expect(logged).toEqual([
      'Refused IPC call setSecret from https://evil.example: foreign-page.',
      'Refused IPC call setSecret from https://evil.example: foreign-page (10 times so far).',
      'Refused IPC call setSecret from https://evil.example: foreign-page (100 times so far).',
      'Refused IPC call listProfiles from app://koodrive: subframe.',
      'Refused IPC call listProfiles from unknown: frame-gone.',
    ]);
    expect(logged.join('\n')).not.toContain('PAYLOAD');
  });
});
