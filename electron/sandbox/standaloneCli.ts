import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from './server';
import { parseStandaloneArgs, STANDALONE_USAGE } from './standaloneArgs';
import { standaloneBanner } from './standaloneBanner';
import type { RunningSandbox } from './types';

export interface StandaloneIo {
  out(text: string): void;
  err(text: string): void;
}

export type StandaloneStart =
  { running: false; exitCode: number } | { running: true; sandbox: RunningSandbox; stop(): Promise<void> };

/** Parses the flags, starts the sandbox and prints how to use it; the caller owns signals. */
export async function startStandalone(argv: readonly string[], io: StandaloneIo): Promise<StandaloneStart> {
  const args = parseStandaloneArgs(argv);
  if (args.kind === 'help') {
    io.out(STANDALONE_USAGE);
    return { running: false, exitCode: 0 };
  }
  if (args.kind === 'error') {
    io.err(`${args.problem}\n`);
    return { running: false, exitCode: 2 };
  }
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(args.options);
  } catch (error) {
    io.err(`The sandbox could not start: ${startProblem(error, args.options.port ?? 0)}\n`);
    return { running: false, exitCode: 1 };
  }
  let caDir: string | null = null;
  let caFile: string | null = null;
  if (sandbox.caPem) {
    caDir = await mkdtemp(join(tmpdir(), 'koodrive-sandbox-'));
    caFile = join(caDir, 'sandbox-ca.pem');
    await writeFile(caFile, sandbox.caPem, { mode: 0o644 });
  }
  io.out(standaloneBanner(sandbox, caFile));
  return {
    running: true,
    sandbox,
    stop: async () => {
      await sandbox.stop();
      if (caDir) await rm(caDir, { recursive: true, force: true });
    },
  };
}

function startProblem(error: unknown, port: number): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EADDRINUSE')
    return `port ${port} is already in use; choose another with --port, or --port 0 for a free one.`;
  if (code === 'EACCES') return `port ${port} needs administrator rights; choose one above 1023.`;
  return error instanceof Error ? error.message : 'unknown error';
}
