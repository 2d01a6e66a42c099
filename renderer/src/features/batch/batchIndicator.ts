/**
 * The header's batch indicator (app/BatchIndicator.tsx): what the batch of batchRun.ts is doing, from any screen.
 * A finished batch stays shown until the Batch screen has been seen after it finished.
 */
import { t, tCount } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import type { BatchRunRequest, BatchRunState } from './batchRun';

export type BatchIndicatorState = 'running' | 'cancelling' | 'paused' | 'stopped' | 'cancelled' | 'finished';

export interface BatchIndicator {
  state: BatchIndicatorState;
  /** "Batch 73/500", "Batch paused 73/500", … */
  text: string;
  /** "73 of 500 locks done. Open the Batch screen." */
  description: string;
}

function stateOf(run: BatchRunState): BatchIndicatorState {
  if (run.phase !== 'finished') return run.cancelling ? 'cancelling' : 'running';
  if (run.paused) return 'paused';
  if (run.stopError || run.error) return 'stopped';
  if (run.cancelled) return 'cancelled';
  return 'finished';
}

/** null: nothing to show (no batch yet, or the finished one was seen on the Batch screen). */
export function batchIndicatorOf(run: BatchRunState, finishedRunSeen: boolean): BatchIndicator | null {
  if (run.phase === 'idle' || (run.phase === 'finished' && finishedRunSeen)) return null;
  const state = stateOf(run);
  const done = run.progress?.done ?? 0;
  const params = { done: formatCount(done), total: formatCount(run.total) };
  return {
    state,
    text: t(`batch.indicator.${state}`, params),
    description: tCount('batch.indicator.description', run.total, params),
  };
}

/** The request of the last finished batch the Batch screen has shown. */
const seenRequest = createStore<BatchRunRequest | null>(null);

export function markFinishedRunSeen(request: BatchRunRequest | null): void {
  seenRequest.set(request);
}

/** Whether the finished batch `run` has been seen on the Batch screen; re-renders when that changes. */
export function useFinishedRunSeen(run: BatchRunState): boolean {
  const seen = useStore(seenRequest);
  return run.request !== null && seen === run.request;
}
