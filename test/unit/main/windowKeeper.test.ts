import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createWindowKeeper } from '../../../electron/main/windowKeeper';

class Win extends EventEmitter {
  destroyed = false;
  minimized = false;
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = vi.fn();
  show = vi.fn();
  focus = vi.fn();
}

describe('one window', () => {
  it('shares a pending open: calls during opening get the same window', async () => {
    let finish: (win: Win) => void = () => undefined;
    const open = vi.fn(() => new Promise<Win>((resolve) => (finish = resolve)));
    const keeper = createWindowKeeper(open);
    const first = keeper.ensureWindow();
    const second = keeper.ensureWindow();
    const win = new Win();
    finish(win);
    expect(await first).toBe(win);
    expect(await second).toBe(win);
    expect(open).toHaveBeenCalledOnce();
  });

  it('focuses (and restores) the open window instead of opening another', async () => {
    const win = new Win();
    const open = vi.fn(async () => win);
    const keeper = createWindowKeeper(open);
    await keeper.ensureWindow();
    win.minimized = true;
    expect(await keeper.ensureWindow()).toBe(win);
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
    expect(open).toHaveBeenCalledOnce();
  });

  it('opens a new window once the old one is closed', async () => {
    const open = vi.fn(async () => new Win());
    const keeper = createWindowKeeper(open);
    const first = await keeper.ensureWindow();
    first.destroyed = true;
    first.emit('closed');
    expect(keeper.current()).toBeNull();
    const second = await keeper.ensureWindow();
    expect(second).not.toBe(first);
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('can try again after a failed open', async () => {
    const open = vi.fn().mockRejectedValueOnce(new Error('no display')).mockResolvedValue(new Win());
    const keeper = createWindowKeeper(open as () => Promise<Win>);
    await expect(keeper.ensureWindow()).rejects.toThrow('no display');
    await expect(keeper.ensureWindow()).resolves.toBeInstanceOf(Win);
  });
});
