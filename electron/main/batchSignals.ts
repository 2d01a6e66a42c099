/**
 * The desktop shell's side of a batch (docs/batch-and-history.md#taskbar-progress-and-notification): taskbar
 * progress while batches run (BrowserWindow.setProgressBar) and an OS notification when one ends (Notification).
 * The batch handlers call it through the Electron-free port of electron/ipc/batchSignalPort.ts.
 */
import { Notification } from 'electron';
import type { BatchEnded, BatchSignalPort } from '../ipc/batchSignalPort';
import type { MessageLocale } from '../../shared/messages/locales';
import { batchEndedNotice } from './batchSignalTexts';

/** A batch that ran at least this long is announced even while the window has the focus. */
export const NOTIFY_AFTER_MS = 10_000;

export interface ProgressWindow {
  setProgressBar(progress: number, options?: { mode: 'normal' }): void;
  isFocused(): boolean;
}

export interface BatchSignalsOptions {
  window: () => ProgressWindow | null;
  /** The window's language (electron/main/windowLanguage.ts). */
  language: () => MessageLocale;
  /** Clicking the notification: bring the window forward. */
  onNotificationClick: () => void;
  /** Monotonic milliseconds. */
  now?: () => number;
  log?: (line: string) => void;
}

interface RunningBatch {
  done: number;
  total: number;
  startedAt: number;
}

export function createBatchSignals(options: BatchSignalsOptions): BatchSignalPort {
  const now = options.now ?? (() => performance.now());
  const running = new Map<string, RunningBatch>();
  /** The bar as last set, in whole percent; null: no bar. Setting it again only when it changes. */
  let shownPercent: number | null = null;
  /** Kept referenced while shown: a notification that is garbage-collected loses its click handler. */
  const shownNotifications = new Set<Notification>();

  function showProgress(): void {
    const win = options.window();
    if (!win) return;
    if (running.size === 0) {
      if (shownPercent !== null) win.setProgressBar(-1);
      shownPercent = null;
      return;
    }
    let done = 0;
    let total = 0;
    for (const batch of running.values()) {
      done += batch.done;
      total += batch.total;
    }
    const percent = total === 0 ? 0 : Math.floor((done * 100) / total);
    if (percent === shownPercent) return;
    shownPercent = percent;
    win.setProgressBar(percent / 100, { mode: 'normal' });
  }

  function notify(ended: BatchEnded, ranMs: number): void {
    const focused = options.window()?.isFocused() ?? false;
    if (focused && ranMs < NOTIFY_AFTER_MS) return;
    if (!Notification.isSupported()) return;
    const notification = new Notification(batchEndedNotice(ended, options.language()));
    shownNotifications.add(notification);
    notification.on('click', () => {
      shownNotifications.delete(notification);
      options.onNotificationClick();
    });
    notification.on('close', () => shownNotifications.delete(notification));
    notification.show();
  }

  /** A failing taskbar or notification never disturbs the batch that reported. */
  function guarded(what: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      options.log?.(`batch ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    started({ batchId, total }) {
      guarded('progress', () => {
        running.set(batchId, { done: 0, total, startedAt: now() });
        showProgress();
      });
    },
    progressed({ batchId, done }) {
      guarded('progress', () => {
        const batch = running.get(batchId);
        if (!batch) return;
        batch.done = done;
        showProgress();
      });
    },
    ended(ended) {
      guarded('notification', () => {
        const batch = running.get(ended.batchId);
        running.delete(ended.batchId);
        showProgress();
        notify(ended, batch ? now() - batch.startedAt : 0);
      });
    },
  };
}
