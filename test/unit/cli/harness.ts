/** Runs the CLI in-process with captured streams, a scripted stdin and a Ctrl-C trigger. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliDeps } from '../../../electron/cli/deps';
import type { CliIo } from '../../../electron/cli/io';
import { main } from '../../../electron/cli/main';
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Piped stdin content; ignored when `tty` is given. */
  stdin?: string;
  /** A terminal stdin: the test writes keystrokes into it. */
  tty?: TtyStdin;
  stderrIsTTY?: boolean;
  deps?: Partial<CliDeps>;
  /** Called after every write to stdout, with everything written so far and a function that simulates Ctrl-C. */
  onStdout?: (stdout: string, interrupt: () => void) => void;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class TtyStdin extends PassThrough {
  rawModes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
}

export interface RunningCli {
  /** Simulates Ctrl-C (SIGINT). */
  interrupt(): void;
  done: Promise<RunResult>;
}

export function runCli(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  return startCli(argv, options).done;
}

export function startCli(argv: string[], options: RunOptions = {}): RunningCli {
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const interrupt = () => {
    for (const listener of [...listeners]) listener();
  };
  const io: CliIo = {
    stdout: {
      write: (text: string) => {
        stdout += text;
        options.onStdout?.(stdout, interrupt);
      },
    },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: options.tty ?? Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    stdinIsTTY: options.tty !== undefined,
    stderrIsTTY: options.stderrIsTTY ?? false,
    onInterrupt(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const done = main(argv, io, { secretStore: new MemorySecretStore(), osUser: 'tester', ...options.deps }).then(
    (code) => ({ code, stdout, stderr }),
  );
  return { interrupt, done };
}

/** Polls `condition` every 10 ms for at most `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const madeDirs: string[] = [];

export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koodrive-cli-test-'));
  madeDirs.push(dir);
  return dir;
}

/** Removes every folder tempDir() made in this test file. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of madeDirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
}

/** Every regular file under `dir` (recursively) whose bytes contain `needle`. */
export async function filesContaining(dir: string, needle: string, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const found: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...(await filesContaining(full, needle, depth + 1)));
    else if (item.isFile() && (await fs.readFile(full)).includes(needle)) found.push(full);
  }
  return found;
}
