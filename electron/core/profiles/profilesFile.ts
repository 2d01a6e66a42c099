import type { Profile } from '../../../shared/profile';
import { profileFromInput, profileInputSchema, profileProblem } from '../../../shared/profile';
import { SchemaError } from '../../../shared/schema';
import { ProfileStoreError } from './profileStoreError';

/**
 * Format of profiles.json: { "version": 2, "profiles": [...] }. Version 1 (before environments and
 * per-operation users) is read too: each profile gets the environment its host implies, and keeps its
 * user ID as the default user; the file is written as version 2 on the next save.
 */
const PROFILES_FILE_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

function corrupt(file: string, problem: string): ProfileStoreError {
  return new ProfileStoreError(
    'corrupt',
    `The profiles file ${file} ${problem}. It was left unchanged and no profile can be saved until it is fixed: ` +
      'correct it by hand, or move it away (for example rename it to profiles.json.bad) to start with no profiles.',
    file,
  );
}

/** Validates one profile as the app would accept it from the user, plus a required id. */
function parseProfile(value: unknown, path = ''): Profile {
  const input = profileInputSchema.parse(value, path);
  if (input.id === undefined) throw new SchemaError(path ? `${path}.id` : 'id', 'is required');
  const problem = profileProblem(input);
  if (problem) throw new SchemaError(path, problem);
  return profileFromInput(input, input.id);
}

export function parseProfilesFile(text: string, file: string): Profile[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw corrupt(file, 'does not contain a JSON object');
  }
  const { version, profiles } = data as { version?: unknown; profiles?: unknown };
  if (!READABLE_VERSIONS.includes(version)) {
    const seen = JSON.stringify(version) ?? 'nothing';
    throw corrupt(
      file,
      `has format version ${seen.slice(0, 20)}, but this app reads versions 1 and 2 (was it written by a newer app?)`,
    );
  }
  if (!Array.isArray(profiles)) throw corrupt(file, 'has no "profiles" list');
  const result: Profile[] = [];
  const ids = new Set<string>();
  profiles.forEach((entry: unknown, index) => {
    let profile: Profile;
    try {
      profile = parseProfile(entry, `profiles[${index}]`);
    } catch (error) {
      if (error instanceof SchemaError) throw corrupt(file, `has an invalid profile: ${error.message}`);
      throw error;
    }
    if (ids.has(profile.id)) throw corrupt(file, `lists the profile id "${profile.id}" twice`);
    ids.add(profile.id);
    result.push(profile);
  });
  return result;
}

export function serializeProfiles(profiles: readonly Profile[]): string {
  return `${JSON.stringify({ version: PROFILES_FILE_VERSION, profiles }, null, 2)}\n`;
}
