import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type DiscardAnswer, afterAnswer, closeDecision, createCloseGuard } from '../../../electron/main/closeGuard';
import { discardQuestion } from '../../../electron/main/closeGuardTexts';

describe('the close decision', () => {
  it('asks only with unsaved edits not yet discarded, and never twice at once', () => {
    expect(closeDecision({ unsaved: false, discarded: false, asking: false })).toBe('close');
    expect(closeDecision({ unsaved: true, discarded: false, asking: false })).toBe('ask');
    expect(closeDecision({ unsaved: true, discarded: false, asking: true })).toBe('wait');
    expect(closeDecision({ unsaved: true, discarded: true, asking: false })).toBe('close');
  });

  it('Cancel stays; Discard closes the window, or goes on quitting when the close was part of a quit', () => {
    expect(afterAnswer('cancel', false)).toBe('stay');
    expect(afterAnswer('cancel', true)).toBe('stay');
    expect(afterAnswer('discard', false)).toBe('close-window');
    expect(afterAnswer('discard', true)).toBe('quit');
  });
});

/** A BrowserWindow's close as Electron runs it: 'close' listeners, then closed unless one prevented it. */
class FakeWindow extends EventEmitter {
  closed = false;
  readonly webContents = new EventEmitter();
  isDestroyed(): boolean {
    return this.closed;
  }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
}

function guarded(answers: DiscardAnswer[]) {
  const asked: FakeWindow[] = [];
  let quits = 0;
  const pending: (() => void)[] = [];
  const guard = createCloseGuard<FakeWindow>({
    ask: (win) => {
      asked.push(win);
      const answer = answers.shift() ?? 'cancel';
      return new Promise((resolve) => pending.push(() => resolve(answer)));
    },
    quit: () => (quits += 1),
  });
  const win = new FakeWindow();
  guard.attach(win);
  const answer = async () => {
    pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { guard, win, asked, answer, quits: () => quits };
}

describe('createCloseGuard', () => {
  it('closes at once without unsaved edits', () => {
    const { win, asked } = guarded([]);
    win.close();
    expect(win.closed).toBe(true);
    expect(asked).toEqual([]);
  });

  it('with unsaved edits: Cancel keeps the window, Discard closes it; a second close while asking waits', async () => {
    const { guard, win, asked, answer } = guarded(['cancel', 'discard']);
    guard.setUnsaved(true);
    win.close();
    win.close();
    expect(asked).toHaveLength(1);
    await answer();
    expect(win.closed).toBe(false);
    win.close();
    expect(asked).toHaveLength(2);
    await answer();
    expect(win.closed).toBe(true);
  });

  it('a quit (menu, Ctrl+Q) asks the same and quits again after Discard', async () => {
    const { guard, win, answer, quits } = guarded(['discard']);
    guard.setUnsaved(true);
    guard.quitRequested();
    win.close();
    expect(win.closed).toBe(false);
    await answer();
    expect(quits()).toBe(1);
  });

  it('edits saved (or the page reloaded) close without asking again', () => {
    const { guard, win, asked } = guarded([]);
    guard.setUnsaved(true);
    guard.setUnsaved(false);
    win.close();
    expect(win.closed).toBe(true);
    const reloaded = guarded([]);
    reloaded.guard.setUnsaved(true);
    reloaded.win.webContents.emit('did-finish-load');
    reloaded.win.close();
    expect(reloaded.win.closed).toBe(true);
    expect(asked.concat(reloaded.asked)).toEqual([]);
  });

  it('asks in the window language: Discard first, Cancel second', () => {
    expect(discardQuestion('en')).toMatchObject({
      message: 'Discard unsaved changes?',
      buttons: ['Discard', 'Cancel'],
    });
    expect(discardQuestion('zh-CN').buttons).toEqual(['放弃', '取消']);
  });
});
