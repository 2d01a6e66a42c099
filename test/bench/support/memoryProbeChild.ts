/**
 * A fresh process that runs one core batch and reports its peak RSS, so batches of different sizes
 * are compared from the same starting point (a long-lived process keeps the heap it grew earlier).
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { runBatch } from '../../../electron/core/batch/runBatch';
import type { Profile } from '../../../shared/profile';
import { coreClient } from './clients';
import { countingAudit } from './memoryAudit';
import { sampleRss } from './rssSampler';

export interface ProbeRequest {
  profile: Profile;
  secret: string;
  lockIds: string[];
  concurrency: number;
  timeLimitMs: number;
}

export interface ProbeReply {
  completed: number;
  rssBefore: number;
  peakRss: number;
  /** Heap still in use after a full garbage collection, with the batch's outcome still referenced. */
  retainedHeap: number;
  /** The same before the batch started (lock IDs already received). */
  retainedHeapBefore: number;
  /** Peak RSS so far each time another quarter of the batch has completed. */
  peakByQuarter: number[];
  seconds: number;
  /** Size of V8's young and old generations (bytes reserved) before and after the batch. */
  heapSpaces: { before: HeapSpaces; after: HeapSpaces };
}

export interface HeapSpaces {
  young: number;
  old: number;
}

function heapSpaces(): HeapSpaces {
  let young = 0;
  let old = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space') young += space.space_size;
    else old += space.space_size;
  }
  return { young, old };
}

/** Full GC (the probe runs with --expose-gc), then the heap in use. */
function retainedHeap(): number {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('memoryProbeChild.ts needs --expose-gc');
  collect();
  return process.memoryUsage().heapUsed;
}

process.once('message', (raw: unknown) => {
  void (async () => {
    const request = raw as ProbeRequest;
    const core = coreClient(countingAudit(), async () => request.secret);
    const retainedHeapBefore = retainedHeap();
    const spacesBefore = heapSpaces();
    const rssBefore = process.memoryUsage.rss();
    const rss = sampleRss(25);
    const peakByQuarter: number[] = [];
    const quarter = Math.max(1, Math.floor(request.lockIds.length / 4));
    let done = 0;
    const started = performance.now();
    const outcome = await runBatch({
      items: request.lockIds,
      concurrency: request.concurrency,
      signal: AbortSignal.timeout(Math.max(1, Math.floor(request.timeLimitMs))),
      execute: (lockId: string, signal) => core.service.release(request.profile, lockId, { signal }),
      onResult: () => {
        done += 1;
        if (done % quarter === 0) {
          rss.sample();
          peakByQuarter.push(rss.peak());
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const peakRss = rss.stop();
    const spacesAfter = heapSpaces();
    core.transport.close();
    const completed = outcome.results.filter((result) => result.ok).length;
    const reply: ProbeReply = {
      completed,
      rssBefore,
      peakRss,
      retainedHeap: retainedHeap(),
      retainedHeapBefore,
      peakByQuarter,
      seconds,
      heapSpaces: { before: spacesBefore, after: spacesAfter },
    };
    // Keeps the outcome (and so runBatch's results) alive up to the measurement above.
    if (outcome.results.length < 0) console.log(outcome);
    process.send?.(reply, () => process.exit(0));
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
