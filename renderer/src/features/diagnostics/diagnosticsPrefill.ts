import type { LockOperation } from '../../../../shared/result';

/** What another screen fills in when it opens Diagnostics (a lock result's "Open in Diagnostics"). */
export interface DiagnosticsPrefill {
  profileId: string;
  userId: string;
  operation: LockOperation;
  /** Empty for a create, which names a module instead. */
  lockId: string;
}
