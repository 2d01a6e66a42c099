/** Which KooDrive to talk to: a saved profile (--profile) or a one-off connection from flags. */
import fs from 'node:fs/promises';
import { certificateFileToPem } from '../../shared/certificateFile';
import { moduleCodeProblem } from '../../shared/identifiers';
import {
  type Profile,
  type ProfileInput,
  profileFromInput,
  profileInputSchema,
  proxyUrlProblemMessage,
  resolveUserId,
} from '../../shared/profile';
import { type MessageLocale, localized } from '../../shared/messages/localized';
import { safeParse } from '../../shared/schema';
import type { Routing } from '../core/koodrive/connectionFor';
import type { ProfileStore } from '../core/profiles/profileStore';
import { CliError, UsageError } from './cliError';
import { EXIT } from './exitCodes';
import type { OptionValues } from './options';
import { implicitProfile } from './defaultProfile';
import { cliLocale } from './cliLocale';
import { flagProblemText, missingFieldText } from './profileCheckText';
import type { TextWriter } from './io';
import { profileByName } from './profileByName';

/** The id given to a connection made from flags; it has no keychain entry. */
export const FLAGS_PROFILE_ID = 'command-line';
export const DEFAULT_MODULE_CODE = '102';

const FLAG_FOR_FIELD: Record<string, string> = {
  name: '--name',
  baseUrl: '--base-url',
  userId: '--user-id',
  authMode: '--auth',
  appId: '--app-id',
  moduleCode: '--module',
  bearerPrefix: '--bearer-prefix',
  proxyUrl: '--proxy',
  caPem: '--ca-file',
  environment: '--environment',
};

const FLAGS_EXCLUDED_BY_PROFILE = ['base-url', 'auth', 'app-id', 'bearer-prefix', 'proxy', 'ca-file'] as const;
const CA_FILE_MAX_BYTES = 256 * 1024;

async function readFileBytes(file: string, maxBytes: number, what: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CliError(`${what} is not a file.`, EXIT.usage);
    if (stat.size > maxBytes)
      throw new CliError(`${what} is larger than ${Math.round(maxBytes / 1024)} KiB.`, EXIT.usage);
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`Cannot read ${what} (${String(code ?? 'unknown error')}).`, EXIT.usage);
  }
}

/** The certificates of --ca-file as PEM text (the file may be PEM or DER), or undefined when not given. */
export async function readCaFile(values: OptionValues): Promise<string | undefined> {
  const file = values['ca-file'];
  if (file === undefined) return undefined;
  const bytes = await readFileBytes(file, CA_FILE_MAX_BYTES, `--ca-file ${file}`);
  const pem = certificateFileToPem(bytes);
  if (pem === null) {
    throw new CliError(
      `--ca-file ${file} is not a certificate: give a PEM file (-----BEGIN CERTIFICATE-----) or one DER certificate (.cer/.der).`,
      EXIT.usage,
    );
  }
  return pem;
}

export interface Connection {
  profile: Profile;
  /** false for a connection given by flags: its secret cannot come from the keychain. */
  saved: boolean;
  /**
   * With --profile, --user-id names the end user of the operations (app auth; a bearer profile refuses
   * any user but its own). Undefined: the profile's default user.
   */
  userId?: string;
  /** The proxy routing of this run (routing.ts); set by lockCommandSetup. */
  routing?: Routing;
}

