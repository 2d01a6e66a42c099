import type { SandboxInfo } from '../../../../shared/contract';

/** The id main gives the profile that "Try it with the local sandbox" creates. */
const SANDBOX_PROFILE_ID = 'sandbox';

export function isSandboxProfile(profileId: string, info: SandboxInfo | null): boolean {
  return profileId === (info?.profileId ?? SANDBOX_PROFILE_ID);
}
