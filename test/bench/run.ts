/**
 * `npm run bench`: every figure of docs/benchmarks.md in one run, against the KooDrive sandbox on
 * loopback (in a process of its own), then the report written from exactly these numbers. It runs as
 * bundled by test/bench/build.mjs (out/bench/run.js), so the code measured is compiled as it ships.
 * Every loop is bounded by a count and a time: issue 15's rows (server's pace, CLI and desktop start-up)
 * first, then the rest within BUDGET_MS; the whole run is kept under ten minutes.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { coreBatch, coreBatchWithAuditLog, floorBatch, releaseLeftovers, type RunFigures } from './batch';
import { measureCliStartup } from './cliStartup';
import { measureCoreCpu } from './coreCpu';
import { measureLatency } from './latency';
import { measureMainStartup } from './mainStartup';
import { measurePacing } from './pacing';
import { measureRenderer } from './renderer';
import { type BenchReport, type MemoryProbe, renderReport } from './report';
import type { PaceAndStartup } from './reportPaceAndStartup';
import { measureSigning } from './signing';
import { sandboxProfile } from './support/clients';
import { describeMachine } from './support/machine';
import { probeBatchMemory } from './support/memoryProbe';
import { forkSandbox } from './support/sandboxProcess';

const REPORT_PATH = path.resolve(__dirname, '..', '..', 'docs', 'benchmarks.md');
const BUDGET_MS = 280_000;
const BATCH_SIZE = 10_000;
const CONCURRENCIES = [1, 4, 16, 32] as const;

async function main(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let budgetFrom = started;
  const left = () => BUDGET_MS - (performance.now() - budgetFrom);
  const log = (line: string) => console.log(`[bench ${(elapsed() / 1000).toFixed(0).padStart(3)} s] ${line}`);
  const machine = describeMachine();
  const skipped: string[] = [];

  const paceAndStartup: PaceAndStartup = { pacing: null, curlSkipped: null, cli: null, main: null, loadAfter: {} };
  log("batches at the server's pace (throttling gateway)");
  const curl = machine.curl !== 'not installed';
  if (!curl) paceAndStartup.curlSkipped = 'curl is not installed';
  paceAndStartup.pacing = await measurePacing({ curl, log: (line) => log(line) });
  paceAndStartup.loadAfter.pacing = os.loadavg();

  log('desktop start-up');
  paceAndStartup.main = await measureMainStartup({ rounds: 20, warmupRounds: 2 });
  paceAndStartup.loadAfter.main = os.loadavg();
  log(`desktop: first window after ${paceAndStartup.main.total.median.toFixed(1)} ms (median)`);

  const sandbox = await forkSandbox();
  try {
    const profile = sandboxProfile(sandbox);
    const secret = sandbox.credentials.appSecret;

    log('CLI start-up');
    paceAndStartup.cli = await measureCliStartup(sandbox, profile, secret, {
      rounds: 20,
      warmupRounds: 3,
      batchLocks: 3000,
      batchRounds: 4,
      concurrency: 16,
      timeLimitMs: 150_000,
    });
    paceAndStartup.loadAfter.cli = os.loadavg();
    const cli = paceAndStartup.cli;
    log(`CLI: release ${cli.release.median.toFixed(1)} ms vs node -e 0 ${cli.nodeBare.median.toFixed(1)} ms`);
    budgetFrom = performance.now();

    log('signing');
    const signing = measureSigning({ windows: 15, windowMs: 200, appSecret: secret });
    log(`signing: ${Math.round(signing.perSecond)}/s`);
    const coreCpu = await measureCoreCpu(profile, secret, { windows: 10, windowMs: 200, coldSamples: 1000 });
    log(
      `core without network: ${coreCpu.usPerRelease.toFixed(1)} µs per release (cold ${coreCpu.coldUs.toFixed(0)} µs)`,
    );

    log('single release latency');
    const latencyOptions = { rounds: 2000, warmupRounds: 200, curlEvery: 10, blockRounds: 250 };
    const latency = await measureLatency(sandbox, profile, secret, {
      ...latencyOptions,
      gapMs: 1,
      timeLimitMs: Math.min(60_000, left() - 200_000),
      keychainReads: 200,
    });
    log(`latency after idle: core ${latency.core.median.toFixed(3)} ms, floor ${latency.floor.median.toFixed(3)} ms`);
    const latencyBackToBack = await measureLatency(sandbox, profile, secret, {
      ...latencyOptions,
      gapMs: 0,
      timeLimitMs: Math.min(40_000, left() - 190_000),
      keychainReads: 0,
    });
    log(
      `latency back to back: core ${latencyBackToBack.core.median.toFixed(3)} ms, floor ${latencyBackToBack.floor.median.toFixed(3)} ms`,
    );

    log('batch throughput');
    const batch: RunFigures[] = [];
    for (const [index, concurrency] of CONCURRENCIES.entries()) {
      // Alternate which variant goes first, so neither always meets the warmer process.
      const order =
        index % 2 === 0 ? (['core', 'floor', 'floor+signing'] as const) : (['floor+signing', 'floor', 'core'] as const);
      for (const variant of order) {
        if (left() < 120_000) {
          skipped.push(`batch ${variant} at concurrency ${concurrency} (time budget)`);
          continue;
        }
        await releaseLeftovers(sandbox, profile, secret);
        const limit = Math.min(30_000, left() - 110_000);
        const figures =
          variant === 'core'
            ? await coreBatch(sandbox, profile, secret, concurrency, BATCH_SIZE, limit)
            : await floorBatch(sandbox, profile, secret, concurrency, BATCH_SIZE, limit, variant);
        batch.push(figures);
        log(
          `${variant} c=${concurrency}: ${Math.round(figures.perSecond)}/s (sandbox ${Math.round(figures.sandboxCpu * 100)} %)`,
        );
      }
    }

    const fsyncAudit: RunFigures[] = [];
    for (const concurrency of [1, 32]) {
      if (left() < 90_000) {
        skipped.push(`core with the fsynced audit log at concurrency ${concurrency} (time budget)`);
        continue;
      }
      await releaseLeftovers(sandbox, profile, secret);
      const figures = await coreBatchWithAuditLog(sandbox, profile, secret, concurrency, BATCH_SIZE, 12_000);
      fsyncAudit.push(figures);
      log(`core + audit log c=${concurrency}: ${Math.round(figures.perSecond)}/s (${figures.completed} done)`);
    }

    log('memory: fresh processes, 2,500, 5,000 and 10,000 releases');
    const memory: MemoryProbe[] = [];
    for (const count of [2500, 5000, BATCH_SIZE]) {
      if (left() < 70_000) {
        skipped.push(`memory probe of ${count} releases (time budget)`);
        continue;
      }
      await releaseLeftovers(sandbox, profile, secret);
      const lockIds = await sandbox.createLocks(count);
      const reply = await probeBatchMemory({ profile, secret, lockIds, concurrency: 32, timeLimitMs: 25_000 });
      memory.push({ count, ...reply });
      log(`memory ${count}: peak ${(reply.peakRss / 2 ** 20).toFixed(1)} MiB`);
    }

    log('sandbox capacity');
    let load: RunFigures | null = null;
    if (left() > 50_000) {
      await releaseLeftovers(sandbox, profile, secret);
      load = await floorBatch(sandbox, profile, secret, 64, BATCH_SIZE, 15_000, 'load');
      log(`sandbox load: ${Math.round(load.perSecond)}/s at ${Math.round(load.sandboxCpu * 100)} % of a core`);
    } else {
      skipped.push('sandbox capacity (time budget)');
    }

    log('renderer');
    const renderer = await measureRenderer({
      loads: 20,
      warmupLoads: 2,
      sandboxUrl: sandbox.url,
      sandboxUserId: sandbox.credentials.userId,
      timeLimitMs: Math.max(10_000, Math.min(40_000, left() - 35_000)),
      historyColdOpens: 5,
      historyFilters: 10,
      historyTimeLimitMs: Math.max(10_000, Math.min(40_000, left() - 20_000)),
    });
    log(`renderer: ${renderer.gzipTotal} B gzip, load median ${renderer.load?.median.toFixed(1) ?? 'n/a'} ms`);

    const report: BenchReport = {
      startedAt,
      durationSec: elapsed() / 1000,
      machine,
      loadAverageAfter: os.loadavg(),
      signing,
      coreCpu,
      latency,
      latencyBackToBack,
      batch,
      fsyncAudit,
      memory,
      load,
      renderer,
      paceAndStartup,
      skipped,
    };
    // Formatted as the repository's Prettier config wants it, so `npm run lint` accepts the file as written.
    const config = (await resolveConfig(REPORT_PATH)) ?? {};
    await writeFile(REPORT_PATH, await format(renderReport(report), { ...config, filepath: REPORT_PATH }), 'utf8');
    log(`wrote ${path.relative(process.cwd(), REPORT_PATH)}`);
  } finally {
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
