import { randomUUID } from 'node:crypto';
import type { BatchPause, BatchProgress, BatchStatus } from '../../shared/batch';
import { type BatchOutcome, outcomeOf } from '../../shared/batchOutcome';
import type { Handlers, IpcError } from '../../shared/contract';
import { checkLockId } from '../../shared/identifiers';
import { type Profile, resolveUserId } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import { runBatch } from '../core/batch/runBatch';
import { AuditWriteError, checkLockRequest, hostOf } from '../core/lockService';
import { profileById } from '../core/profiles/profileById';
import { AppError } from './appError';
import type { BatchEnding, BatchSignalPort } from './batchSignalPort';
import type { HandlerServices } from './handlerServices';
import { secretSourceFor } from './secretSource';
import { toIpcError } from './toIpcError';

export type BatchMethod = 'startBatch' | 'batchStatus' | 'cancelBatch';

/** Batches remembered for batchStatus; the oldest finished one is forgotten first. */
export const MAX_KEPT_BATCHES = 20;
const LISTED_PROBLEMS = 3;

export interface BatchItem {
  userId: string;
  lockId: string;
}

interface BatchRecord {
  readonly id: string;
  readonly profile: Profile;
  readonly operator: string;
  readonly startedAt: string;
  endedAt: string | null;
  readonly total: number;
  /** In completion order. */
  readonly results: LockResult[];
  readonly outcomes: Record<BatchOutcome, number>;
  progress: BatchProgress;
  finished: boolean;
  cancelled: boolean;
  notSent: number;
  paused?: BatchPause;
  error?: IpcError;
  /** Stops sending; the requests in flight finish. */
  readonly stop: AbortController;
  /** Also aborts the requests in flight (the app is closing). */
  readonly abortInFlight: AbortController;
}

function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Every row checked (its user resolved: the row's, else the batch's, else the profile's default; a bearer
 * profile acts only for its own user), then each (user, lock) pair once, in the order given. Any invalid
 * row refuses the whole batch, saying which rows and why: nothing is sent.
 */
export function batchItems(
  profile: Profile,
  rows: readonly { userId?: string; lockId: string }[],
  batchUserId: string | undefined,
): BatchItem[] {
  const problems: string[] = [];
  let invalid = 0;
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const lock = checkLockId(row.lockId);
    const user = resolveUserId(profile, row.userId ?? batchUserId);
    if (lock.ok && user.ok) {
      const key = `${user.userId} ${lock.lockId}`;
      if (!seen.has(key)) {
        seen.add(key);
        items.push({ userId: user.userId, lockId: lock.lockId });
      }
      return;
    }
    invalid += 1;
    if (problems.length < LISTED_PROBLEMS) {
      problems.push(`#${index + 1} “${shown(row.lockId)}”: ${lock.ok ? (user.ok ? '' : user.problem) : lock.problem}`);
    }
  });
  if (invalid > 0) {
    const more = invalid > problems.length ? ` (and ${invalid - problems.length} more)` : '';
    throw new AppError(
      'invalid-argument',
      `${invalid} of the ${rows.length} rows are not valid, so nothing was sent. ${problems.join(' ')}${more} ` +
        'Correct or remove the invalid rows and start the batch again.',
    );
  }
  if (items.length === 0) throw new AppError('invalid-argument', 'Add at least one lock ID to the batch.');
  return items;
}

function endingOf(batch: BatchRecord): BatchEnding {
  if (batch.paused) return 'paused';
  if (batch.error) return 'stopped';
  return batch.cancelled ? 'cancelled' : 'finished';
}

function signalEnd(signals: BatchSignalPort | undefined, batch: BatchRecord): void {
  const { outcomes } = batch;
  signals?.ended({
    batchId: batch.id,
    profileName: batch.profile.name,
    ending: endingOf(batch),
    total: batch.total,
    released: outcomes.released,
    alreadyGone: outcomes['already-gone'],
    failed: outcomes.retryable + outcomes['needs-fix'],
    notSent: batch.notSent,
  });
}

function noOutcomes(): Record<BatchOutcome, number> {
  return { released: 0, 'already-gone': 0, retryable: 0, 'needs-fix': 0, cancelled: 0 };
}

