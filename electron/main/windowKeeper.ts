/** The part of a BrowserWindow the keeper uses. */
export interface KeptWindow {
  on(event: 'closed', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export interface WindowKeeper<W extends KeptWindow> {
  /**
   * Shows the one window: focuses it when it exists, waits for it when it is being opened, opens it
   * otherwise. Safe to call from start-up, `activate` and `second-instance` in any order.
   */
  ensureWindow(): Promise<W>;
  current(): W | null;
}

/**
 * Keeps the app to one window on every platform. Opening takes a moment (the saved position is
 * read from disk), and macOS can send `activate` during that moment on first launch: the pending
 * open is shared instead of starting a second window.
 */
export function createWindowKeeper<W extends KeptWindow>(open: () => Promise<W>): WindowKeeper<W> {
  let window: W | null = null;
  let opening: Promise<W> | null = null;

  function focus(win: W): W {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  }

  async function openOne(): Promise<W> {
    try {
      const win = await open();
      window = win;
      win.on('closed', () => {
        if (window === win) window = null;
      });
      return win;
    } finally {
      opening = null;
    }
  }

  return {
    ensureWindow() {
      if (window && !window.isDestroyed()) return Promise.resolve(focus(window));
      opening ??= openOne();
      return opening;
    },
    current: () => (window && !window.isDestroyed() ? window : null),
  };
}
