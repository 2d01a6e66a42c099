/**
 * The profile a command uses when none is named on the command line: KOODRIVE_PROFILE, else the default
 * set with `koodrive-lock profile use NAME`, kept in cli-settings.json in the data folder
 * (docs/cli.md#which-profile).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Profile } from '../../shared/profile';
import { writeFileAtomic } from '../core/profiles/atomicWrite';
import type { ProfileStore } from '../core/profiles/profileStore';
import { CliError } from './cliError';
import { EXIT } from './exitCodes';
import type { TextWriter } from './io';
import { profileByName } from './profileByName';

export const PROFILE_VARIABLE = 'KOODRIVE_PROFILE';
export const CLI_SETTINGS_FILE = 'cli-settings.json';

interface CliSettings {
  /** The id of the default profile: it survives a rename in the desktop app. */
  defaultProfileId?: string;
}

function settingsFile(dataDir: string): string {
  return path.join(dataDir, CLI_SETTINGS_FILE);
}

function errorCode(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? 'unknown error');
}

async function readSettings(dataDir: string): Promise<CliSettings> {
  const file = settingsFile(dataDir);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return {};
    throw new CliError(`Could not read ${file} (${errorCode(error)}).`, EXIT.usage);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    const id = (parsed as CliSettings | null)?.defaultProfileId;
    if (typeof parsed === 'object' && parsed !== null && (id === undefined || typeof id === 'string')) {
      return id === undefined ? {} : { defaultProfileId: id };
    }
  } catch {
    // Reported below, like any other content that is not the settings object.
  }
  throw new CliError(
    `${file} is not valid: run \`koodrive-lock profile use NAME\` (or --clear) to write it again.`,
    EXIT.usage,
  );
}

/** Sets (a profile id) or clears (null) the default profile; the file is replaced atomically. */
export async function writeDefaultProfileId(dataDir: string, id: string | null): Promise<void> {
  const settings: CliSettings = { ...(await readSettings(dataDir)) };
  if (id === null) delete settings.defaultProfileId;
  else settings.defaultProfileId = id;
  const file = settingsFile(dataDir);
  try {
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    throw new CliError(`Could not write ${file} (${errorCode(error)}); the default is unchanged.`, EXIT.usage);
  }
}

/** The default profile, or null when none is set. A default whose profile was removed is an error. */
export async function defaultProfile(store: ProfileStore): Promise<Profile | null> {
  const { defaultProfileId } = await readSettings(store.dataDir);
  if (defaultProfileId === undefined) return null;
  const profile = (await store.list()).find((candidate) => candidate.id === defaultProfileId);
  if (profile) return profile;
  throw new CliError(
    `The default profile (id ${defaultProfileId}) no longer exists in ${store.dataDir}: name one with --profile, ` +
      'or choose another default with `koodrive-lock profile use NAME` (or clear it with --clear).',
    EXIT.usage,
  );
}

/**
 * The profile when the command line names none: KOODRIVE_PROFILE (matched exactly, like --profile), else the
 * default profile, else null. Says on stderr which one was taken and why.
 */
export async function implicitProfile(
  store: ProfileStore,
  env: Readonly<Record<string, string | undefined>>,
  stderr: TextWriter,
): Promise<Profile | null> {
  const fromEnv = env[PROFILE_VARIABLE];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const profile = await profileByName(store, fromEnv).catch((error: unknown) => {
      if (error instanceof CliError) throw new CliError(`${PROFILE_VARIABLE}: ${error.message}`, error.exitCode);
      throw error;
    });
    stderr.write(`koodrive-lock: using profile "${profile.name}" (from ${PROFILE_VARIABLE}).\n`);
    return profile;
  }
  const profile = await defaultProfile(store);
  if (profile) {
    stderr.write(
      `koodrive-lock: using profile "${profile.name}" (the default profile; \`koodrive-lock profile use\` changes it).\n`,
    );
  }
  return profile;
}
