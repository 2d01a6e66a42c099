import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { type Handlers, type IpcResult, METHOD_NAMES, channelFor } from '../../shared/contract';
import { dispatch } from '../ipc/dispatch';
import { type SenderFrame, isTrustedSender } from '../ipc/senderPolicy';

export const FORBIDDEN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'This request did not come from the app’s own page and was refused.' },
};

function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return null;
    return { url: frame.url, isMainFrame: frame.parent === null };
  } catch {
    // A frame that navigated away or was destroyed can throw on access: treat it as unknown.
    return null;
  }
}

/**
 * One ipcMain.handle per contract method. Each call is checked for its sender (our page, main
 * frame) before dispatch validates the argument and runs the handler; only the first argument is used.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers, allowedPage: string): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, arg: unknown) => {
      if (!isTrustedSender(senderFrameOf(event), allowedPage)) return Promise.resolve(FORBIDDEN_SENDER);
      return dispatch(handlers, method, arg);
    });
  }
}
