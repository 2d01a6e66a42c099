/**
 * The profile export document (docs/cli.md#profile-export-and-import): versioned JSON holding profiles as
 * `profile add` takes them, without ids, secrets or proxy passwords (those stay in the keychain).
 */
import { type Profile, type ProfileInput, profileInputSchema, profileProblem } from '../../shared/profile';
import { SchemaError } from '../../shared/schema';

export const PROFILE_DOCUMENT_KIND = 'koodrive-lock-admin/profiles';
export const PROFILE_DOCUMENT_VERSION = 1;

export type ExportedProfile = Omit<ProfileInput, 'id'>;

export interface ProfileDocument {
  kind: typeof PROFILE_DOCUMENT_KIND;
  version: typeof PROFILE_DOCUMENT_VERSION;
  exportedAt: string;
  note: string;
  profiles: ExportedProfile[];
}

const NOTE =
  'No secrets and no proxy passwords: after an import, store each secret with `koodrive-lock secret set --profile NAME`.';

/** A saved profile as exported: its fields, never its id (a profile's id is made on import). */
export function exportedProfile(profile: Profile): ExportedProfile {
  return {
    name: profile.name,
    baseUrl: profile.baseUrl,
    environment: profile.environment,
    authMode: profile.authMode,
    appId: profile.appId,
    userId: profile.userId,
    moduleCode: profile.moduleCode,
    bearerPrefix: profile.bearerPrefix,
    proxyUrl: profile.proxyUrl,
    caPem: profile.caPem,
  };
}

export function profileDocument(profiles: readonly Profile[], now: Date): ProfileDocument {
  return {
    kind: PROFILE_DOCUMENT_KIND,
    version: PROFILE_DOCUMENT_VERSION,
    exportedAt: now.toISOString(),
    note: NOTE,
    profiles: profiles.map(exportedProfile),
  };
}

/** The profiles of a document, each checked like `profile add`; throws SchemaError naming the first problem. */
export function parseProfileDocument(text: string): ExportedProfile[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SchemaError('', `is not JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  const { kind, version, profiles } = (typeof data === 'object' && data !== null ? data : {}) as Record<
    string,
    unknown
  >;
  if (kind !== PROFILE_DOCUMENT_KIND) {
    throw new SchemaError(
      'kind',
      `must be "${PROFILE_DOCUMENT_KIND}" (a file written by \`koodrive-lock profile export\`)`,
    );
  }
  if (version !== PROFILE_DOCUMENT_VERSION) {
    throw new SchemaError('version', `is ${JSON.stringify(version) ?? 'missing'}; this version reads version 1`);
  }
  if (!Array.isArray(profiles)) throw new SchemaError('profiles', 'must be a list');
  return profiles.map((entry: unknown, index) => {
    const path = `profiles[${index}]`;
    if (typeof entry === 'object' && entry !== null && 'id' in entry) {
      throw new SchemaError(`${path}.id`, 'is not part of an export (ids are made on import)');
    }
    const input = profileInputSchema.parse(entry, path);
    const problem = profileProblem(input);
    if (problem) throw new SchemaError(path, problem);
    return input;
  });
}
