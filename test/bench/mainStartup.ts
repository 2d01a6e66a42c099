/**
 * Desktop start-up on paper (issue 15 item 7), each in fresh processes on the bench's Node:
 * - plain Node: the built out/main/index.js with `electron` stubbed (support/mainStartupChild.ts), from
 *   process start to the first BrowserWindow, split into Node's own start, loading index.js's imports,
 *   and the work from there to the window (services, IPC, menu); plus the module files loaded by then;
 * - the stand-in: the services and IPC handlers the e2e stand-in routes the page to
 *   (support/standInStartupChild.ts), loaded and created;
 * - `node -e 0` alongside, for scale.
 * Electron's own start (its binary is not installed here) is not part of these figures.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Summary, summarize } from './support/stats';

export interface MainStartupResult {
  rounds: number;
  nodeBare: Summary;
  /** Process start → index.js begins to load (Node's own start plus the stub). */
  nodeStart: Summary;
  /** index.js's imports loaded. */
  imports: Summary;
  /** Imports loaded → first BrowserWindow asked for. */
  toWindow: Summary;
  /** Process start → first BrowserWindow. */
  total: Summary;
  /** Spawn → exit right at the first BrowserWindow, comparable with nodeBare. */
  wall: Summary;
  modules: string[];
  moduleBytes: number;
  standInLoad: Summary;
  standInCompose: Summary;
}

const run = promisify(execFile);
const INDEX = path.resolve(__dirname, '..', 'main', 'index.js');

async function wall(args: readonly string[]): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, args, { timeout: 30_000 });
  return { ms: performance.now() - started, stdout };
}

export async function measureMainStartup(options: {
  rounds: number;
  warmupRounds: number;
}): Promise<MainStartupResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-bench-main-'));
  const s = { bare: [] as number[], start: [] as number[], imports: [] as number[], toWindow: [] as number[] };
  const t = {
    wall: [] as number[],
    total: [] as number[],
    standInLoad: [] as number[],
    standInCompose: [] as number[],
  };
  let modules: string[] = [];
  try {
    for (let i = 0; i < options.warmupRounds + options.rounds; i++) {
      const bare = await wall(['-e', '0']);
      const main = await wall([path.join(__dirname, 'mainStartupChild.js'), INDEX, dataDir]);
      const standIn = await wall([path.join(__dirname, 'standInStartupChild.js'), dataDir]);
      if (i < options.warmupRounds) continue;
      const m = JSON.parse(main.stdout) as {
        loadStartMs: number;
        importedMs: number;
        windowMs: number;
        modules: string[];
      };
      const c = JSON.parse(standIn.stdout) as { loadedMs: number; composedMs: number };
      s.bare.push(bare.ms);
      s.start.push(m.loadStartMs);
      s.imports.push(m.importedMs - m.loadStartMs);
      s.toWindow.push(m.windowMs - m.importedMs);
      t.total.push(m.windowMs);
      t.wall.push(main.ms);
      t.standInLoad.push(c.loadedMs);
      t.standInCompose.push(c.composedMs - c.loadedMs);
      modules = m.modules.filter((file) => !file.endsWith('mainStartupChild.js'));
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return {
    rounds: options.rounds,
    nodeBare: summarize(s.bare),
    nodeStart: summarize(s.start),
    imports: summarize(s.imports),
    toWindow: summarize(s.toWindow),
    total: summarize(t.total),
    wall: summarize(t.wall),
    modules: modules.map((file) => path.relative(path.resolve(__dirname, '..', '..'), file)),
    moduleBytes: modules.reduce((sum, file) => sum + statSync(file).size, 0),
    standInLoad: summarize(t.standInLoad),
    standInCompose: summarize(t.standInCompose),
  };
}
