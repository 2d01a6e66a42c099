import { describe, expect, it } from 'vitest';
import {
  forgetSecretOutcome,
  recordSecretOutcome,
  secretOutcomeFor,
  secretOutcomeOf,
  secretOutcomeText,
} from '../../../../../renderer/src/features/locks/secretOutcome';
import { lockResult } from '../../../shared/lockResultFixture';

/** 14:57 in this computer's time zone, whatever it is. */
const AT = new Date(2026, 2, 2, 14, 57, 30);

describe('secretOutcomeOf', () => {
  it('reads a success, and answers past authentication, as accepted', () => {
    for (const kind of ['success', 'not-found', 'conflict'] as const) {
      expect(secretOutcomeOf(lockResult({ kind }), AT)).toEqual({ accepted: true, at: AT });
    }
  });

  it('reads an auth result as refused, with the HTTP status (or the code without one)', () => {
    expect(secretOutcomeOf(lockResult({ ok: false, kind: 'auth', httpStatus: 401 }), AT)).toEqual({
      accepted: false,
      at: AT,
      status: '401',
    });
    const noStatus = lockResult({ ok: false, kind: 'auth', httpStatus: null, code: 'APIGW.0301' });
    expect(secretOutcomeOf(noStatus, AT)).toMatchObject({ accepted: false, status: 'APIGW.0301' });
  });

  it('reads nothing into results that say nothing about the secret', () => {
    for (const kind of ['clock', 'network', 'timeout', 'throttled', 'cancelled', 'destination-changed'] as const) {
      expect(secretOutcomeOf(lockResult({ ok: false, kind }), AT)).toBeNull();
    }
  });
});

describe('the badge text', () => {
  it('names the local time of the last acceptance, or the refusal', () => {
    expect(secretOutcomeText({ accepted: true, at: AT })).toBe('last accepted 14:57');
    expect(secretOutcomeText({ accepted: false, at: AT, status: '401' })).toBe('last call refused: 401');
  });
});

describe('the session store', () => {
  it('keeps the last outcome per profile, ignores neutral results and forgets on a new secret', () => {
    recordSecretOutcome('p1', lockResult({ ok: false, kind: 'auth', httpStatus: 401 }), AT);
    recordSecretOutcome('p2', lockResult(), AT);
    recordSecretOutcome('p1', lockResult({ ok: false, kind: 'network' }), AT);
    expect(secretOutcomeFor('p1')).toMatchObject({ accepted: false, status: '401' });
    expect(secretOutcomeFor('p2')).toMatchObject({ accepted: true });
    forgetSecretOutcome('p1');
    expect(secretOutcomeFor('p1')).toBeUndefined();
    expect(secretOutcomeFor('p2')).toMatchObject({ accepted: true });
  });
});
