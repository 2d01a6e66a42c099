/** The three lock operations as operation descriptors (classification and remedies). */
import { message } from '../../../shared/messages/message';
import type { LockOperation } from '../../../shared/result';
import type { OperationDescriptor } from './operation';
import { lockIdFromData } from './responseParser';

const LOCK_STATE = message('operation.lockState');
const LOCK_AND_USER = message('operation.parameters.lockAndUser');

export const LOCK_OPERATIONS: Readonly<Record<LockOperation, OperationDescriptor>> = {
  release: {
    label: 'release',
    changes: { mayHaveHappened: message('operation.release.mayHaveHappened'), stateToCheck: LOCK_STATE },
    success: message('operation.release.success'),
    notFound: message('operation.release.notFound'),
    conflict: (note) => message('operation.release.conflict', { note }),
    parameters: LOCK_AND_USER,
  },
  renew: {
    label: 'renew',
    changes: { mayHaveHappened: message('operation.renew.mayHaveHappened'), stateToCheck: LOCK_STATE },
    success: message('operation.renew.success'),
    notFound: message('operation.renew.notFound'),
    conflict: (note) => message('operation.renew.conflict', { note }),
    parameters: LOCK_AND_USER,
  },
  create: {
    label: 'create',
    changes: { mayHaveHappened: message('operation.create.mayHaveHappened'), stateToCheck: LOCK_STATE },
    success: message('operation.create.success'),
    notFound: message('operation.create.notFound'),
    conflict: (note) => message('operation.create.conflict', { note }),
    parameters: message('operation.parameters.moduleAndUser'),
    successDataProblem: (data) => (lockIdFromData(data) === null ? message('operation.create.noLockId') : null),
  },
};
