/** The three lock calls as requests for the one builder: docs/koodrive-protocol.md#endpoints. */
import type { Profile } from '../../../shared/profile';
import type { LockOperation } from '../../../shared/result';
import { LOCK_ID_HEADER, LOCK_PATH } from './endpoints';
import { type PreparedRequest, RequestBuildError, prepareRequest } from './requestBuilder';
import type { HttpRequest } from './transport';

export const LOCK_METHODS: Readonly<Record<LockOperation, HttpRequest['method']>> = {
  release: 'DELETE',
  renew: 'PATCH',
  create: 'POST',
};

export interface LockRequestInput {
  profile: Profile;
  operation: LockOperation;
  /** Required for release and renew; sent as given (validate and trim before). */
  lockId?: string;
  /** For create; defaults to the profile's module code. */
  moduleCode?: string;
  /** The end user (X-User-Id), resolved and validated; default the profile's. */
  userId?: string;
  secret: string;
  now: Date;
  /** App mode only: headers to sign besides host, x-date and x-user-id. */
  extraSignedHeaders?: string[];
}

export function prepareLockRequest(input: LockRequestInput): PreparedRequest {
  const { operation } = input;
  const common = { ...input, method: LOCK_METHODS[operation], path: LOCK_PATH };
  if (operation === 'create') {
    return prepareRequest({ ...common, json: { moduleCode: input.moduleCode ?? input.profile.moduleCode } });
  }
  if (!input.lockId) throw new RequestBuildError(`A lock ID is required to ${operation} a lock.`);
  return prepareRequest({ ...common, headers: { [LOCK_ID_HEADER]: input.lockId } });
}
