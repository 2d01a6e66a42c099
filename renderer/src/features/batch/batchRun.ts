/**
 * The batch the user started last: started in main, followed by polling batchStatus every 250 ms
 * for the results since the last poll. Kept outside React, so leaving the screen and coming back
 * shows the batch where it is now.
 */
import type { BatchPause, BatchProgress } from '../../../../shared/batch';
import { type BatchOutcome, countOutcomes } from '../../../../shared/batchOutcome';
import type { IpcError } from '../../../../shared/contract';
import type { Environment } from '../../../../shared/profile';
import type { LockResult } from '../../../../shared/result';
import type { RunSummary } from '../../../../shared/resultsCsv';
import { lockAdmin } from '../../api/lockAdmin';
import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import type { BatchRow } from './batchRows';
import { clockOffsetFor } from '../diagnostics/diagnosticsClockOffset';

const BATCH_POLL_MS = 250;

export interface BatchRunRequest {
  profileId: string;
  profileName: string;
  environment: Environment;
  host: string;
  /** (user, lock) rows; a row without a user acts for `userId`, else for the profile's default user. */
  rows: readonly BatchRow[];
  userId?: string;
  concurrency: number;
}

type BatchRunPhase = 'idle' | 'starting' | 'running' | 'finished';

export interface BatchRunState {
  phase: BatchRunPhase;
  request: BatchRunRequest | null;
  total: number;
  /** In completion order. */
  results: readonly LockResult[];
  /** The results counted by what they mean. */
  outcomes: Record<BatchOutcome, number>;
  /** Main's batch ID and the facts of the run for the export's summary (null until main accepted it). */
  summary: RunSummary | null;
  progress: BatchProgress | null;
  cancelling: boolean;
  cancelled: boolean;
  notSent: number;
  /** A call to main failed (for a start: nothing was sent). */
  error: IpcError | null;
  /** Main stopped the batch early on its own (the audit log could not be written, say). */
  stopError: IpcError | null;
  /** The batch paused by itself: the server stopped answering. */
  paused: BatchPause | null;
  startedAt: number;
  finishedAt: number | null;
}

const IDLE: BatchRunState = {
  phase: 'idle',
  request: null,
  total: 0,
  results: [],
  outcomes: countOutcomes([]),
  summary: null,
  progress: null,
  cancelling: false,
  cancelled: false,
  notSent: 0,
  error: null,
  stopError: null,
  paused: null,
  startedAt: 0,
  finishedAt: null,
};

const run = createStore<BatchRunState>(IDLE);
let batchId: string | null = null;
/** Bumped by each start, so a poll of an older batch never writes into a newer one. */
let generation = 0;

function update(next: Partial<BatchRunState>): void {
  run.set((state) => ({ ...state, ...next }));
}

/** The current batch; the component re-renders on every change. */
export function useBatchRun(): BatchRunState {
  return useStore(run);
}

export function isBatchBusy(run: BatchRunState): boolean {
  return run.phase === 'starting' || run.phase === 'running';
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function follow(id: string, mine: number): Promise<void> {
  for (;;) {
    const reply = await lockAdmin().batchStatus({ batchId: id, since: run.get().results.length });
    if (mine !== generation) return;
    if (!reply.ok) {
      update({ phase: 'finished', error: reply.error, cancelling: false, finishedAt: Date.now() });
      return;
    }
    const status = reply.value;
    const results = status.results.length > 0 ? [...run.get().results, ...status.results] : run.get().results;
    update({
      results,
      outcomes: status.outcomes,
      summary: {
        batchId: status.batchId,
        profile: status.profileName,
        environment: status.environment,
        host: status.host,
        operator: status.operator,
        startedAt: status.startedAt,
        endedAt: status.endedAt ?? '',
      },
      progress: status.progress,
      total: status.total,
      cancelled: status.cancelled,
      notSent: status.notSent,
      stopError: status.error ?? null,
      paused: status.paused ?? null,
      ...(status.finished ? { phase: 'finished' as const, cancelling: false, finishedAt: Date.now() } : {}),
    });
    if (status.finished) return;
    await wait(BATCH_POLL_MS);
    if (mine !== generation) return;
  }
}

/** Starts a batch unless one is running; resolves true once main has accepted it. */
export async function startBatchRun(request: BatchRunRequest): Promise<boolean> {
  if (isBatchBusy(run.get())) return false;
  generation += 1;
  const mine = generation;
  batchId = null;
  update({ ...IDLE, phase: 'starting', request, total: request.rows.length, startedAt: Date.now() });
  const reply = await lockAdmin().startBatch({
    profileId: request.profileId,
    rows: request.rows.map((row) => ({ ...row })),
    ...(request.userId === undefined ? {} : { userId: request.userId }),
    concurrency: request.concurrency,
    clockOffsetMs: clockOffsetFor(request.profileId),
  });
  if (mine !== generation) return false;
  if (!reply.ok) {
    update({ phase: 'idle', error: reply.error });
    return false;
  }
  batchId = reply.value.batchId;
  update({ phase: 'running', total: reply.value.total });
  void follow(reply.value.batchId, mine);
  return true;
}

/** Stops sending: the requests in flight finish, the rest are not sent. */
export async function cancelBatchRun(): Promise<void> {
  if (run.get().phase !== 'running' || run.get().cancelling || !batchId) return;
  update({ cancelling: true });
  const reply = await lockAdmin().cancelBatch({ batchId });
  if (!reply.ok) update({ cancelling: false, error: reply.error });
}

export function dismissBatchError(): void {
  update({ error: null });
}
