import { useSyncExternalStore } from 'react';
import { type BatchRunState, batchRunSnapshot, subscribeBatchRun } from '../lib/batchRun';

/** The current batch (see lib/batchRun), re-rendering on every change. */
export function useBatchRun(): BatchRunState {
  return useSyncExternalStore(subscribeBatchRun, batchRunSnapshot);
}
