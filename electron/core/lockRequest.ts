import type { Profile } from '../../shared/profile';
import type { LockOperation } from '../../shared/result';

/** What a front end (GUI, CLI, bench) asks the LockService to do. */
export interface LockRequest {
  operation: LockOperation;
  profile: Profile;
  /** Required for release and renew. */
  lockId?: string;
  /** For create; defaults to the profile's module code. */
  moduleCode?: string;
  /** The end user (X-User-Id); defaults to the profile's. A bearer profile acts only for its own user. */
  userId?: string;
  /** Written to the audit entries and the result when the operation is part of a batch. */
  batchId?: string;
  signal?: AbortSignal;
  /** Milliseconds added to the clock when signing (X-Date), to sign with the server-corrected time. */
  clockOffsetMs?: number;
}

export type { SecretSource } from './koodrive/callSecret';
