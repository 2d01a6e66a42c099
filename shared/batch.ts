import type { BatchOutcome } from './batchOutcome';
import type { IpcError } from './contract';
import type { Environment } from './profile';
import type { LockResult } from './result';

export const BATCH_MAX_LOCKS = 10_000;
export const BATCH_MAX_CONCURRENCY = 32;
export const BATCH_DEFAULT_CONCURRENCY = 4;

export interface BatchProgress {
  done: number;
  failed: number;
  remaining: number;
  inFlight: number;
  ratePerSec: number;
  etaSec: number | null;
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
  /** Locks never sent because the batch was cancelled or stopped. */
  notSent: number;
  /** Why the batch stopped early without a cancel (the audit log could not be written, say). */
  error?: IpcError;
}
