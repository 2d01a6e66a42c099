/**
 * What a lock result means for the person running a batch: released, already gone, worth retrying,
 * needs a fix first, or cancelled (not sent). Pure; shared by the CLI, the renderer and the exports.
 */
import type { LockResult } from './result';

export const BATCH_OUTCOMES = ['released', 'already-gone', 'retryable', 'needs-fix', 'cancelled'] as const;
export type BatchOutcome = (typeof BATCH_OUTCOMES)[number];

export function outcomeOf(result: Pick<LockResult, 'kind' | 'operation'>): BatchOutcome {
  switch (result.kind) {
    case 'success':
      // Renew and create are counted here too: one list of outcomes for every operation.
      return 'released';
    case 'not-found':
      // A release answered "lock not found": the lock is already gone, which is what was wanted.
      // For renew or create a missing lock is a real problem.
      return result.operation === 'release' ? 'already-gone' : 'needs-fix';
    case 'throttled':
    case 'server':
    case 'network':
      return 'retryable';
    case 'timeout':
      // A timeout after the request left may have been processed by the server. Retrying is still
      // safe: releasing an already released lock answers not-found (counted as already gone), and
      // renewing twice or creating a lock that exists only answers again (conflict at worst).
      return 'retryable';
    case 'cancelled':
      return 'cancelled';
    case 'auth':
    case 'clock':
    case 'invalid-input':
    case 'tls':
    case 'conflict':
    case 'invalid-response':
    case 'destination-changed':
    case 'proxy-auth':
      return 'needs-fix';
    default:
      // A kind added later is never resent automatically until it is placed above.
      return 'needs-fix';
  }
}

export function isRetryable(result: LockResult): boolean {
  return outcomeOf(result) === 'retryable';
}

export function countOutcomes(results: readonly LockResult[]): Record<BatchOutcome, number> {
  const counts: Record<BatchOutcome, number> = {
    released: 0,
    'already-gone': 0,
    retryable: 0,
    'needs-fix': 0,
    cancelled: 0,
  };
  for (const result of results) counts[outcomeOf(result)] += 1;
  return counts;
}
