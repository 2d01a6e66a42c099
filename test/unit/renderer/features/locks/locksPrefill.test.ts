import { describe, expect, it } from 'vitest';
import { lockFormAfterSecret } from '../../../../../renderer/src/features/locks/locksPrefill';
import { type FailedOperation, navigationFor } from '../../../../../renderer/src/features/locks/nextSteps';
import type { CompletedOperation } from '../../../../../renderer/src/lib/operation';
import { lockResult } from '../../../shared/lockResultFixture';

const LOCK_ID = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
const TICKET_USER = '1505084218764547200';
const failedRelease: FailedOperation = {
  profileId: 'p-tenant',
  userId: TICKET_USER,
  operation: 'release',
  lockId: LOCK_ID,
};

function refused(overrides: Parameters<typeof lockResult>[0] = {}): CompletedOperation {
  return {
    profileId: 'p-tenant',
    profileName: 'Tenant',
    environment: 'production',
    userId: '1000000000000000001',
    finishedAt: new Date(0),
    result: lockResult({ ok: false, kind: 'auth', httpStatus: 401, ...overrides }),
  };
}

describe('the lock form after "Replace secret" → "Use in lock form"', () => {
  it('comes back with the failed operation’s user and lock ID on its profile', () => {
    expect(lockFormAfterSecret(failedRelease, 'p-tenant')).toEqual({
      profileId: 'p-tenant',
      userId: TICKET_USER,
      lockId: LOCK_ID,
    });
  });

  it('carries only the user of a failed create (it had no lock ID)', () => {
    const created = lockFormAfterSecret({ ...failedRelease, operation: 'create', lockId: '' }, 'p-tenant');
    expect(created).toEqual({ profileId: 'p-tenant', userId: TICKET_USER, lockId: '' });
  });

  it('is the usual form when Profiles was opened another way, or the user went on to another profile', () => {
    expect(lockFormAfterSecret(null, 'p-tenant')).toBeNull();
    expect(lockFormAfterSecret(failedRelease, 'p-other')).toBeNull();
  });
});

describe('navigationFor', () => {
  it('"Replace secret" opens Profiles with the failed operation, as the result names its user and lock', () => {
    expect(navigationFor('replaceSecret', refused())).toEqual({
      to: 'profiles',
      profileId: 'p-tenant',
      failed: { profileId: 'p-tenant', userId: TICKET_USER, operation: 'release', lockId: LOCK_ID },
    });
    // A result without a user of its own is for the user the form sent it for.
    const renew = navigationFor('replaceSecret', refused({ operation: 'renew', userId: null }));
    expect(renew).toMatchObject({ failed: { userId: '1000000000000000001', operation: 'renew' } });
  });

  it('"Edit profile" opens Profiles without carrying anything back', () => {
    expect(navigationFor('editProfile', refused({ kind: 'destination-changed' }))).toEqual({
      to: 'profiles',
      profileId: 'p-tenant',
      failed: null,
    });
  });

  it('"Open in Diagnostics" and "Show in History" are filled in as before', () => {
    expect(navigationFor('openDiagnostics', refused({ operation: 'create', lockId: null }))).toEqual({
      to: 'diagnostics',
      profileId: 'p-tenant',
      userId: TICKET_USER,
      operation: 'create',
      lockId: '',
    });
    expect(navigationFor('showHistory', refused())).toEqual({ to: 'history', lockId: LOCK_ID, userId: TICKET_USER });
  });
});
