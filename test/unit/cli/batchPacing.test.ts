// CLI batches at the server's pace: throttled locks are sent again; a dead server pauses the batch (exit 3).
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { LockResult } from '../../../shared/result';
import { formatProgress } from '../../../electron/cli/progressLine';
import { removeTempDirs, runCli, tempDir } from './harness';

let sandbox: RunningSandbox;
let plain: RunningSandbox;
let deadUrl: string;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0, rate: 8, burst: 4 });
  plain = await startSandbox({ seedLocks: 0, credentials: sandbox.credentials });
  const dead = await startSandbox({ seedLocks: 0 });
  deadUrl = dead.url;
  await dead.stop();
});
afterAll(async () => {
  await Promise.all([sandbox.stop(), plain.stop()]);
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
});

const flags = (baseUrl = sandbox.url) => [
  '--data-dir',
  dataDir,
  '--base-url',
  baseUrl,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
];
const env = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });

describe('CLI batch against a throttling gateway', () => {
  it('sends throttled locks again until every one is released; --json carries the attempts', async () => {
    const ids = Array.from({ length: 12 }, () => sandbox.addLock());
    const { code, stdout, stderr } = await runCli(
      ['release', '--json', '--yes', '--concurrency', '6', ...flags(), ...ids],
      {
        env: env(),
      },
    );
    expect(stderr).toMatch(/12 released, 0 retryable/);
    expect(code).toBe(0);
    const results = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LockResult);
    expect(results.every((r) => r.ok && typeof r.attempts === 'number')).toBe(true);
    expect(results.some((r) => (r.attempts ?? 0) > 1)).toBe(true);
    const outcomes = sandbox.received().map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'released')).toHaveLength(12);
    expect(outcomes).toContain('rejected:throttled');
    for (const id of ids) expect(sandbox.activeLockIds()).not.toContain(id);
  });
});

describe('CLI batch when the server stops answering', () => {
  it('pauses after 5 connection failures, exits 3 and lists the unsent rows in a form --file reads back', async () => {
    const ids = Array.from({ length: 30 }, () => plain.addLock());
    const { code, stderr } = await runCli(['release', '--yes', '--concurrency', '1', ...flags(deadUrl), ...ids], {
      env: env(),
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/Paused after [\d.]+ s: 0 released, 5 retryable, 0 need a fix, 25 not sent\./);
    expect(stderr).toContain(
      'paused: the server stopped answering (5 connection failures in a row), so 25 locks were not sent',
    );
    const listed = stderr.slice(stderr.indexOf('userId,lockId\n'));
    const rows = listed.trimEnd().split('\n');
    expect(rows).toEqual(['userId,lockId', ...ids.slice(5).map((id) => `${sandbox.credentials.userId},${id}`)]);

    const file = path.join(dataDir, 'unsent.csv');
    await fs.writeFile(file, listed);
    const again = await runCli(['release', '--yes', ...flags(plain.url), '--file', file], { env: env() });
    expect(again.stderr).toMatch(/25 released/);
    expect(again.code).toBe(0);
    // The five that failed to connect are still there: --retry-from on the --json output would take them.
    expect(plain.activeLockIds()).toEqual(ids.slice(0, 5));
  });
});

describe('the progress line', () => {
  const base = { done: 120, failed: 0, remaining: 1870, inFlight: 10, ratePerSec: 190.24, etaSec: 10 };
  it('shows the limit and, while throttled requests wait, when the batch resumes', () => {
    expect(
      formatProgress({ ...base, pacing: { limitPerSec: 195.4, throttled: 37, waiting: 12, resumeInSec: 0.84 } }, 2000),
    ).toBe(
      '120/2000 done, 0 failed, 1880 remaining · 190.2/s (limit 195/s) · ETA 10s · waiting for the server: 37 throttled, resuming in 0.8 s',
    );
    expect(
      formatProgress({ ...base, pacing: { limitPerSec: 4.25, throttled: 3, waiting: 0, resumeInSec: null } }, 2000),
    ).toBe('120/2000 done, 0 failed, 1880 remaining · 190.2/s (limit 4.3/s) · ETA 10s · 3 throttled');
    expect(
      formatProgress({ ...base, pacing: { limitPerSec: null, throttled: 0, waiting: 0, resumeInSec: null } }, 2000),
    ).toBe('120/2000 done, 0 failed, 1880 remaining · 190.2/s · ETA 10s');
  });
});
