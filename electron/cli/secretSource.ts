/** Where the secret for a lock operation comes from: --secret-stdin, then the environment, then the keychain. */
import type { AuthMode, Profile } from '../../shared/profile';
import { secretProblem } from '../core/koodrive/requestBuilder';
import { SecretDestinationError, readProfileSecret } from '../core/secrets/boundSecret';
import { SecretStoreError } from '../core/secrets/secretStore';
import type { SecretStore } from '../core/secrets/secretStore';
import { CliError } from './cliError';
import type { Connection } from './connection';
import { EXIT } from './exitCodes';
import type { CliIo } from './io';
import { readSecretLine } from './readInput';
import { profileFlag } from './profileByName';

export const TOKEN_ENV = 'KOODRIVE_TOKEN';
export const APP_SECRET_ENV = 'KOODRIVE_APP_SECRET';
/** The same bound as the GUI's setSecret. */
export const SECRET_MAX = 4096;

export function envNameFor(authMode: AuthMode): string {
  return authMode === 'bearer' ? TOKEN_ENV : APP_SECRET_ENV;
}

export function secretNoun(authMode: AuthMode): string {
  return authMode === 'bearer' ? 'access token' : 'App secret';
}

/** Why a secret just typed, piped or exported cannot be used, or null. Never quotes the secret. */
export function secretInputProblem(secret: string, authMode: AuthMode): string | null {
  if (secret.length === 0) return 'is empty';
  if (secret.length > SECRET_MAX) return `is longer than ${SECRET_MAX} characters`;
  if (secretProblem(secret, authMode)) {
    return authMode === 'bearer'
      ? 'must be one line of printable ASCII characters (an access token goes into a header)'
      : 'must be one line without control characters';
  }
  return null;
}

function checked(secret: string, profile: Profile, from: string): string {
  const problem = secretInputProblem(secret, profile.authMode);
  if (problem) {
    throw new CliError(`The ${secretNoun(profile.authMode)} from ${from} ${problem}; nothing was sent.`, EXIT.usage);
  }
  return secret;
}

export async function resolveSecret(
  connection: Connection,
  options: { secretStdin: boolean; io: CliIo; store: SecretStore; verbose?: boolean },
): Promise<string> {
  const { profile } = connection;
  const noun = secretNoun(profile.authMode);
  // Where the secret came from: always when it overrides a saved profile's keychain entry, else with --verbose.
  const tell = (source: string, overrides: boolean) => {
    if (!overrides && !options.verbose) return;
    const instead = overrides ? `, not the one stored in the keychain for profile "${profile.name}"` : '';
    options.io.stderr.write(`koodrive-lock: using the ${noun} from ${source}${instead}.\n`);
  };
  if (options.secretStdin) {
    const line = await readSecretLine(options.io, `${noun} for ${profile.name} (input hidden): `);
    if (line === null)
      throw new CliError(`--secret-stdin was given but standard input was empty; nothing was sent.`, EXIT.usage);
    const secret = checked(line, profile, 'standard input');
    tell('standard input (--secret-stdin)', connection.saved);
    return secret;
  }
  const envName = envNameFor(profile.authMode);
  const fromEnv = options.io.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') {
    const secret = checked(fromEnv, profile, envName);
    tell(`the environment variable ${envName}`, connection.saved);
    return secret;
  }
  if (!connection.saved) {
    throw new CliError(
      `No ${noun}: set ${envName} or pass it on standard input with --secret-stdin (a connection given by flags has no keychain entry). Nothing was sent.`,
      EXIT.usage,
    );
  }
  let stored: string | null;
  try {
    stored = await readProfileSecret(options.store, profile);
  } catch (error) {
    if (error instanceof SecretStoreError && error.failure !== 'failed') {
      throw new CliError(unreachableKeychain(error, noun, profile.name, envName, options.store.label), EXIT.usage);
    }
    if (!(error instanceof SecretDestinationError)) throw error;
    throw new CliError(
      `${error.message} Store it with \`koodrive-lock secret set ${profileFlag(profile.name)}\`.`,
      EXIT.usage,
    );
  }
  if (stored === null) {
    throw new CliError(
      `No ${noun} is stored for profile "${profile.name}" in ${options.store.label}. Store it with \`koodrive-lock secret set ${profileFlag(profile.name)}\`, or set ${envName}. If you stored one before, your keychain may be locked: unlock it and try again. Nothing was sent.`,
      EXIT.usage,
    );
  }
  const secret = checked(stored, profile, options.store.label);
  tell(`the keychain entry of profile "${profile.name}" (${options.store.label})`, false);
  return secret;
}

/** The CLI's short word for a keychain it cannot reach: the environment route first, the keyring fix second. */
function unreachableKeychain(
  error: SecretStoreError,
  noun: string,
  profileName: string,
  envName: string,
  label: string,
): string {
  const state = error.failure === 'locked' ? 'is locked' : 'is not available';
  const fix =
    process.platform === 'linux'
      ? error.failure === 'locked'
        ? 'or unlock the keyring (log in to the desktop, or see "Linux: the keychain" in the README)'
        : 'or install and start a keyring (sudo apt install gnome-keyring libsecret-1-0; see "Linux: the keychain" in the README)'
      : `or unlock ${label}`;
  return `The OS keychain (${label}) ${state}, so the ${noun} of profile "${profileName}" cannot be read. Give it in ${envName} or on standard input with --secret-stdin instead, ${fix}. Nothing was sent.`;
}
