/** koodrive-lock profile update: change some fields of a saved profile (docs/cli.md#profile-update). */
import { type Profile, type ProfileInput, profileInputSchema } from '../../../shared/profile';
import { safeParse } from '../../../shared/schema';
import { UsageError } from '../cliError';
import { cliLocale } from '../cliLocale';
import { flagProblemText, missingFieldText } from '../profileCheckText';
import type { Command, CommandContext } from '../command';
import { writeJsonLine } from '../command';
import { readCaFile } from '../connection';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';
import { CONNECTION_FIELD_OPTIONS, type OptionName } from '../options';
import { profileFlag } from '../profileByName';
import { requireProfile } from './profileArg';
import { type KeychainAfterSave, keychainAfterSave } from './profileKeychainAfterSave';

const COMMAND = 'profile update';

/** The flag that sets each profile field; an empty value removes the optional ones. */
const FIELD_FLAGS = {
  name: 'name',
  baseUrl: 'base-url',
  userId: 'user-id',
  authMode: 'auth',
  appId: 'app-id',
  moduleCode: 'module',
  environment: 'environment',
  bearerPrefix: 'bearer-prefix',
  proxyUrl: 'proxy',
  caPem: 'ca-file',
} as const satisfies Record<Exclude<keyof ProfileInput, 'id'>, OptionName>;

type Field = keyof typeof FIELD_FLAGS;

const REMOVABLE: readonly Field[] = ['userId', 'appId', 'bearerPrefix', 'proxyUrl', 'caPem'];

function flagOf(path: string): string {
  const field = Object.keys(FIELD_FLAGS).find((key) => key === path) as Field | undefined;
  return field === undefined ? path : `--${FIELD_FLAGS[field]}`;
}

/** The profile as the command line changes it: given fields replaced, empty optional ones removed. */
async function changedInput(context: CommandContext, profile: Profile): Promise<ProfileInput> {
  const { values } = context;
  const input: Record<string, unknown> = { ...profile };
  for (const [field, flag] of Object.entries(FIELD_FLAGS) as [Field, OptionName][]) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    if (value.trim() === '') {
      if (!REMOVABLE.includes(field)) throw new UsageError(`--${flag} cannot be empty.`, COMMAND);
      input[field] = undefined;
    } else input[field] = field === 'caPem' ? await readCaFile(values) : value;
  }
  const locale = cliLocale(context.io.env);
  const parsed = safeParse(profileInputSchema, input);
  if (!parsed.ok) throw new UsageError(flagProblemText(locale, flagOf(parsed.error.path), parsed.error), COMMAND);
  const missing = missingFieldText(locale, parsed.value, { nothingChanged: true });
  if (missing) throw new UsageError(missing, COMMAND);
  return parsed.value;
}

function changedFields(before: Profile, after: Profile): string[] {
  return (Object.keys(FIELD_FLAGS) as Field[]).filter((field) => before[field] !== after[field]);
}

function secretText(profile: Profile, keychain: KeychainAfterSave): string {
  const again = `koodrive-lock secret set ${profileFlag(profile.name)}`;
  if (keychain.destinationChanges.length === 0) return 'Its secret, if stored, is kept (the destination is unchanged).';
  const why = `the destination changed (${keychain.destinationChanges.join(', ')})`;
  if (keychain.secretCleared === null) {
    return `The keychain could not be reached, so a secret stored for it was not removed; it will not be used, because ${why}. Store the secret again: ${again}`;
  }
  if (keychain.secretCleared)
    return `Its secret was removed from the keychain because ${why}. Store it again: ${again}`;
  return `No secret was stored for it; ${why}. Store one with: ${again}`;
}

export const profileUpdateCommand: Command = {
  name: COMMAND,
  summary: 'change fields of a saved profile (a changed destination clears its secret)',
  options: [...CONNECTION_FIELD_OPTIONS, 'name', 'environment'],
  help: `Usage: koodrive-lock profile update NAME [--name NEW] [--base-url URL] [--auth bearer|app]
                                   [--app-id ID] [--user-id ID] [--module CODE]
                                   [--environment production|staging|sandbox|other]
                                   [--bearer-prefix WORD] [--proxy http://HOST:PORT] [--ca-file PEM]

Changes only the fields given; the others, the profile id and the default-profile choice stay. The
result is checked like \`profile add\`; when a check fails, nothing is changed.
  --name NEW           rename the profile (its id, and so its keychain entry, stays)
  --user-id, --app-id, --bearer-prefix, --proxy, --ca-file: an empty value ('') removes the field
The secret stays only while the destination is the same (base URL, auth mode, App ID, bearer prefix,
proxy, CA certificate): a change to any of them removes it from the keychain, and the output says
so; store it again with \`koodrive-lock secret set\`. A changed proxy also removes the proxy password.

${GLOBAL_HELP}

Exit status: 0 saved; 2 unknown profile, invalid value or usage problem (nothing changed).

Example:
  koodrive-lock profile update prod --module 101 --environment staging`,

  async run(context) {
    const previous = await requireProfile(context, COMMAND, 'operand');
    const given = Object.values(FIELD_FLAGS).filter((flag) => context.values[flag] !== undefined);
    if (given.length === 0) {
      throw new UsageError('Nothing to change: give at least one field, e.g. --module 101.', COMMAND);
    }
    const input = await changedInput(context, previous);
    const saved = await context.profiles.save({ ...input, id: previous.id });
    const keychain = await keychainAfterSave(context.deps.secretStore, previous, saved);
    const changed = changedFields(previous, saved);
    if (context.values.json) {
      writeJsonLine(context.io, {
        ...saved,
        changed,
        destinationChanged: keychain.destinationChanges.length > 0,
        secretCleared: keychain.secretCleared,
      });
      return EXIT.ok;
    }
    const what = changed.length === 0 ? 'nothing changed' : `changed: ${changed.map(flagOf).join(', ')}`;
    context.io.stdout.write(
      `Updated profile "${saved.name}" (id ${saved.id}; ${what}).\n${secretText(saved, keychain)}\n`,
    );
    if (keychain.proxyPasswordCleared) {
      context.io.stdout.write('Its proxy password was removed: it belonged to the previous proxy.\n');
    }
    return EXIT.ok;
  },
};
