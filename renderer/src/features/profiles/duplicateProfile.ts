/** "Duplicate": a new, unsaved draft prefilled from a saved profile, without its secret. */
import type { Profile } from '../../../../shared/profile';
import { type ProfileDraft, draftFromProfile } from './profileForm';

/** The schema's longest profile name (shared/profile.ts). */
const MAX_NAME = 64;

function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
}

/** "<name> (copy)", then "<name> (copy 2)", … until no profile has it; never longer than a name may be. */
export function duplicateName(name: string, takenNames: readonly string[]): string {
  const taken = new Set(takenNames.map((item) => item.trim().toLowerCase()));
  for (let copy = 1; ; copy++) {
    const candidate = withSuffix(name, copy === 1 ? ' (copy)' : ` (copy ${copy})`);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Every field of the profile except its id (a new profile gets its own) and its name; no secret is copied. */
export function duplicateDraft(profile: Profile, takenNames: readonly string[]): ProfileDraft {
  const copy: ProfileDraft = { ...draftFromProfile(profile), name: duplicateName(profile.name, takenNames) };
  delete copy.id;
  return copy;
}
