import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Rectangle } from 'electron';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1040, height: 760 } as const;
export const MIN_SIZE = { width: 720, height: 520 } as const;
/** How much of the window's title area must stay on a display for the saved place to be kept. */
const MIN_VISIBLE = 64;

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

function isFiniteInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;
}

function parseState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (![x, y, width, height].every(isFiniteInt)) return null;
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    maximized: maximized === true,
  };
}

/** The saved state, or null when there is none or it cannot be read (a bad file is ignored, not fatal). */
export async function loadWindowState(dataDir: string): Promise<WindowState | null> {
  try {
    const text = await readFile(join(dataDir, WINDOW_STATE_FILE), 'utf8');
    if (text.length > 10_000) return null;
    return parseState(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Writes atomically: a crash mid-write leaves the previous file, never a truncated one. */
export async function saveWindowState(dataDir: string, state: WindowState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = join(dataDir, WINDOW_STATE_FILE);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(state)}\n`, { encoding: 'utf8', mode: 0o600 });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits saved bounds to the displays there are now: the size is capped to the work area of the
 * display it was on, and a window whose title bar would be off every display (a monitor was
 * unplugged) is centred on the first display instead.
 */
export function clampToDisplays(bounds: Rectangle, workAreas: readonly Rectangle[]): Rectangle {
  if (workAreas.length === 0) return bounds;
  const titleBar: Rectangle = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 32) };
  const home = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(MIN_VISIBLE, bounds.width) && seen.height > 0;
  });
  const area = home ?? workAreas[0];
  const width = Math.max(Math.min(bounds.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(bounds.height, area.height), Math.min(MIN_SIZE.height, area.height));
  if (!home) {
    return {
      x: area.x + Math.round((area.width - width) / 2),
      y: area.y + Math.round((area.height - height) / 2),
      width,
      height,
    };
  }
  const x = Math.min(Math.max(bounds.x, area.x - width + MIN_VISIBLE), area.x + area.width - MIN_VISIBLE);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - MIN_VISIBLE);
  return { x, y, width, height };
}
