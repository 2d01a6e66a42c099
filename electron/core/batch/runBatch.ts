/**
 * Runs one lock operation per item (a lock ID, or a (user, lock) pair) with a fixed pool of workers, so at most `concurrency`
 * requests are in flight at any moment. Cancelling stops sending: requests already in flight
 * finish (unless `abortInFlight` fires too) and the IDs not yet sent are never sent.
 */
import { BATCH_MAX_CONCURRENCY, type BatchProgress } from '../../../shared/batch';
import type { LockResult } from '../../../shared/result';
import { type Clock, systemClock } from '../clock';

export type { BatchProgress };

export const PROGRESS_INTERVAL_MS = 100;

export interface BatchOptions<T> {
  items: readonly T[];
  /** 1..32 requests at a time. */
  concurrency: number;
  /** If it throws, nothing more is sent and runBatch rejects with that error once the requests in flight finish. */
  execute: (item: T, signal: AbortSignal) => Promise<LockResult>;
  /** Stops sending further requests; those in flight finish. */
  signal?: AbortSignal;
  /** Also aborts the requests in flight (a second Ctrl-C); their results come back as the execute function reports them. */
  abortInFlight?: AbortSignal;
  /** At most one event per 100 ms, plus one final event. */
  onProgress?: (progress: BatchProgress) => void;
  onResult?: (result: LockResult) => void;
  clock?: Clock;
}

export interface BatchOutcome {
  /** In completion order; one per request actually sent. */
  results: LockResult[];
  cancelled: boolean;
  /** Items never sent because of the cancel. */
  notSent: number;
}

export async function runBatch<T>(options: BatchOptions<T>): Promise<BatchOutcome> {
  const { items, concurrency, execute } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > BATCH_MAX_CONCURRENCY) {
    throw new RangeError(`concurrency must be a whole number from 1 to ${BATCH_MAX_CONCURRENCY}`);
  }
  const clock = options.clock ?? systemClock;
  const startedAt = clock.monotonicMs();
  const inFlightSignal = options.abortInFlight ?? new AbortController().signal;
  const results: LockResult[] = [];
  let next = 0;
  let inFlight = 0;
  let failed = 0;
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  const thrown: unknown[] = [];

  const stopped = () => options.signal?.aborted === true || thrown.length > 0;

  const progress = (): BatchProgress => {
    const done = results.length;
    const remaining = items.length - next;
    const elapsedSec = (clock.monotonicMs() - startedAt) / 1000;
    const ratePerSec = elapsedSec > 0 ? done / elapsedSec : 0;
    const left = stopped() ? inFlight : remaining + inFlight;
    const etaSec = ratePerSec > 0 ? left / ratePerSec : done > 0 && left === 0 ? 0 : null;
    return { done, failed, remaining, inFlight, ratePerSec, etaSec };
  };

  const report = (final: boolean) => {
    if (!options.onProgress) return;
    const now = clock.monotonicMs();
    if (!final && now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = now;
    options.onProgress(progress());
  };

  const worker = async () => {
    while (!stopped() && next < items.length) {
      const item = items[next];
      next += 1;
      inFlight += 1;
      try {
        const result = await execute(item, inFlightSignal);
        results.push(result);
        if (!result.ok) failed += 1;
        options.onResult?.(result);
      } catch (error) {
        thrown.push(error);
      } finally {
        inFlight -= 1;
      }
      report(false);
    }
  };

  report(false);
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, () => worker());
  await Promise.all(workers);
  report(true);
  if (thrown.length > 0) throw thrown[0];
  const notSent = items.length - next;
  return { results, cancelled: notSent > 0, notSent };
}
