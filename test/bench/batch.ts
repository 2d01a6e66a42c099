/**
 * Batch throughput: runBatch + LockService against the raw floor (a worker pool of the same size
 * over one keep-alive agent), 10,000 releases per run, with the sandbox's CPU use alongside. A third
 * client, the floor signing each request as it goes, shows what signing alone costs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAuditLog } from '../../electron/core/audit/auditLog';
import type { AuditSink } from '../../electron/core/audit/auditEntry';
import { runBatch } from '../../electron/core/batch/runBatch';
import type { Profile } from '../../shared/profile';
import { coreClient, rawFloor, type SignedRelease, signedRelease } from './support/clients';
import { countingAudit } from './support/memoryAudit';
import { sampleRss } from './support/rssSampler';
import type { SandboxProcess } from './support/sandboxProcess';

export interface RunFigures {
  variant: 'core' | 'floor' | 'floor+signing' | 'core+fsync-audit' | 'load';
  concurrency: number;
  requested: number;
  completed: number;
  seconds: number;
  perSecond: number;
  peakRss: number;
  rssBefore: number;
  /** CPU time of this (client) process per request: user + system. */
  clientCpuUsPerRequest: number;
  /** Share of one core the sandbox process used during the run. */
  sandboxCpu: number;
  sandboxCpuUsPerRequest: number;
  timedOut: boolean;
}

async function measured(
  sandbox: SandboxProcess,
  variant: RunFigures['variant'],
  concurrency: number,
  requested: number,
  body: (deadline: AbortSignal) => Promise<number>,
  timeLimitMs: number,
): Promise<RunFigures> {
  const rssBefore = process.memoryUsage.rss();
  const rss = sampleRss(25);
  await sandbox.mark();
  const deadline = AbortSignal.timeout(Math.max(1, Math.floor(timeLimitMs)));
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const completed = await body(deadline);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const usage = await sandbox.usage();
  const peakRss = rss.stop();
  return {
    variant,
    concurrency,
    requested,
    completed,
    seconds,
    perSecond: completed / seconds,
    peakRss,
    rssBefore,
    clientCpuUsPerRequest: completed > 0 ? (cpu.user + cpu.system) / completed : Number.NaN,
    sandboxCpu: usage.cpuMs / usage.wallMs,
    sandboxCpuUsPerRequest: completed > 0 ? (usage.cpuMs * 1000) / completed : Number.NaN,
    timedOut: deadline.aborted,
  };
}

export async function coreBatch(
  sandbox: SandboxProcess,
  profile: Profile,
  secret: string,
  concurrency: number,
  count: number,
  timeLimitMs: number,
  audit: AuditSink | null = null,
): Promise<RunFigures> {
  const sink = audit ?? countingAudit();
  const core = coreClient(sink, async () => secret);
  const lockIds = await sandbox.createLocks(count);
  try {
    return await measured(
      sandbox,
      audit ? 'core+fsync-audit' : 'core',
      concurrency,
      count,
      async (deadline) => {
        const outcome = await runBatch({
          items: lockIds,
          concurrency,
          signal: deadline,
          execute: (lockId: string, signal) => core.service.release(profile, lockId, { signal }),
        });
        const failed = outcome.results.find((result) => !result.ok);
        if (failed) throw new Error(`core batch: a release failed (${failed.kind}: ${failed.msg})`);
        return outcome.results.length;
      },
      timeLimitMs,
    );
  } finally {
    core.transport.close();
  }
}

export async function floorBatch(
  sandbox: SandboxProcess,
  profile: Profile,
  secret: string,
  concurrency: number,
  count: number,
  timeLimitMs: number,
  variant: 'floor' | 'floor+signing' | 'load' = 'floor',
): Promise<RunFigures> {
  const floor = rawFloor(sandbox.url);
  const lockIds = await sandbox.createLocks(count);
  // 'floor+signing' builds and signs each request as it sends it, as the core must; the others before timing.
  const signEach = variant === 'floor+signing';
  const signed: SignedRelease[] = signEach ? [] : lockIds.map((lockId) => signedRelease(profile, secret, lockId));
  try {
    return await measured(
      sandbox,
      variant,
      concurrency,
      count,
      async (deadline) => {
        let next = 0;
        let done = 0;
        const worker = async () => {
          while (next < lockIds.length && !deadline.aborted) {
            const index = next++;
            const request = signEach ? signedRelease(profile, secret, lockIds[index]) : signed[index];
            const status = await floor.send(request);
            if (status !== 200) throw new Error(`floor batch: HTTP ${status}`);
            done += 1;
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, lockIds.length) }, worker));
        return done;
      },
      timeLimitMs,
    );
  } finally {
    floor.agent.destroy();
  }
}

/** Releases, untimed, whatever a run stopped at its time limit left behind (the sandbox holds 10,000 locks at most). */
export async function releaseLeftovers(sandbox: SandboxProcess, profile: Profile, secret: string): Promise<number> {
  const lockIds = await sandbox.activeLocks();
  if (lockIds.length === 0) return 0;
  const floor = rawFloor(sandbox.url);
  try {
    let next = 0;
    const worker = async () => {
      while (next < lockIds.length) await floor.send(signedRelease(profile, secret, lockIds[next++]));
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } finally {
    floor.agent.destroy();
  }
  return lockIds.length;
}

/** The core with the product's audit log: every entry written and fsynced before its append resolves. */
export async function coreBatchWithAuditLog(
  sandbox: SandboxProcess,
  profile: Profile,
  secret: string,
  concurrency: number,
  count: number,
  timeLimitMs: number,
): Promise<RunFigures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-bench-audit-'));
  const audit = createAuditLog({ dataDir });
  try {
    return await coreBatch(sandbox, profile, secret, concurrency, count, timeLimitMs, audit);
  } finally {
    await audit.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
