/**
 * Batch at the server's pace (issue 15): 2,000 releases against the sandbox acting as a throttling
 * gateway, side by side in one run: the batch as it was (no pacing, a throttled lock reported as
 * throttled), the batch as it is (adaptive pacing, throttled locks sent again), and a curl loop
 * (`curl --parallel`, one transfer per lock, no retries). Target: 0 failures, at most 1.1 × N / R.
 * Part of `npm run bench` (run.ts); alone:
 *   node test/bench/build.mjs test/bench/pacing.ts && node out/bench/pacing.js
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Profile } from '../../shared/profile';
import { runBatch } from '../../electron/core/batch/runBatch';
import { systemClock } from '../../electron/core/clock';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { formatXDate } from '../../electron/core/koodrive/xdate';
import { createLockService } from '../../electron/core/lockService';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { countingAudit } from './support/memoryAudit';

export interface PacingScenario {
  rate: number;
  latencyMs: number;
  jitterMs: number;
}

export type PacingVariant = 'before' | 'paced' | 'curl';

export interface PacingFigures extends PacingScenario {
  variant: PacingVariant;
  locks: number;
  concurrency: number;
  seconds: number;
  /** N / R: the physical limit. */
  idealSeconds: number;
  released: number;
  failures: number;
  /** 429s the gateway answered. */
  throttled: number;
  /** Requests that reached the gateway. */
  requests: number;
  meetsTarget: boolean;
}

export const PACING_SCENARIOS: readonly PacingScenario[] = [
  { rate: 200, latencyMs: 20, jitterMs: 0 },
  { rate: 50, latencyMs: 80, jitterMs: 30 },
];

function bearerProfile(sandbox: RunningSandbox): Profile {
  return {
    environment: 'sandbox',
    id: 'bench-pacing',
    name: 'Bench pacing',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
  };
}

async function coreRun(sandbox: RunningSandbox, lockIds: string[], concurrency: number, paced: boolean) {
  const transport = createHttpTransport();
  const service = createLockService({
    transport,
    clock: systemClock,
    secretFor: async () => sandbox.credentials.token,
    audit: countingAudit(),
    source: 'cli',
    osUser: 'bench',
    throttleRetry: paced ? {} : { maxAttempts: 1 },
  });
  const profile = bearerProfile(sandbox);
  try {
    const outcome = await runBatch({
      items: lockIds,
      concurrency,
      pacing: paced,
      execute: (lockId, signal, pacer) => service.run({ operation: 'release', profile, lockId, signal }, { pacer }),
    });
    return outcome.results.filter((result) => !result.ok).length + outcome.notSent;
  } finally {
    transport.close();
  }
}

/** One curl process, `--parallel` transfers, each a signed DELETE for one lock; returns the non-200 count. */
async function curlRun(sandbox: RunningSandbox, lockIds: string[], concurrency: number): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-bench-curl-'));
  const config = path.join(dir, 'curl.conf');
  const xDate = formatXDate(new Date());
  const url = `${sandbox.url}/koodrive/ose/v1/backup/lock`;
  const transfer = (lockId: string) =>
    [
      `url = "${url}"`,
      'request = "DELETE"',
      `header = "Authorization: Bearer ${sandbox.credentials.token}"`,
      `header = "X-User-Id: ${sandbox.credentials.userId}"`,
      `header = "X-Date: ${xDate}"`,
      `header = "x-backup-lock-id: ${lockId}"`,
      'output = "/dev/null"',
      'write-out = "%{http_code}\\n"',
    ].join('\n');
  await writeFile(config, lockIds.map(transfer).join('\nnext\n'), { mode: 0o600 });
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn('curl', ['--silent', '--parallel', '--parallel-max', String(concurrency), '-K', config]);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    return stdout
      .split('\n')
      .filter((line) => line !== '')
      .filter((code) => code !== '200').length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measurePacing(
  options: { locks?: number; concurrency?: number; curl?: boolean; log?: (line: string) => void } = {},
): Promise<PacingFigures[]> {
  const locks = options.locks ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const variants: PacingVariant[] = options.curl === false ? ['before', 'paced'] : ['before', 'paced', 'curl'];
  const figures: PacingFigures[] = [];
  for (const scenario of PACING_SCENARIOS) {
    for (const variant of variants) {
      // A fresh gateway each time: a full token bucket, the same N stuck locks of one user.
      const sandbox = await startSandbox({ seedLocks: 0, seed: locks, seedUsers: 1, quiet: true, ...scenario });
      try {
        const lockIds = sandbox.seededLocks.map((lock) => lock.lockId);
        const started = performance.now();
        const failures =
          variant === 'curl'
            ? await curlRun(sandbox, lockIds, concurrency)
            : await coreRun(sandbox, lockIds, concurrency, variant === 'paced');
        const seconds = (performance.now() - started) / 1000;
        const received = sandbox.received();
        const idealSeconds = locks / scenario.rate;
        const row: PacingFigures = {
          ...scenario,
          variant,
          locks,
          concurrency,
          seconds,
          idealSeconds,
          released: locks - sandbox.activeLocks().length,
          failures,
          throttled: received.filter((r) => r.outcome === 'rejected:throttled').length,
          requests: received.length,
          meetsTarget: failures === 0 && seconds <= 1.1 * idealSeconds,
        };
        figures.push(row);
        options.log?.(formatRow(row));
      } finally {
        await sandbox.stop();
      }
    }
  }
  return figures;
}

export function formatRow(row: PacingFigures): string {
  const jitter = row.jitterMs > 0 ? ` ± ${row.jitterMs}` : '';
  return (
    `| R = ${row.rate}/s, ${row.latencyMs}${jitter} ms | ${row.variant} | ${row.seconds.toFixed(2)} s ` +
    `(${(row.seconds / row.idealSeconds).toFixed(2)} × N/R) | ${row.released} | ${row.failures} | ` +
    `${row.throttled} | ${row.requests} | ${row.meetsTarget ? 'pass' : 'FAIL'} |`
  );
}

// Bundled into run.js as well, where it must not start on its own.
if (require.main === module && path.basename(__filename, '.js') === 'pacing') {
  console.log('| gateway | client | time | released | failures | 429s | requests | target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  measurePacing({ log: (line) => console.log(line) }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
