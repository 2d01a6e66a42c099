import { randomUUID } from 'node:crypto';
import type { BatchProgress, BatchStatus } from '../../shared/batch';
import type { Handlers, IpcError } from '../../shared/contract';
import { checkLockId } from '../../shared/identifiers';
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import { runBatch } from '../core/batch/runBatch';
import { AuditWriteError, checkLockRequest } from '../core/lockService';
import { AppError } from './appError';
import { type AppServices, secretSourceFor } from './appServices';
import { toIpcError } from './toIpcError';

export type BatchMethod = 'startBatch' | 'batchStatus' | 'cancelBatch';

/** Batches remembered for batchStatus; the oldest finished one is forgotten first. */
export const MAX_KEPT_BATCHES = 20;
const LISTED_PROBLEMS = 3;

interface BatchRecord {
  readonly id: string;
  readonly profileId: string;
  readonly total: number;
  /** In completion order. */
  readonly results: LockResult[];
  progress: BatchProgress;
  finished: boolean;
  cancelled: boolean;
  notSent: number;
  error?: IpcError;
  /** Stops sending; the requests in flight finish. */
  readonly stop: AbortController;
  /** Also aborts the requests in flight (the app is closing). */
  readonly abortInFlight: AbortController;
}

function invalidIdsError(lockIds: readonly string[]): AppError | null {
  const problems: string[] = [];
  let invalid = 0;
  lockIds.forEach((lockId, index) => {
    const check = checkLockId(lockId);
    if (check.ok) return;
    invalid += 1;
    if (problems.length < LISTED_PROBLEMS) {
      const shown = lockId.length > 60 ? `${lockId.slice(0, 59)}…` : lockId;
      problems.push(`#${index + 1} “${shown}”: ${check.problem}`);
    }
  });
  if (invalid === 0) return null;
  const more = invalid > problems.length ? ` (and ${invalid - problems.length} more)` : '';
  return new AppError(
    'invalid-argument',
    `${invalid} of the ${lockIds.length} lock IDs are not valid, so nothing was sent. ${problems.join(' ')}${more} ` +
      'Remove the invalid IDs and start the batch again.',
  );
}

/** Valid IDs, trimmed, each once, in the order given. */
function uniqueLockIds(lockIds: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const lockId of lockIds) {
    const check = checkLockId(lockId);
    if (check.ok) seen.add(check.lockId);
  }
  return [...seen];
}

/**
 * Batch release in the desktop app: startBatch checks everything, reads the secret once and runs the
 * batch in the background (the core's runBatch, at most `concurrency` requests at a time); the
 * renderer polls batchStatus for the results since its last poll. Disposing the services (the app is
 * closing) stops every running batch: nothing more is sent and the requests in flight are aborted.
 */
export function createBatchHandlers(services: AppServices): Pick<Handlers, BatchMethod> {
  const batches = new Map<string, BatchRecord>();

  async function profileById(profileId: string): Promise<Profile> {
    const profile = (await services.profiles.list()).find((candidate) => candidate.id === profileId);
    if (!profile) {
      throw new AppError(
        'not-found',
        `There is no profile "${profileId}". It may have been deleted; pick another one.`,
      );
    }
    return profile;
  }

  function makeRoom(): void {
    if (batches.size < MAX_KEPT_BATCHES) return;
    for (const [id, batch] of batches) {
      if (batch.finished) {
        batches.delete(id);
        return;
      }
    }
    throw new AppError(
      'invalid-argument',
      `${MAX_KEPT_BATCHES} batches are still running. Wait for one to finish, or cancel one, and start this batch again.`,
    );
  }

  function find(batchId: string): BatchRecord {
    const batch = batches.get(batchId);
    if (!batch) {
      throw new AppError(
        'not-found',
        `This batch is no longer known: the app keeps the last ${MAX_KEPT_BATCHES} batches until it closes. ` +
          'The history shows every lock it released.',
      );
    }
    return batch;
  }

  return {
    async startBatch({ profileId, lockIds, concurrency, clockOffsetMs }) {
      const invalid = invalidIdsError(lockIds);
      if (invalid) throw invalid;
      const ids = uniqueLockIds(lockIds);
      if (ids.length === 0) throw new AppError('invalid-argument', 'Add at least one lock ID to the batch.');
      const profile = await profileById(profileId);
      const check = checkLockRequest({ operation: 'release', profile, lockId: ids[0] });
      if (!check.ok) throw new AppError('invalid-argument', check.problem);
      makeRoom();

      // Read once for the whole batch: one keychain prompt (if any), and no keychain call per lock.
      const secret = await secretSourceFor(services.secrets)(profile);
      const locks = services.locksWithSecret(async () => secret);
      const ticket = services.inflight.register(undefined);

      const batch: BatchRecord = {
        id: randomUUID(),
        profileId,
        total: ids.length,
        results: [],
        progress: { done: 0, failed: 0, remaining: ids.length, inFlight: 0, ratePerSec: 0, etaSec: null },
        finished: false,
        cancelled: false,
        notSent: 0,
        stop: new AbortController(),
        abortInFlight: new AbortController(),
      };
      batches.set(batch.id, batch);
      const onDispose = () => {
        batch.stop.abort();
        batch.abortInFlight.abort();
      };
      ticket.signal.addEventListener('abort', onDispose, { once: true });

      runBatch({
        lockIds: ids,
        concurrency,
        signal: batch.stop.signal,
        abortInFlight: batch.abortInFlight.signal,
        execute: async (lockId, signal) => {
          try {
            return await locks.run({ operation: 'release', profile, lockId, signal, clockOffsetMs });
          } catch (error) {
            // The request went out but its result could not be audited: show it, then stop the batch.
            if (error instanceof AuditWriteError && error.result) batch.results.push(error.result);
            throw error;
          }
        },
        onResult: (result) => batch.results.push(result),
        onProgress: (progress) => {
          batch.progress = progress;
        },
      })
        .then((outcome) => {
          batch.cancelled = outcome.cancelled;
          batch.notSent = outcome.notSent;
        })
        .catch((error: unknown) => {
          batch.error = toIpcError(error);
          batch.cancelled = batch.stop.signal.aborted;
          batch.notSent = batch.progress.remaining;
        })
        .finally(() => {
          batch.finished = true;
          ticket.signal.removeEventListener('abort', onDispose);
          ticket.done();
        });

      return { batchId: batch.id, total: batch.total };
    },

    async batchStatus({ batchId, since }) {
      const batch = find(batchId);
      const status: BatchStatus = {
        batchId: batch.id,
        profileId: batch.profileId,
        total: batch.total,
        progress: { ...batch.progress },
        results: batch.results.slice(since),
        nextIndex: batch.results.length,
        finished: batch.finished,
        cancelled: batch.finished ? batch.cancelled : batch.stop.signal.aborted,
        notSent: batch.finished ? batch.notSent : batch.stop.signal.aborted ? batch.progress.remaining : 0,
      };
      if (batch.error) status.error = batch.error;
      return status;
    },

    async cancelBatch({ batchId }) {
      const batch = find(batchId);
      if (batch.finished || batch.stop.signal.aborted) return { cancelled: false };
      batch.stop.abort();
      return { cancelled: true };
    },
  };
}
