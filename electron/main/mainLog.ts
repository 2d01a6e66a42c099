import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export const MAIN_LOG_FILE = 'main.log';
/** The current file may grow to this size; then it becomes main.1.log (and main.1.log main.2.log). */
const MAIN_LOG_MAX_BYTES = 1024 * 1024;
const MAIN_LOG_KEPT_FILES = 2;
const MAX_ENTRY_CHARS = 4_000;

export type LogLevel = 'info' | 'warn' | 'error';

export interface MainLog {
  readonly path: string;
  write(level: LogLevel, ...parts: unknown[]): void;
}

export interface MainLogOptions {
  maxBytes?: number;
  keptFiles?: number;
  now?: () => Date;
}

function rotatedName(dir: string, index: number): string {
  return join(dir, `main.${index}.log`);
}

/** One line per entry: control characters (a forged second line) become spaces, long text is cut. */
export function logLine(time: Date, level: LogLevel, parts: readonly unknown[]): string {
  const text = parts
    .map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : format('%o', part)))
    .join(' ');
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const cut = oneLine.length > MAX_ENTRY_CHARS ? `${oneLine.slice(0, MAX_ENTRY_CHARS)}…` : oneLine;
  return `${time.toISOString()} ${level.toUpperCase()} ${cut}\n`;
}

/**
 * The main process's log, main.log in the data folder (a packaged app has no terminal). Written
 * synchronously, so that an entry made just before a crash is on disk; rotated by size so it can
 * never fill the disk. Only messages go in, never stacks or objects' contents beyond a message:
 * the app's error messages carry no secret (docs/security.md), and nothing here adds one. A log
 * that cannot be written is ignored: logging must never stop the app.
 */
export function createMainLog(dataDir: string, options: MainLogOptions = {}): MainLog {
  const maxBytes = options.maxBytes ?? MAIN_LOG_MAX_BYTES;
  const keptFiles = options.keptFiles ?? MAIN_LOG_KEPT_FILES;
  const now = options.now ?? (() => new Date());
  const file = join(dataDir, MAIN_LOG_FILE);

  function rotate(): void {
    rmSync(rotatedName(dataDir, keptFiles), { force: true });
    for (let index = keptFiles - 1; index >= 1; index -= 1) {
      try {
        renameSync(rotatedName(dataDir, index), rotatedName(dataDir, index + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    if (keptFiles >= 1) renameSync(file, rotatedName(dataDir, 1));
    else rmSync(file, { force: true });
  }

  return {
    path: file,
    write(level, ...parts) {
      const line = logLine(now(), level, parts);
      try {
        mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          size = 0;
        }
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
        appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
      } catch {
        // A full disk or a read-only folder: the app goes on without its log.
      }
    },
  };
}

type ConsoleLike = Pick<Console, 'log' | 'info' | 'warn' | 'error'>;

/**
 * Copies what main prints with console.* into the log as well (a packaged app's output goes nowhere
 * else). Returns a function that puts the original methods back.
 */
export function mirrorConsole(log: MainLog, target: ConsoleLike = console): () => void {
  const originals = { log: target.log, info: target.info, warn: target.warn, error: target.error };
  const levels: Array<[keyof ConsoleLike, LogLevel]> = [
    ['log', 'info'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
  ];
  for (const [method, level] of levels) {
    const original = target[method].bind(target);
    target[method] = (...args: unknown[]) => {
      log.write(level, ...args);
      original(...args);
    };
  }
  return () => Object.assign(target, originals);
}
