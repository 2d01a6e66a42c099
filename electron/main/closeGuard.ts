/**
 * Asks "Discard unsaved changes?" before the window closes or the app quits while the profile editor holds unsaved
 * edits (the renderer reports them with setUnsavedChanges; docs/user-guide.md#profiles). Closing the window and
 * quitting (menu, Ctrl+Q, Cmd+Q) both reach the window's 'close' event; a quit that was asked about is quit again
 * after "Discard".
 */
import type { UnsavedChangesPort } from '../ipc/unsavedChangesPort';

export type DiscardAnswer = 'discard' | 'cancel';

/** Let the close happen, ask first, or keep the window while the question is already open. */
export type CloseDecision = 'close' | 'ask' | 'wait';

/** What to do once answered: nothing, close the window, or go on quitting the app. */
export type AfterAnswer = 'stay' | 'close-window' | 'quit';

export function closeDecision(state: { unsaved: boolean; discarded: boolean; asking: boolean }): CloseDecision {
  if (!state.unsaved || state.discarded) return 'close';
  return state.asking ? 'wait' : 'ask';
}

export function afterAnswer(answer: DiscardAnswer, quitting: boolean): AfterAnswer {
  if (answer === 'cancel') return 'stay';
  return quitting ? 'quit' : 'close-window';
}

/** The part of a BrowserWindow the guard uses. */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { on(event: 'did-finish-load', listener: () => void): unknown };
}

export interface CloseGuardOptions<W extends GuardedWindow> {
  /** Shows the question (dialog.showMessageBox on the window). */
  ask: (win: W) => Promise<DiscardAnswer>;
  /** app.quit */
  quit: () => void;
  log?: (line: string) => void;
}

export interface CloseGuard<W extends GuardedWindow> extends UnsavedChangesPort {
  attach(win: W): void;
  /** app 'before-quit': the next close is part of quitting. */
  quitRequested(): void;
}

export function createCloseGuard<W extends GuardedWindow>(options: CloseGuardOptions<W>): CloseGuard<W> {
  let unsaved = false;
  let discarded = false;
  let asking = false;
  let quitting = false;

  function onClose(win: W, event: { preventDefault(): void }): void {
    const decision = closeDecision({ unsaved, discarded, asking });
    if (decision === 'close') return;
    event.preventDefault();
    if (decision === 'wait') return;
    asking = true;
    options
      .ask(win)
      .catch((error: unknown) => {
        options.log?.(`close guard: ${error instanceof Error ? error.message : String(error)}`);
        return 'cancel' as const;
      })
      .then((answer) => {
        asking = false;
        const next = afterAnswer(answer, quitting);
        quitting = false;
        if (next === 'stay') return;
        discarded = true;
        if (next === 'quit') options.quit();
        else if (!win.isDestroyed()) win.close();
      });
  }

  return {
    setUnsaved(value) {
      unsaved = value;
      if (value) discarded = false;
    },
    attach(win) {
      win.on('close', (event) => onClose(win, event));
      // A reloaded page has no edits: a state it reported before the reload no longer holds.
      win.webContents.on('did-finish-load', () => {
        unsaved = false;
      });
    },
    quitRequested() {
      quitting = true;
    },
  };
}
