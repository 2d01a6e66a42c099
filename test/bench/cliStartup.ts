/**
 * CLI start-up (issue 15 item 6), each figure from process spawn to exit, on the Node running the bench:
 * - one `koodrive-lock release` (secret from the environment, a fresh data folder) against `node -e 0`, and the
 *   floor of a sound release (support/releaseFloorChild.ts: crypto, two fsynced audit lines, one DELETE);
 *   and `node -e` loading only node:http and node:crypto (what any signed request costs before it is made);
 * - a batch of `locks` releases through the CLI (`--file`, `--yes`) against the raw loop child
 *   (support/rawLoopChild.ts: requests signed before it starts, node:http, the same concurrency) and the floor
 *   of a sound batch (support/batchFloorChild.ts: signed when sent, pending and result lines fsynced).
 * The variants alternate round by round (AB, BA, ...) after warm-up rounds, like hyperfine's repeated runs
 * side by side; medians are compared.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from '../../shared/profile';
import { forkSandbox, type SandboxProcess } from './support/sandboxProcess';
import { sandboxProfile, signedRelease } from './support/clients';
import { type Summary, summarize } from './support/stats';

export interface CliStartupOptions {
  rounds: number;
  warmupRounds: number;
  batchLocks: number;
  batchRounds: number;
  concurrency: number;
  timeLimitMs: number;
  /** Another build's bin/koodrive-lock.cjs, timed in the same rounds (before/after comparisons). */
  compareBin?: string;
}

export interface CliStartupResult {
  node: string;
  nodeBare: Summary;
  release: Summary;
  /** support/releaseFloorChild.ts: the least a sound release does, in a fresh process. */
  releaseFloor: Summary;
  /** `node -e` requiring node:http and node:crypto, nothing else. */
  nodeBuiltins: Summary;
  batchLocks: number;
  concurrency: number;
  batchCli: Summary;
  rawLoop: Summary;
  /** support/batchFloorChild.ts: the least a sound batch does, in a fresh process. */
  batchFloor: Summary;
  /** The same single release through options.compareBin. */
  releaseCompared: Summary | null;
  timedOut: boolean;
}

const REPO = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'koodrive-lock.cjs');

/** Milliseconds from spawn to exit; rejects on a non-zero exit status, with the child's stderr. */
function timedRun(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`${path.basename(args[0] ?? '')} exited ${code}: ${stderr.trim().slice(0, 500)}`));
    });
  });
}

