import { describe, expect, it } from 'vitest';
import { BATCH_OUTCOMES, countOutcomes, isRetryable, outcomeOf } from '../../../shared/batchOutcome';
import { type LockOperation, RESULT_KINDS, type ResultKind } from '../../../shared/result';
import { lockResult } from './lockResultFixture';

const failed = (kind: ResultKind, operation: LockOperation = 'release') =>
  lockResult({ ok: kind === 'success', kind, operation });

describe('outcomeOf', () => {
  it.each<[ResultKind, LockOperation, string]>([
    ['success', 'release', 'released'],
    ['success', 'renew', 'released'],
    ['success', 'create', 'released'],
    ['not-found', 'release', 'already-gone'],
    ['not-found', 'renew', 'needs-fix'],
    ['not-found', 'create', 'needs-fix'],
    ['throttled', 'release', 'retryable'],
    ['server', 'release', 'retryable'],
    ['network', 'release', 'retryable'],
    ['timeout', 'release', 'retryable'],
    ['auth', 'release', 'needs-fix'],
    ['clock', 'release', 'needs-fix'],
    ['invalid-input', 'release', 'needs-fix'],
    ['tls', 'release', 'needs-fix'],
    ['conflict', 'release', 'needs-fix'],
    ['invalid-response', 'release', 'needs-fix'],
    ['cancelled', 'release', 'cancelled'],
  ])('%s for %s → %s', (kind, operation, outcome) => {
    expect(outcomeOf(failed(kind, operation))).toBe(outcome);
  });

  it('gives every result kind one of the outcomes', () => {
    for (const kind of RESULT_KINDS) expect(BATCH_OUTCOMES).toContain(outcomeOf(failed(kind)));
  });
});

describe('isRetryable', () => {
  it('is true for throttled, server, network and timeout only; never for already gone, auth or invalid input', () => {
    const retryable = RESULT_KINDS.filter((kind) => isRetryable(failed(kind)));
    expect(retryable.sort()).toEqual(['network', 'server', 'throttled', 'timeout']);
  });
});

describe('countOutcomes', () => {
  it('counts every outcome, zero included', () => {
    const results = [failed('success'), failed('success'), failed('not-found'), failed('server'), failed('auth')];
    expect(countOutcomes(results)).toEqual({
      released: 2,
      'already-gone': 1,
      retryable: 1,
      'needs-fix': 1,
      cancelled: 0,
    });
    expect(countOutcomes([])).toEqual({ released: 0, 'already-gone': 0, retryable: 0, 'needs-fix': 0, cancelled: 0 });
  });
});
