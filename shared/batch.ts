import type { BatchOutcome } from './batchOutcome';
import type { IpcError } from './ipcResult';
import type { Environment } from './profile';
import type { LockResult } from './result';

export const BATCH_MAX_LOCKS = 10_000;
export const BATCH_MAX_CONCURRENCY = 32;
export const BATCH_DEFAULT_CONCURRENCY = 4;

/** The batch's shared rate limiter as the server paces it (electron/core/batch/adaptiveRate.ts). */
export interface BatchPacing {
  /** Requests per second allowed now; null: no limit yet (the server has not throttled). */
  limitPerSec: number | null;
  /** Throttled answers so far. */
  throttled: number;
  /** Requests waiting for the server's delay (Retry-After) before they are sent again. */
  waiting: number;
  /** Seconds until the first of them is sent again; null when none waits. */
  resumeInSec: number | null;
}

export interface BatchProgress {
  done: number;
  failed: number;
  remaining: number;
  inFlight: number;
  ratePerSec: number;
  etaSec: number | null;
  /** Absent when the batch runs without pacing. */
  pacing?: BatchPacing;
}

/** Why a batch stopped sending by itself: the server stopped answering (consecutive connection failures). */
export interface BatchPause {
  reason: 'server-unreachable';
  /** The consecutive connection failures that paused it. */
  connectionFailures: number;
}

export interface BatchStatus {
  batchId: string;
  profileId: string;
  profileName: string;
  environment: Environment;
  host: string;
  /** The OS user who ran the batch (as in the audit log). */
  operator: string;
  startedAt: string;
  /** null while running. */
  endedAt: string | null;
  total: number;
  progress: BatchProgress;
  /** Every result so far, counted by what it means (released, already gone, retryable, needs a fix, cancelled). */
  outcomes: Record<BatchOutcome, number>;
  /** Results from index `since` (as asked) onwards, in completion order. */
  results: LockResult[];
  /** Pass this as `since` next time. */
  nextIndex: number;
  finished: boolean;
  cancelled: boolean;
  /** Locks never sent because the batch was cancelled, paused or stopped. */
  notSent: number;
  /** Set when the batch paused by itself because the server stopped answering; its unsent locks can be sent again. */
  paused?: BatchPause;
  /** Why the batch stopped early without a cancel (the audit log could not be written, say). */
  error?: IpcError;
}
