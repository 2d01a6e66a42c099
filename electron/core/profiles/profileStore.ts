import fs from 'node:fs/promises';
import path from 'node:path';
import type { Profile, ProfileInput } from '../../../shared/profile';
import { profileFromInput, profileInputSchema, profileProblem, slugForName } from '../../../shared/profile';
import { SchemaError } from '../../../shared/schema';
import { type AtomicWriteFs, writeFileAtomic } from './atomicWrite';
import { parseProfilesFile, serializeProfiles } from './profilesFile';
import { ProfileStoreError } from './profileStoreError';

const PROFILES_FILE_NAME = 'profiles.json';

/** Enough for any real use; bounds the search for a free id. */
const MAX_ID_SUFFIX = 1000;

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

/** Connection profiles in <dataDir>/profiles.json. Secrets are never stored here. */
export class ProfileStore {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    /** Tests inject file-system failures here. */
    private readonly options: { writeFs?: AtomicWriteFs } = {},
  ) {
    this.file = path.join(dataDir, PROFILES_FILE_NAME);
  }

  async list(): Promise<Profile[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw new ProfileStoreError(
        'io',
        `Could not read the profiles file ${this.file} (${errorCode(error)}). Check that it is a readable file ` +
          'owned by you, then try again.',
        this.file,
      );
    }
    return parseProfilesFile(text, this.file);
  }

  /** The profile with exactly this name. Ids are never matched: a derived id could name another profile. */
  async findByName(name: string): Promise<Profile | null> {
    return (await this.list()).find((profile) => profile.name === name) ?? null;
  }

  /** Names a mistyped name probably meant: the same letters in another case or spacing, or the profile with that id. */
  async namesLike(name: string): Promise<string[]> {
    const folded = fold(name);
    return (await this.list())
      .filter((profile) => fold(profile.name) === folded || profile.id === name)
      .map((profile) => profile.name);
  }

  /** Creates a profile (no id: one is made from the name) or updates the one with the given id. */
  async save(input: ProfileInput): Promise<Profile> {
    const valid = validate(input);
    return this.exclusive(async () => {
      const profiles = await this.list();
      const sameName = profiles.find(
        (profile) => profile.name.toLowerCase() === valid.name.toLowerCase() && profile.id !== valid.id,
      );
      if (sameName) {
        throw new ProfileStoreError(
          'invalid',
          `Profile not saved: a profile named "${sameName.name}" already exists. Choose another name.`,
        );
      }
      let saved: Profile;
      if (valid.id !== undefined) {
        const index = profiles.findIndex((profile) => profile.id === valid.id);
        if (index < 0) {
          throw new ProfileStoreError(
            'not-found',
            `Profile not saved: there is no profile with id "${valid.id}" (it may have been deleted). ` +
              'Reload the profile list and try again.',
          );
        }
        saved = profileFromInput(valid, valid.id);
        profiles[index] = saved;
      } else {
        saved = profileFromInput(valid, uniqueId(slugForName(valid.name), profiles));
        profiles.push(saved);
      }
      await this.write(profiles);
      return saved;
    });
  }

  /**
   * Saves several profiles in one write, each created (no id) or replacing the one with its id: all of them,
   * or — when one is invalid, names a missing id or two would share a name — none.
   */
  async saveAll(inputs: readonly ProfileInput[]): Promise<Profile[]> {
    const valid = inputs.map(validate);
    return this.exclusive(async () => {
      const profiles = await this.list();
      const saved = valid.map((input) => {
        if (input.id === undefined) {
          const created = profileFromInput(input, uniqueId(slugForName(input.name), profiles));
          profiles.push(created);
          return created;
        }
        const index = profiles.findIndex((profile) => profile.id === input.id);
        if (index < 0)
          throw new ProfileStoreError('not-found', `Profiles not saved: there is no profile with id "${input.id}".`);
        profiles[index] = profileFromInput(input, input.id);
        return profiles[index];
      });
      const names = new Set<string>();
      for (const profile of profiles) {
        const key = profile.name.toLowerCase();
        if (names.has(key)) {
          throw new ProfileStoreError('invalid', `Profiles not saved: two profiles would be named "${profile.name}".`);
        }
        names.add(key);
      }
      await this.write(profiles);
      return saved;
    });
  }

  /** true when a profile was removed. */
  remove(id: string): Promise<boolean> {
    return this.exclusive(async () => {
      const profiles = await this.list();
      const remaining = profiles.filter((profile) => profile.id !== id);
      if (remaining.length === profiles.length) return false;
      await this.write(remaining);
      return true;
    });
  }

  private async write(profiles: readonly Profile[]): Promise<void> {
    try {
      await fs.mkdir(this.dataDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, serializeProfiles(profiles), { mode: 0o600, fs: this.options.writeFs });
    } catch (error) {
      throw new ProfileStoreError(
        'io',
        `Could not write the profiles file ${this.file} (${errorCode(error)}). The previous version is unchanged. ` +
          'Check that the folder exists, is writable by you and the disk has free space.',
        this.file,
      );
    }
  }

  /** Runs read-modify-write steps one at a time, so concurrent saves in this process cannot lose each other. */
  private exclusive<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch(() => {});
    return run;
  }
}

function validate(input: ProfileInput): ProfileInput {
  let valid: ProfileInput;
  try {
    valid = profileInputSchema.parse(input);
  } catch (error) {
    if (error instanceof SchemaError) throw new ProfileStoreError('invalid', `Profile not saved: ${error.message}`);
    throw error;
  }
  const problem = profileProblem(valid);
  if (problem) throw new ProfileStoreError('invalid', `Profile not saved: ${problem}`);
  return valid;
}

function uniqueId(base: string, profiles: readonly Profile[]): string {
  const taken = new Set(profiles.map((profile) => profile.id));
  if (!taken.has(base)) return base;
  for (let n = 2; n <= MAX_ID_SUFFIX; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
  throw new ProfileStoreError('invalid', `Profile not saved: too many profiles are named like "${base}".`);
}

function fold(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
