import type { Environment } from '../../../shared/profile';
import type { LockOperation, LockResult } from '../../../shared/result';

/** One operation as confirmed: the profile, the end user it acts for, and the lock or module. */
export type OperationRequest =
  | { operation: 'release' | 'renew'; profileId: string; userId: string; lockId: string }
  | { operation: 'create'; profileId: string; userId: string; moduleCode: string };

/** Where and for whom the request was made: kept with the result so it can say so, and tell when it is stale. */
export interface OperationContext {
  profileId: string;
  profileName: string;
  environment: Environment;
  userId: string;
}

export interface CompletedOperation extends OperationContext {
  result: LockResult;
  finishedAt: Date;
}

export interface InFlightOperation {
  operation: LockOperation;
  requestTag: string;
  cancelling: boolean;
}
