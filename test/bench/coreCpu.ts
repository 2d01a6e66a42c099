/**
 * The core's own CPU per release, without the network: LockService over a transport that answers at
 * once with the sandbox's success reply. Explains the gap between the core and the floor: how much
 * work the core does, and how much more it costs right after an idle wait (cold caches).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../../electron/core/clock';
import type { HttpResponse, Transport } from '../../electron/core/koodrive/transport';
import { createLockService, type LockService } from '../../electron/core/lockService';
import type { Profile } from '../../shared/profile';
import { countingAudit } from './support/memoryAudit';
import { median } from './support/stats';

export interface CoreCpuResult {
  /** Warm loop, median over windows. */
  usPerRelease: number;
  /** One release right after 1 ms of idle time, and one straight after it (medians). */
  coldUs: number;
  warmUs: number;
}

const SUCCESS_BODY = Buffer.from('{"code":0,"msg":"success"}', 'utf8');

const answerAtOnce: Transport = async () => {
  const response: HttpResponse = {
    status: 200,
    headers: {
      date: new Date().toUTCString(),
      'x-request-id': '0f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a090',
      'content-type': 'application/json;charset=UTF-8',
      'content-length': String(SUCCESS_BODY.length),
    },
    body: SUCCESS_BODY,
  };
  return response;
};

const LOCK_IDS = Array.from({ length: 64 }, (_, i) => `78e41c7e-db02-4d55-85b3-${String(i).padStart(12, '0')}@102`);

async function release(service: LockService, profile: Profile, lockId: string): Promise<void> {
  const result = await service.release(profile, lockId);
  if (!result.ok) throw new Error(`core without network: ${result.kind}`);
}

export async function measureCoreCpu(
  profile: Profile,
  secret: string,
  options: { windows: number; windowMs: number; coldSamples: number },
): Promise<CoreCpuResult> {
  const service = createLockService({
    transport: answerAtOnce,
    clock: systemClock,
    secretFor: async () => secret,
    audit: countingAudit(),
    source: 'cli',
    osUser: 'bench',
  });
  const rates: number[] = [];
  for (let w = -1; w < options.windows; w += 1) {
    let count = 0;
    const started = performance.now();
    while (performance.now() - started < options.windowMs) {
      for (const lockId of LOCK_IDS) await release(service, profile, lockId);
      count += LOCK_IDS.length;
    }
    if (w >= 0) rates.push(((performance.now() - started) * 1000) / count);
  }

  const cold: number[] = [];
  const warm: number[] = [];
  const deadline = performance.now() + 10_000;
  for (let i = 0; i < options.coldSamples && performance.now() < deadline; i += 1) {
    await sleep(1);
    let started = performance.now();
    await release(service, profile, LOCK_IDS[i & 63]);
    cold.push((performance.now() - started) * 1000);
    started = performance.now();
    await release(service, profile, LOCK_IDS[(i + 1) & 63]);
    warm.push((performance.now() - started) * 1000);
  }
  return { usPerRelease: median(rates), coldUs: median(cold), warmUs: median(warm) };
}
