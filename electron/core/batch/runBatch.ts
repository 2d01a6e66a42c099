/**
 * Runs one lock operation per item (a lock ID, or a (user, lock) pair) with a fixed pool of workers, so at most `concurrency`
 * requests are in flight at any moment. The workers share one adaptive rate limiter (adaptiveRate.ts), handed
 * to `execute`, that slows the batch down to the pace the server accepts. Cancelling stops sending: requests
 * already in flight finish (unless `abortInFlight` fires too) and the items not yet sent are never sent. After
 * a few consecutive connection failures (the server stopped answering) the batch pauses the same way.
 */
import { setMaxListeners } from 'node:events';
import { BATCH_MAX_CONCURRENCY, type BatchPause, type BatchProgress } from '../../../shared/batch';
import type { LockResult } from '../../../shared/result';
import { type Clock, systemClock } from '../clock';
import type { RequestPacer } from '../requestPacer';
import { AdaptiveRate } from './adaptiveRate';

export type { BatchProgress };

export const PROGRESS_INTERVAL_MS = 100;
export const DEFAULT_PAUSE_AFTER_CONNECTION_FAILURES = 5;

export interface BatchOptions<T> {
  items: readonly T[];
  /** 1..32 requests at a time: the ceiling the rate limiter works under. */
  concurrency: number;
  /**
   * If it throws, nothing more is sent and runBatch rejects with that error once the requests in flight finish.
   * `pacer` is the batch's shared rate limiter (absent with `pacing: false`): pass it to the lock service.
   */
  execute: (item: T, signal: AbortSignal, pacer: RequestPacer | undefined) => Promise<LockResult>;
  /** Stops sending further requests; those in flight finish. */
  signal?: AbortSignal;
  /** Also aborts the requests in flight (a second Ctrl-C); their results come back as the execute function reports them. */
  abortInFlight?: AbortSignal;
  /** At most one event per 100 ms, plus one final event. */
  onProgress?: (progress: BatchProgress) => void;
  onResult?: (result: LockResult) => void;
  clock?: Clock;
  /** Share an adaptive rate limiter between the workers; default true. */
  pacing?: boolean;
  /** Stop sending after this many consecutive connection failures (kind "network"); default 5, 0: never. */
  pauseAfterConnectionFailures?: number;
}

export interface BatchOutcome<T = unknown> {
  /** In completion order; one per request actually sent. */
  results: LockResult[];
  /** Stopped by a cancel with items left unsent. */
  cancelled: boolean;
  /** Items never sent because of a cancel or a pause. */
  notSent: number;
  /** Those items, in the order given. */
  unsent: T[];
  /** Set when the batch paused by itself: the server stopped answering. */
  paused?: BatchPause;
}

export async function runBatch<T>(options: BatchOptions<T>): Promise<BatchOutcome<T>> {
  const { items, concurrency, execute } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > BATCH_MAX_CONCURRENCY) {
    throw new RangeError(`concurrency must be a whole number from 1 to ${BATCH_MAX_CONCURRENCY}`);
  }
  const pauseAfter = options.pauseAfterConnectionFailures ?? DEFAULT_PAUSE_AFTER_CONNECTION_FAILURES;
  const clock = options.clock ?? systemClock;
  const pacer = options.pacing === false ? undefined : new AdaptiveRate(clock);
  const startedAt = clock.monotonicMs();
  const inFlightSignal = options.abortInFlight ?? new AbortController().signal;
  // Every request in flight, and every wait for the server, listens to it: up to a few per worker.
  setMaxListeners(4 * BATCH_MAX_CONCURRENCY, inFlightSignal);
  const results: LockResult[] = [];
  let next = 0;
  let inFlight = 0;
  let failed = 0;
  let connectionFailures = 0;
  let paused: BatchPause | undefined;
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  const thrown: unknown[] = [];

  const stopped = () => options.signal?.aborted === true || thrown.length > 0 || paused !== undefined;

  const progress = (): BatchProgress => {
    const done = results.length;
    const remaining = items.length - next;
    const elapsedSec = (clock.monotonicMs() - startedAt) / 1000;
    const ratePerSec = elapsedSec > 0 ? done / elapsedSec : 0;
    const left = stopped() ? inFlight : remaining + inFlight;
    const etaSec = ratePerSec > 0 ? left / ratePerSec : done > 0 && left === 0 ? 0 : null;
    const event: BatchProgress = { done, failed, remaining, inFlight, ratePerSec, etaSec };
    if (pacer) event.pacing = pacer.state();
    return event;
  };

  const report = (final: boolean) => {
    if (!options.onProgress) return;
    const now = clock.monotonicMs();
    if (!final && now - lastProgressAt < PROGRESS_INTERVAL_MS) return;
    lastProgressAt = now;
    options.onProgress(progress());
  };

  const noteConnection = (result: LockResult) => {
    connectionFailures = result.kind === 'network' ? connectionFailures + 1 : 0;
    if (pauseAfter > 0 && connectionFailures >= pauseAfter && paused === undefined) {
      paused = { reason: 'server-unreachable', connectionFailures };
    }
  };

  const worker = async () => {
    while (!stopped() && next < items.length) {
      const item = items[next];
      next += 1;
      inFlight += 1;
      try {
        const result = await execute(item, inFlightSignal, pacer);
        results.push(result);
        if (!result.ok) failed += 1;
        noteConnection(result);
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
  // While every worker waits (for the server's Retry-After, say), progress still moves on.
  const ticker = options.onProgress ? setInterval(() => report(false), PROGRESS_INTERVAL_MS) : undefined;
  ticker?.unref();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, () => worker()));
  } finally {
    clearInterval(ticker);
  }
  report(true);
  if (thrown.length > 0) throw thrown[0];
  const unsent = items.slice(next);
  const outcome: BatchOutcome<T> = {
    results,
    cancelled: unsent.length > 0 && paused === undefined,
    notSent: unsent.length,
    unsent,
  };
  if (paused) outcome.paused = paused;
  return outcome;
}
