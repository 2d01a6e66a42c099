import { useEffect } from 'react';
import { useBatchRun } from '../features/batch/batchRun';
import { batchIndicatorOf, markFinishedRunSeen, useFinishedRunSeen } from '../features/batch/batchIndicator';
import type { View } from './view';
import './batchIndicator.css';

export interface BatchIndicatorProps {
  view: View;
  onOpenBatch: () => void;
}

/** "Batch 73/500" in the header while a batch runs, and how it ended until the Batch screen has shown it. */
export function BatchIndicator({ view, onOpenBatch }: BatchIndicatorProps) {
  const run = useBatchRun();
  const seen = useFinishedRunSeen(run);
  const onBatchScreen = view === 'batch';

  useEffect(() => {
    if (onBatchScreen && run.phase === 'finished') markFinishedRunSeen(run.request);
  }, [onBatchScreen, run.phase, run.request]);

  const indicator = batchIndicatorOf(run, seen);
  if (!indicator) return null;
  return (
    <button
      type="button"
      className={`batch-indicator batch-indicator--${indicator.state}`}
      title={indicator.description}
      onClick={onOpenBatch}
    >
      <span className="batch-indicator-dot" aria-hidden="true" />
      <span className="batch-indicator-text">{indicator.text}</span>
      <span className="visually-hidden">{indicator.description}</span>
    </button>
  );
}
