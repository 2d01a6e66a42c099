import type { Profile } from '../../shared/profile';
import type { ProfileStore } from '../core/profiles/profileStore';
import { CliError } from './cliError';
import { EXIT } from './exitCodes';

/** The saved profile with exactly this name; otherwise a usage error that offers the likely one. */
export async function profileByName(store: ProfileStore, name: string): Promise<Profile> {
  const profile = await store.findByName(name);
  if (profile) return profile;
  const like = await store.namesLike(name);
  const hint =
    like.length > 0
      ? ` Did you mean ${like.map((other) => profileFlag(other)).join(' or ')}? Names must match exactly.`
      : ' `koodrive-lock profile list` shows the profiles.';
  throw new CliError(`There is no profile named "${name}" in ${store.dataDir}.${hint}`, EXIT.usage);
}

/** `--profile NAME` as it can be pasted into a shell: quoted only when the name needs it. */
export function profileFlag(name: string): string {
  return `--profile ${/^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`}`;
}
