import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MIN_SIZE,
  WINDOW_STATE_FILE,
  clampToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../electron/main/windowState';

describe('window state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kla-winstate-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips and leaves no temporary file behind', async () => {
    const state = { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true };
    await saveWindowState(dir, state);
    expect(await loadWindowState(dir)).toEqual(state);
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('creates the data folder when it is missing', async () => {
    const nested = join(dir, 'a', 'b');
    await saveWindowState(nested, { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false });
    expect(JSON.parse(await readFile(join(nested, WINDOW_STATE_FILE), 'utf8'))).toHaveProperty('bounds');
  });

  it.each([
    ['missing', null],
    ['not JSON', '{nope'],
    ['wrong shape', '{"bounds":{"x":"1","y":2,"width":3,"height":4}}'],
    ['absurd numbers', '{"bounds":{"x":1e300,"y":2,"width":3,"height":4}}'],
    ['null', 'null'],
  ])('ignores a %s file', async (_label, content) => {
    if (content !== null) await writeFile(join(dir, WINDOW_STATE_FILE), content);
    expect(await loadWindowState(dir)).toBeNull();
  });
});

describe('clampToDisplays', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  const right = { x: 1920, y: 0, width: 1280, height: 1000 };

  it('keeps bounds that are on a display', () => {
    const bounds = { x: 100, y: 80, width: 1000, height: 700 };
    expect(clampToDisplays(bounds, [primary])).toEqual(bounds);
    const onSecond = { x: 2000, y: 50, width: 900, height: 600 };
    expect(clampToDisplays(onSecond, [primary, right])).toEqual(onSecond);
  });

  it('centres on the first display a window left on a display that is gone', () => {
    expect(clampToDisplays({ x: 2000, y: 50, width: 900, height: 600 }, [primary])).toEqual({
      x: 510,
      y: 220,
      width: 900,
      height: 600,
    });
  });

  it('shrinks a window larger than its display, but not below the minimum size', () => {
    const clamped = clampToDisplays({ x: 0, y: 0, width: 5000, height: 4000 }, [primary]);
    expect(clamped.width).toBe(1920);
    expect(clamped.height).toBe(1040);
    const tiny = clampToDisplays({ x: 0, y: 0, width: 10, height: 10 }, [primary]);
    expect(tiny.width).toBe(MIN_SIZE.width);
    expect(tiny.height).toBe(MIN_SIZE.height);
  });

  it('pulls a title bar above the top of the display back down', () => {
    const clamped = clampToDisplays({ x: 100, y: -10, width: 800, height: 600 }, [primary]);
    expect(clamped.y).toBeGreaterThanOrEqual(0);
  });

  it('leaves bounds alone when no display is known', () => {
    const bounds = { x: 1, y: 2, width: 3, height: 4 };
    expect(clampToDisplays(bounds, [])).toEqual(bounds);
  });
});