/** Builds and validates a profile from the connection flags; `caPem` is the content of --ca-file. */
export function profileInputFromFlags(
  values: OptionValues,
  name: string,
  command: string,
  caPem: string | undefined,
  locale: MessageLocale,
): ProfileInput {
  // A one-off connection may carry proxy credentials, used for this run only; a saved profile may not.
  const runTimeProxy = command === 'profile add' ? undefined : values.proxy?.trim();
  const credentialsProblem = runTimeProxy === undefined ? null : proxyUrlProblemMessage(runTimeProxy, true);
  if (credentialsProblem) throw new UsageError(`--proxy: ${localized(locale, credentialsProblem)}`, command);
  const input = {
    name,
    baseUrl: values['base-url'],
    userId: values['user-id'],
    authMode: values.auth,
    appId: values['app-id'],
    moduleCode: values.module ?? DEFAULT_MODULE_CODE,
    bearerPrefix: values['bearer-prefix'],
    proxyUrl: runTimeProxy === undefined ? values.proxy : withoutCredentials(runTimeProxy),
    caPem,
    environment: values.environment,
  };
  // A saved app profile may leave the user to each operation; a one-off connection names it here.
  const required = [
    ['baseUrl', '--base-url'],
    ['authMode', '--auth'],
    ...(command === 'profile add' && input.authMode === 'app' ? [] : ([['userId', '--user-id']] as const)),
  ] as const;
  for (const [field, flag] of required) {
    if (input[field] === undefined) throw new UsageError(`${flag} is required.`, command);
  }
  const parsed = safeParse(profileInputSchema, input);
  if (!parsed.ok) {
    const flag = FLAG_FOR_FIELD[parsed.error.path] ?? parsed.error.path;
    throw new UsageError(flagProblemText(locale, flag, parsed.error), command);
  }
  const missing = missingFieldText(locale, parsed.value);
  if (missing) throw new UsageError(missing, command);
  return runTimeProxy === undefined ? parsed.value : { ...parsed.value, proxyUrl: runTimeProxy };
}

/** The proxy URL without user name and password, for the checks a saved profile's proxy gets. */
function withoutCredentials(proxyUrl: string): string {
  const url = new URL(proxyUrl);
  url.username = '';
  url.password = '';
  return url.href;
}

/** Where a command without --profile or connection flags finds its profile (defaultProfile.ts). */
export interface ImplicitProfileSource {
  env: Readonly<Record<string, string | undefined>>;
  stderr: TextWriter;
}

/**
 * The profile named by --profile, else (when no connection flag is given either) KOODRIVE_PROFILE or the
 * default profile; null for a connection given by flags. Flags > environment > default.
 */
async function chosenProfile(
  values: OptionValues,
  store: ProfileStore,
  command: string,
  implicit: ImplicitProfileSource | undefined,
): Promise<Profile | null> {
  const clash = FLAGS_EXCLUDED_BY_PROFILE.find((flag) => values[flag] !== undefined);
  if (values.profile !== undefined) {
    if (clash) {
      throw new UsageError(
        `--${clash} cannot be combined with --profile: edit the profile, or give the whole connection with flags.`,
        command,
      );
    }
    return profileByName(store, values.profile);
  }
  if (clash || implicit === undefined) return null;
  return implicitProfile(store, implicit.env, implicit.stderr);
}

export async function resolveConnection(
  values: OptionValues,
  store: ProfileStore,
  command: string,
  implicit?: ImplicitProfileSource,
): Promise<Connection> {
  const profile = await chosenProfile(values, store, command, implicit);
  if (profile) {
    const userId = values['user-id']?.trim();
    if (userId !== undefined) {
      const user = resolveUserId(profile, userId);
      if (!user.ok) throw new UsageError(`--user-id: ${user.problem}`, command);
    }
    if (values.module === undefined) return { profile, saved: true, userId };
    const problem = moduleCodeProblem(values.module);
    if (problem) throw new UsageError(`--module: ${problem}`, command);
    return { profile: { ...profile, moduleCode: values.module }, saved: true, userId };
  }
  if (values['base-url'] === undefined) {
    throw new UsageError(
      'Say which KooDrive to use: --profile NAME (see `koodrive-lock profile list`), KOODRIVE_PROFILE, a default ' +
        'profile (`koodrive-lock profile use NAME`), or --base-url, --user-id and --auth.',
      command,
    );
  }
  const locale = implicit ? cliLocale(implicit.env) : 'en';
  const input = profileInputFromFlags(values, 'command line', command, await readCaFile(values), locale);
  return { profile: profileFromInput(input, FLAGS_PROFILE_ID), saved: false };
}
