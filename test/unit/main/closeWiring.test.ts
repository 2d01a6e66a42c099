import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor } from '../../../shared/contract';
import { FakeBrowserWindow, Menu, dialog, fakeApp, ipcMain, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const PAGE = 'app://koodrive/index.html';

// The first import transforms the whole main process; on a busy machine that alone takes seconds.
describe('main asks before unsaved profile edits are lost', { timeout: 30_000 }, () => {
  let dataDir: string;
  const savedEnv = { ...process.env };
  let processListeners: { exception: unknown[]; rejection: unknown[] };
  const showMessageBox = vi.fn<(win: unknown, options: { message: string; buttons: string[] }) => Promise<unknown>>();

  beforeEach(async () => {
    processListeners = {
      exception: process.listeners('uncaughtException'),
      rejection: process.listeners('unhandledRejection'),
    };
    resetFakeElectron();
    showMessageBox.mockReset();
    Object.assign(dialog, { showMessageBox });
    vi.resetModules();
    dataDir = await mkdtemp(join(tmpdir(), 'kla-close-'));
    process.env.KOODRIVE_LOCK_ADMIN_DATA_DIR = dataDir;
    delete process.env.ELECTRON_RENDERER_URL;
  });

  afterEach(async () => {
    fakeApp.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalled(), { timeout: 3000 });
    process.env = { ...savedEnv };
    for (const listener of process.listeners('uncaughtException')) {
      if (!processListeners.exception.includes(listener)) process.off('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!processListeners.rejection.includes(listener)) process.off('unhandledRejection', listener);
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  async function startApp() {
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
    const win = Object.assign(FakeBrowserWindow.instances[0], { close: vi.fn() });
    const setUnsaved = (edits: 'unsaved' | 'none') =>
      ipcMain.handlers.get(channelFor('setUnsavedChanges'))?.(
        { sender: win.webContents, senderFrame: { url: PAGE, parent: null } },
        { edits },
      );
    const close = () => {
      const event = { preventDefault: vi.fn() };
      win.emit('close', event);
      return event.preventDefault;
    };
    const setLanguage = (language: 'en' | 'zh-CN') =>
      ipcMain.handlers.get(channelFor('setWindowLanguage'))?.(
        { sender: win.webContents, senderFrame: { url: PAGE, parent: null } },
        { language },
      );
    return { win, setUnsaved, close, setLanguage };
  }

  /** The top-level labels of the application menu set last. */
  function menuLabels(): string[] {
    const template = Menu.buildFromTemplate.mock.lastCall?.[0] as Array<{ label?: string }> | undefined;
    return (template ?? []).map((item) => item.label ?? '');
  }

  it('closing with unsaved edits asks Discard / Cancel; Cancel keeps the window, Discard closes it', async () => {
    const { win, setUnsaved, close } = await startApp();
    expect(await setUnsaved('unsaved')).toEqual({ ok: true, value: { guarded: true } });
    showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(close()).toHaveBeenCalled();
    expect(showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ message: 'Discard unsaved changes?', buttons: ['Discard', 'Cancel'], cancelId: 1 }),
    );
    // The answer is handled in promise callbacks only: one turn of the event loop runs them all.
    await new Promise((resolve) => setImmediate(resolve));
    expect(win.close).not.toHaveBeenCalled();

    showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(close()).toHaveBeenCalled();
    await vi.waitFor(() => expect(win.close).toHaveBeenCalledTimes(1));
    // The close that follows Discard goes through.
    expect(close()).not.toHaveBeenCalled();
  });

  it('without unsaved edits the window closes without a question', async () => {
    const { setUnsaved, close } = await startApp();
    await setUnsaved('unsaved');
    await setUnsaved('none');
    expect(close()).not.toHaveBeenCalled();
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('quitting (menu, Ctrl+Q) with unsaved edits asks too, and quits after Discard', async () => {
    const { setUnsaved, close } = await startApp();
    await setUnsaved('unsaved');
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    fakeApp.emit('before-quit', { preventDefault: vi.fn() });
    expect(close()).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakeApp.quit).toHaveBeenCalledTimes(1));
  });

  it("follows the window's language: the menu is rebuilt and the question asked in the language chosen in Settings", async () => {
    const { win, setUnsaved, close, setLanguage } = await startApp();
    expect(menuLabels()).toContain('Help');
    const menusBefore = Menu.setApplicationMenu.mock.calls.length;

    expect(await setLanguage('zh-CN')).toEqual({ ok: true, value: { applied: true } });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(menusBefore + 1);
    expect(menuLabels()).toEqual(expect.arrayContaining(['文件', '编辑', '帮助']));
    expect(menuLabels()).not.toContain('Help');
    // The same language again rebuilds nothing.
    await setLanguage('zh-CN');
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(menusBefore + 1);

    await setUnsaved('unsaved');
    showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(close()).toHaveBeenCalled();
    expect(showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ message: '放弃未保存的更改？', buttons: ['放弃', '取消'] }),
    );

    await setLanguage('en');
    expect(menuLabels()).toContain('Help');
    expect(await setLanguage('fr' as 'en')).toMatchObject({ ok: false });
  });
});
