import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { type Handlers, METHOD_NAMES, channelFor } from '../../shared/contract';
import type { IpcResult } from '../../shared/ipcResult';
import { dispatch } from '../ipc/dispatch';
import { type SenderFrame, type SenderRefusal, senderRefusal } from '../ipc/senderPolicy';

export const FORBIDDEN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'This request did not come from the app’s own page and was refused.' },
};

export interface SenderCheck {
  /** true when `sender` (the event's WebContents) is the main window's own webContents. */
  isMainWindow(sender: unknown): boolean;
  /** Where refusals are logged (the main log); one line, never the call's argument. */
  log(line: string): void;
}

/** Refusals of one kind are logged the 1st, 10th, 100th, … time, so a flood cannot fill the log. */
const LOGGED_COUNTS = new Set([1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]);

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

/** The sender's origin only: a path or query could carry anything. */
function originOf(frame: SenderFrame | null): string {
  if (!frame) return 'unknown';
  try {
    const url = new URL(frame.url);
    return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
  } catch {
    return 'unparsable URL';
  }
}

function isMainWindowSafely(check: SenderCheck, event: Pick<IpcMainInvokeEvent, 'sender'>): boolean {
  try {
    return check.isMainWindow(event.sender) === true;
  } catch {
    return false;
  }
}

/**
 * One ipcMain.handle per contract method. Each call is checked for its sender (our page, main frame,
 * the main window's webContents) before dispatch validates the argument and runs the handler; only the
 * first argument is used. Refused calls are logged without their argument.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  allowedPage: string,
  check: SenderCheck,
): void {
  const refusals = new Map<string, number>();
  const logRefusal = (method: string, reason: SenderRefusal, frame: SenderFrame | null): void => {
    const origin = originOf(frame);
    const key = `${method} ${reason} ${origin}`;
    const count = (refusals.get(key) ?? 0) + 1;
    refusals.set(key, count);
    if (!LOGGED_COUNTS.has(count)) return;
    const times = count === 1 ? '' : ` (${count} times so far)`;
    check.log(`Refused IPC call ${method} from ${origin}: ${reason}${times}.`);
  };
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, arg: unknown) => {
      const frame = senderFrameOf(event);
      const reason = senderRefusal(frame, allowedPage, isMainWindowSafely(check, event));
      if (reason !== null) {
        logRefusal(method, reason, frame);
        return Promise.resolve(FORBIDDEN_SENDER);
      }
      return dispatch(handlers, method, arg);
    });
  }
}
