/**
 * Single release latency: the core (LockService + real HTTP transport, secret from memory) against
 * the raw floor (also signing at send time) and against curl started once per request, interleaved
 * with a rotating order.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeytarStore } from '../../electron/core/secrets/keytarStore';
import type { Profile } from '../../shared/profile';
import { countingAudit } from './support/memoryAudit';
import { coreClient, rawFloor, type SignedRelease, signedRelease } from './support/clients';
import type { SandboxProcess } from './support/sandboxProcess';
import { median, type Summary, summarize } from './support/stats';

export interface LatencyOptions {
  rounds: number;
  warmupRounds: number;
  /** curl runs in one round out of this many. */
  curlEvery: number;
  /** Locks are made and signed per block, so the sandbox table stays small and X-Dates fresh. */
  blockRounds: number;
  timeLimitMs: number;
  keychainReads: number;
  /** Idle time before each request (0: back to back). After an idle wait every variant meets cold caches. */
  gapMs: number;
}

/** The core's releases split at the transport call (medians of each part, µs). */
export interface CorePhases {
  /** From the call to the hand-over to the transport: validation, secret, signing, pending audit entry. */
  beforeSendUs: number;
  /** The transport's exchange (request written, answer read). */
  exchangeUs: number;
  /** From the transport's answer to the result: parsing, classification, result audit entry. */
  afterAnswerUs: number;
}

export interface LatencyResult {
  core: Summary;
  corePhases: CorePhases;
  floor: Summary;
  /** The floor building and signing its request inside the timed region, as the core must. */
  floorSigning: Summary;
  curl: Summary | null;
  curlProblem: string | null;
  keychain: Summary | { skipped: string };
  rounds: number;
  timedOut: boolean;
}

interface Variant {
  name: 'core' | 'floor' | 'floor+signing' | 'curl';
  run(lockId: string, signed: SignedRelease): Promise<void>;
}

function curlRelease(baseUrl: string, signed: SignedRelease): Promise<void> {
  const args = ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'DELETE', '--max-time', '10'];
  for (const [name, value] of Object.entries(signed.headers)) args.push('-H', `${name}: ${value}`);
  args.push(`${baseUrl}${signed.path}`);
  return new Promise((resolve, reject) => {
    const child = spawn('curl', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && out === '200') resolve();
      else reject(new Error(`curl exited ${code} with HTTP ${out || 'none'}`));
    });
  });
}

async function keychainLatency(reads: number, secret: string): Promise<Summary | { skipped: string }> {
  if (reads === 0) return { skipped: 'not measured in this pass' };
  if (process.env.KOODRIVE_KEYRING !== 'ready') {
    return { skipped: `no keychain (${process.env.KOODRIVE_KEYRING_REASON ?? 'KOODRIVE_KEYRING is not "ready"'})` };
  }
  const store = createKeytarStore({ service: 'koodrive-lock-admin-bench' });
  const account = 'bench-keychain-read';
  await store.set(account, secret);
  try {
    const samples: number[] = [];
    const deadline = performance.now() + 20_000;
    for (let i = 0; i < reads + 10 && performance.now() < deadline; i += 1) {
      const started = performance.now();
      const value = await store.get(account);
      const elapsed = performance.now() - started;
      if (value !== secret) throw new Error('the keychain returned another secret');
      if (i >= 10) samples.push(elapsed);
    }
    return summarize(samples);
  } finally {
    await store.delete(account);
  }
}

export async function measureLatency(
  sandbox: SandboxProcess,
  profile: Profile,
  secret: string,
  options: LatencyOptions,
): Promise<LatencyResult> {
  const audit = countingAudit();
  const marks = { sentAt: 0, answeredAt: 0 };
  const core = coreClient(audit, async () => secret, marks);
  const phases = { before: [] as number[], exchange: [] as number[], after: [] as number[] };
  const floor = rawFloor(sandbox.url);
  let curlProblem: string | null = null;
  const variants: Variant[] = [
    {
      name: 'core',
      run: async (lockId) => {
        const result = await core.service.release(profile, lockId);
        if (!result.ok) throw new Error(`core release failed: ${result.kind} ${result.httpStatus} ${result.msg}`);
      },
    },
    {
      name: 'floor',
      run: async (_lockId, signed) => {
        const status = await floor.send(signed);
        if (status !== 200) throw new Error(`raw release failed: HTTP ${status}`);
      },
    },
    {
      name: 'floor+signing',
      run: async (lockId) => {
        const status = await floor.send(signedRelease(profile, secret, lockId));
        if (status !== 200) throw new Error(`raw release failed: HTTP ${status}`);
      },
    },
    { name: 'curl', run: (_lockId, signed) => curlRelease(sandbox.url, signed) },
  ];
  const samples: Record<Variant['name'], number[]> = { core: [], floor: [], 'floor+signing': [], curl: [] };

  const totalRounds = options.warmupRounds + options.rounds;
  const deadline = performance.now() + options.timeLimitMs;
  let round = 0;
  let timedOut = false;
  try {
    while (round < totalRounds) {
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
      const block = Math.min(options.blockRounds, totalRounds - round);
      const plan: { variant: Variant; lockId: string; signed: SignedRelease; record: boolean }[] = [];
      const lockIds = await sandbox.createLocks(block * variants.length);
      let next = 0;
      for (let i = 0; i < block; i += 1, round += 1) {
        const withCurl = curlProblem === null && round % options.curlEvery === 0;
        const inRound = variants.filter((variant) => variant.name !== 'curl' || withCurl);
        // Rotate the order each round (ABC, BCA, CAB / ABCD, BCDA, ...) so no variant always runs first.
        const shift = round % inRound.length;
        for (const variant of [...inRound.slice(shift), ...inRound.slice(0, shift)]) {
          const lockId = lockIds[next++];
          plan.push({
            variant,
            lockId,
            signed: signedRelease(profile, secret, lockId),
            record: round >= options.warmupRounds,
          });
        }
      }
      for (const step of plan) {
        if (performance.now() > deadline) {
          timedOut = true;
          break;
        }
        if (options.gapMs > 0) await sleep(options.gapMs);
        const started = performance.now();
        try {
          await step.variant.run(step.lockId, step.signed);
        } catch (error) {
          if (step.variant.name !== 'curl') throw error;
          curlProblem = error instanceof Error ? error.message : 'curl failed';
          continue;
        }
        const ended = performance.now();
        if (!step.record) continue;
        samples[step.variant.name].push(ended - started);
        if (step.variant.name === 'core') {
          phases.before.push((marks.sentAt - started) * 1000);
          phases.exchange.push((marks.answeredAt - marks.sentAt) * 1000);
          phases.after.push((ended - marks.answeredAt) * 1000);
        }
      }
    }
  } finally {
    core.transport.close();
    floor.agent.destroy();
  }
  if (audit.pending !== audit.results) throw new Error('the audit sink saw unpaired entries');
  return {
    core: summarize(samples.core),
    corePhases: {
      beforeSendUs: median(phases.before),
      exchangeUs: median(phases.exchange),
      afterAnswerUs: median(phases.after),
    },
    floor: summarize(samples.floor),
    floorSigning: summarize(samples['floor+signing']),
    curl: samples.curl.length > 0 ? summarize(samples.curl) : null,
    curlProblem,
    keychain: await keychainLatency(options.keychainReads, secret),
    rounds: samples.core.length,
    timedOut,
  };
}
