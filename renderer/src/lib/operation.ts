import type { LockOperation, LockResult } from '../../../shared/result';

export type OperationRequest =
  | { operation: 'release' | 'renew'; profileId: string; lockId: string }
  | { operation: 'create'; profileId: string; moduleCode: string };

/** Who the request was made as: kept with the result so the copied summary can name it. */
export interface OperationContext {
  profileName: string;
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
