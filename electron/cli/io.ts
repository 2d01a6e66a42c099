import type { Readable } from 'node:stream';

export interface TextWriter {
  write(text: string): unknown;
}

/** Everything the CLI touches of its process, so tests can run main() in-process with their own streams. */
export interface CliIo {
  stdout: TextWriter;
  stderr: TextWriter;
  stdin: Readable & { setRawMode?: (mode: boolean) => unknown };
  env: Readonly<Record<string, string | undefined>>;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Calls the listener on every Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    onInterrupt(listener) {
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
  };
}
