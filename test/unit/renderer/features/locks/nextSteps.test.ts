import { describe, expect, it } from 'vitest';
import { RESULT_KINDS, type ResultKind } from '../../../../../shared/result';
import { type NextStep, nextStepsFor } from '../../../../../renderer/src/features/locks/nextSteps';
import { lockResult } from '../../../shared/lockResultFixture';

const SENT = '2026-03-02T06:57:03.000Z';

describe('nextStepsFor', () => {
  it.each<[ResultKind, NextStep[]]>([
    ['success', ['showHistory']],
    ['clock', ['checkClock', 'openDiagnostics', 'showHistory']],
    ['auth', ['replaceSecret', 'openDiagnostics', 'showHistory']],
    ['destination-changed', ['editProfile', 'openDiagnostics', 'showHistory']],
    ['network', ['openDiagnostics', 'showHistory']],
    ['tls', ['openDiagnostics', 'showHistory']],
    ['timeout', ['openDiagnostics', 'showHistory']],
    ['proxy-auth', ['openDiagnostics', 'showHistory']],
    ['server', ['openDiagnostics', 'showHistory']],
    ['invalid-response', ['openDiagnostics', 'showHistory']],
    ['not-found', ['showHistory']],
    ['conflict', ['showHistory']],
    ['throttled', ['showHistory']],
    ['cancelled', ['showHistory']],
    ['invalid-input', ['showHistory']],
  ])('%s (sent) offers %j', (kind, steps) => {
    expect(nextStepsFor(lockResult({ kind, ok: kind === 'success', sentAt: SENT }))).toEqual(steps);
  });

  it('covers every result kind', () => {
    for (const kind of RESULT_KINDS) expect(Array.isArray(nextStepsFor(lockResult({ kind })))).toBe(true);
  });

  it('offers History only for a request that left', () => {
    expect(nextStepsFor(lockResult({ kind: 'cancelled', ok: false }))).toEqual([]);
    expect(nextStepsFor(lockResult({ kind: 'cancelled', ok: false, sentAt: '' }))).toEqual([]);
    expect(nextStepsFor(lockResult({ kind: 'destination-changed', ok: false }))).toEqual([
      'editProfile',
      'openDiagnostics',
    ]);
  });
});
