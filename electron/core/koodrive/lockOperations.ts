/** The three lock operations as operation descriptors (classification and remedies). */
import type { LockOperation } from '../../../shared/result';
import type { OperationDescriptor } from './operation';
import { lockIdFromData } from './responseParser';

const LOCK_STATE = 'the lock state';

export const LOCK_OPERATIONS: Readonly<Record<LockOperation, OperationDescriptor>> = {
  release: {
    label: 'release',
    changes: { mayHaveHappened: 'the lock may already be released', stateToCheck: LOCK_STATE },
    success: 'The lock is released; the next backup for this user and module can start.',
    notFound:
      'The lock is already gone (released or expired) or the ID is wrong; nothing to do unless the backup still fails.',
    conflict: (note) =>
      `KooDrive refused to release this lock (${note}): check that the lock ID belongs to this user and module, then escalate with the request ID if it persists.`,
    parameters: 'the lock ID (copied exactly) and the user ID',
  },
  renew: {
    label: 'renew',
    changes: { mayHaveHappened: 'the lock may already be renewed', stateToCheck: LOCK_STATE },
    success: 'The lock is renewed and stays valid for another 10 minutes.',
    notFound:
      'The lock no longer exists (released or expired) or the ID is wrong; create a new lock instead of renewing this one.',
    conflict: (note) =>
      `KooDrive refused to renew this lock (${note}); it may have expired or been replaced, so create a new lock instead.`,
    parameters: 'the lock ID (copied exactly) and the user ID',
  },
  create: {
    label: 'create',
    changes: { mayHaveHappened: 'a lock may already have been created', stateToCheck: LOCK_STATE },
    success: 'The lock is created; release it when you are done, otherwise it expires after 10 minutes.',
    notFound: 'KooDrive did not find the user or space to lock: check the user ID and the module code in the profile.',
    conflict: (note) =>
      `KooDrive refused to create the lock (${note}), most likely because another client holds it: release that lock or wait up to 10 minutes for it to expire, then try again.`,
    parameters: 'the module code and the user ID',
    successDataProblem: (data) =>
      lockIdFromData(data) === null
        ? 'KooDrive reported success but sent no lock ID: try again once, and escalate to KooDrive support with the request ID if it happens again.'
        : null,
  },
};