export async function measureCliStartup(
  sandbox: SandboxProcess,
  profile: Profile,
  secret: string,
  options: CliStartupOptions,
): Promise<CliStartupResult> {
  const deadline = performance.now() + options.timeLimitMs;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-bench-cli-'));
  // Only what the CLI needs: no NODE_OPTIONS or inspector flags inherited from the bench's parent.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    KOODRIVE_APP_SECRET: secret,
  };
  const connection = [
    '--base-url',
    profile.baseUrl,
    '--user-id',
    sandbox.credentials.userId,
    '--auth',
    'app',
    '--app-id',
    profile.appId ?? '',
  ];
  let round = 0;
  const freshDataDir = () => path.join(dir, `data-${round++}`);

  const releaseOnce = async (bin = BIN) => {
    const [lockId] = await sandbox.createLocks(1);
    return timedRun([bin, 'release', ...connection, '--data-dir', freshDataDir(), lockId], env);
  };
  const bare = () => timedRun(['-e', '0'], env);
  const builtins = () => timedRun(['-e', "require('node:http'); require('node:crypto')"], env);
  const releaseFloor = async () => {
    const [lockId] = await sandbox.createLocks(1);
    const file = path.join(dir, `floor-${round}.json`);
    await writeFile(file, JSON.stringify({ baseUrl: profile.baseUrl, ...signedRelease(profile, secret, lockId) }));
    return timedRun([path.join(__dirname, 'releaseFloorChild.js'), file, `${freshDataDir()}.jsonl`], env);
  };

  const batchCli = async () => {
    const lockIds = await sandbox.createLocks(options.batchLocks);
    const file = path.join(dir, `locks-${round}.txt`);
    await writeFile(file, `${lockIds.join('\n')}\n`);
    const args = [BIN, 'release', ...connection, '--data-dir', freshDataDir(), '--file', file, '--yes'];
    return timedRun([...args, '--concurrency', String(options.concurrency)], env);
  };
  const rawLoop = async () => {
    const lockIds = await sandbox.createLocks(options.batchLocks);
    const file = path.join(dir, `raw-${round++}.json`);
    const requests = lockIds.map((lockId) => signedRelease(profile, secret, lockId));
    await writeFile(file, JSON.stringify({ baseUrl: profile.baseUrl, concurrency: options.concurrency, requests }));
    return timedRun([path.join(__dirname, 'rawLoopChild.js'), file], env);
  };

  const batchFloor = async () => {
    const lockIds = await sandbox.createLocks(options.batchLocks);
    const file = path.join(dir, `floor-batch-${round}.json`);
    await writeFile(
      file,
      JSON.stringify({ baseUrl: profile.baseUrl, concurrency: options.concurrency, profile, lockIds }),
    );
    return timedRun([path.join(__dirname, 'batchFloorChild.js'), file, `${freshDataDir()}.jsonl`], env);
  };

  const compareBin = options.compareBin;
  const variants = (batch: boolean): Array<() => Promise<number>> =>
    batch
      ? [rawLoop, batchCli, batchFloor]
      : [
          bare,
          () => releaseOnce(),
          releaseFloor,
          builtins,
          ...(compareBin === undefined ? [] : [() => releaseOnce(compareBin)]),
        ];
  let timedOut = false;
  /** Rounds of every variant, the order rotating each round; the first `warmup` rounds are not kept. */
  const alternate = async (batch: boolean, rounds: number, warmup: number): Promise<number[][]> => {
    const list = variants(batch);
    const kept = list.map(() => [] as number[]);
    for (let i = 0; i < warmup + rounds && !timedOut; i++) {
      timedOut = performance.now() > deadline;
      for (let k = 0; k < list.length && !timedOut; k++) {
        const at = (i + k) % list.length;
        const ms = await list[at]();
        if (i >= warmup) kept[at].push(ms);
      }
    }
    return kept;
  };
  try {
    const single = await alternate(false, options.rounds, options.warmupRounds);
    const batches = await alternate(true, options.batchRounds, 1);
    return {
      node: process.version,
      nodeBare: summarize(single[0]),
      release: summarize(single[1]),
      releaseFloor: summarize(single[2]),
      nodeBuiltins: summarize(single[3]),
      releaseCompared: single[4] ? summarize(single[4]) : null,
      batchLocks: options.batchLocks,
      concurrency: options.concurrency,
      rawLoop: summarize(batches[0]),
      batchCli: summarize(batches[1]),
      batchFloor: summarize(batches[2]),
      timedOut,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Standalone: `node test/bench/build.mjs test/bench/cliStartup.ts && node out/bench/cliStartup.js` (after `npm run build`). */
async function standalone(): Promise<void> {
  const sandbox = await forkSandbox();
  try {
    const result = await measureCliStartup(sandbox, sandboxProfile(sandbox), sandbox.credentials.appSecret, {
      rounds: Number(process.env.ROUNDS ?? 30),
      warmupRounds: 3,
      batchLocks: 3000,
      batchRounds: Number(process.env.BATCH_ROUNDS ?? 6),
      concurrency: 16,
      timeLimitMs: 240_000,
      compareBin: process.env.COMPARE_BIN,
    });
    console.log(JSON.stringify({ ...result, loadAverage: os.loadavg() }, null, 2));
  } finally {
    await sandbox.stop();
  }
}

// Bundled into run.js as well, where it must not start on its own.
if (require.main === module && path.basename(__filename, '.js') === 'cliStartup') {
  standalone().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
