import type { Profile } from '../../../shared/profile';
import type { ProfileStore } from './profileStore';
import { ProfileStoreError } from './profileStoreError';

/** The saved profile with this id (never a name); a ProfileStoreError 'not-found' saying what to do when there is none. */
export async function profileById(profiles: Pick<ProfileStore, 'list'>, profileId: string): Promise<Profile> {
  const profile = (await profiles.list()).find((candidate) => candidate.id === profileId);
  if (!profile) {
    throw new ProfileStoreError(
      'not-found',
      `There is no profile "${profileId}". It may have been deleted; pick another one.`,
    );
  }
  return profile;
}