/**
 * Batch release in the desktop app: startBatch checks everything, reads the secret once and runs the
 * batch in the background (the core's runBatch, at most `concurrency` requests at a time); the
 * renderer polls batchStatus for the results since its last poll. Disposing the services (the app is
 * closing) stops every running batch: nothing more is sent and the requests in flight are aborted.
 */
export function createBatchHandlers(services: HandlerServices): Pick<Handlers, BatchMethod> {
  const batches = new Map<string, BatchRecord>();

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
    async startBatch({ profileId, rows, userId, concurrency, clockOffsetMs }) {
      const profile = await profileById(services.profiles, profileId);
      const items = batchItems(profile, rows, userId);
      const check = checkLockRequest({
        operation: 'release',
        profile,
        lockId: items[0].lockId,
        userId: items[0].userId,
      });
      if (!check.ok) throw new AppError('invalid-argument', check.problem);
      makeRoom();

      // Read once for the whole batch: one keychain prompt (if any), and no keychain call per lock.
      const secret = await secretSourceFor(services.secrets)(profile);
      const locks = services.locksWithSecret(async () => secret);
      const ticket = services.inflight.register(undefined);

      const batch: BatchRecord = {
        id: randomUUID(),
        profile,
        operator: services.osUser,
        startedAt: services.clock.now().toISOString(),
        endedAt: null,
        total: items.length,
        results: [],
        outcomes: noOutcomes(),
        progress: { done: 0, failed: 0, remaining: items.length, inFlight: 0, ratePerSec: 0, etaSec: null },
        finished: false,
        cancelled: false,
        notSent: 0,
        stop: new AbortController(),
        abortInFlight: new AbortController(),
      };
      batches.set(batch.id, batch);
      services.batchSignals?.started({ batchId: batch.id, total: batch.total });
      const onDispose = () => {
        batch.stop.abort();
        batch.abortInFlight.abort();
      };
      ticket.signal.addEventListener('abort', onDispose, { once: true });

      const record = (result: LockResult) => {
        batch.results.push(result);
        batch.outcomes[outcomeOf(result)] += 1;
      };
      runBatch({
        items,
        concurrency,
        signal: batch.stop.signal,
        abortInFlight: batch.abortInFlight.signal,
        execute: async (item, signal, pacer) => {
          try {
            return await locks.run(
              {
                operation: 'release',
                profile,
                lockId: item.lockId,
                userId: item.userId,
                batchId: batch.id,
                signal,
                clockOffsetMs,
              },
              { pacer },
            );
          } catch (error) {
            // The request went out but its result could not be audited: show it, then stop the batch.
            if (error instanceof AuditWriteError && error.result) record(error.result);
            throw error;
          }
        },
        onResult: record,
        onProgress: (progress) => {
          batch.progress = progress;
          services.batchSignals?.progressed({ batchId: batch.id, done: progress.done, total: batch.total });
        },
      })
        .then((outcome) => {
          batch.cancelled = outcome.cancelled;
          batch.notSent = outcome.notSent;
          if (outcome.paused) batch.paused = outcome.paused;
        })
        .catch((error: unknown) => {
          batch.error = toIpcError(error);
          batch.cancelled = batch.stop.signal.aborted;
          batch.notSent = batch.progress.remaining;
        })
        .finally(() => {
          batch.endedAt = services.clock.now().toISOString();
          batch.finished = true;
          ticket.signal.removeEventListener('abort', onDispose);
          ticket.done();
          signalEnd(services.batchSignals, batch);
        });

      return { batchId: batch.id, total: batch.total };
    },

    async batchStatus({ batchId, since }) {
      const batch = find(batchId);
      const { profile } = batch;
      const status: BatchStatus = {
        batchId: batch.id,
        profileId: profile.id,
        profileName: profile.name,
        environment: profile.environment,
        host: hostOf(profile.baseUrl),
        operator: batch.operator,
        startedAt: batch.startedAt,
        endedAt: batch.endedAt,
        total: batch.total,
        progress: { ...batch.progress },
        outcomes: { ...batch.outcomes },
        results: batch.results.slice(since),
        nextIndex: batch.results.length,
        finished: batch.finished,
        cancelled: batch.finished ? batch.cancelled : batch.stop.signal.aborted,
        notSent: batch.finished ? batch.notSent : batch.stop.signal.aborted ? batch.progress.remaining : 0,
      };
      if (batch.error) status.error = batch.error;
      if (batch.paused) status.paused = { ...batch.paused };
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
