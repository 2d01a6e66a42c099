import type { FailedOperation } from './nextSteps';

/**
 * What another screen fills in when it opens the lock form: Inspect's "Open in Locks" (a user and a module), or
 * Profiles' "Use in lock form" after a failed operation's "Replace secret" (its user and lock ID).
 */
export interface LocksPrefill {
  profileId: string;
  userId: string;
  /** From Inspect: the module Create starts with. */
  moduleCode?: string;
  /** From a failed operation (empty when it was a create): the lock ID it acted on. */
  lockId?: string;
}

/**
 * The lock form that "Use in lock form" opens on `profileId`: filled in with the failed operation Profiles was
 * opened from ("Replace secret"), when it was on that profile; null (the form as usual) otherwise.
 */
export function lockFormAfterSecret(failed: FailedOperation | null, profileId: string): LocksPrefill | null {
  if (failed === null || failed.profileId !== profileId) return null;
  return { profileId, userId: failed.userId, lockId: failed.lockId };
}
