import type { IpcError } from './contract';
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
  total: number;
  progress: BatchProgress;
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
