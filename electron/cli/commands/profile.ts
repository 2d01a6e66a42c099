/** koodrive-lock profile add | list | show | remove: connection profiles shared with the desktop app. */
import type { Profile } from '../../../shared/profile';
import { CONNECTION_FIELD_OPTIONS } from '../options';
import { profileSecretState } from '../../core/secrets/boundSecret';
import { clearProxyCredential, proxyCredentialAccount } from '../../core/secrets/proxyCredential';
import { SecretStoreError } from '../../core/secrets/secretStore';
import { CliError, UsageError } from '../cliError';
import { cliLocale } from '../cliLocale';
import type { Command, CommandContext } from '../command';
import { writeJsonLine } from '../command';
import { DEFAULT_MODULE_CODE, profileInputFromFlags, readCaFile } from '../connection';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP, OUTPUT_FORMAT_HELP } from '../help';
import { csvTable, outputFormat } from '../outputFormat';
import { confirm } from '../readInput';
import { formatTable } from '../table';
import { requireProfile } from './profileArg';
import { profileFlag } from '../profileByName';

const PROFILE_CSV_COLUMNS = [
  'id',
  'name',
  'environment',
  'authMode',
  'appId',
  'moduleCode',
  'userId',
  'baseUrl',
  'bearerPrefix',
  'proxyUrl',
] as const satisfies readonly (keyof Profile)[];

function authText(profile: Profile): string {
  return profile.authMode === 'app'
    ? `app (App ID ${profile.appId ?? '?'})`
    : `bearer (prefix ${profile.bearerPrefix ?? 'Bearer'})`;
}

export const profileAddCommand: Command = {
  name: 'profile add',
  summary: 'save a connection profile (the secret goes to the keychain separately)',
  options: ['name', ...CONNECTION_FIELD_OPTIONS, 'environment'],
  help: `Usage: koodrive-lock profile add --name NAME --base-url URL --auth bearer|app [--user-id ID]
                                [--app-id ID] [--module CODE] [--bearer-prefix WORD]
                                [--environment production|staging|sandbox|other]
                                [--proxy http://HOST:PORT] [--ca-file PEM]

Saves a profile — a connection to one KooDrive tenant — in profiles.json in the data folder (shared
with the desktop app). The secret is not part of the profile: store it afterwards with
\`koodrive-lock secret set --profile NAME\`.
  --name NAME          shown in lists; the profile id is made from it
  --base-url URL       https:// (http:// only for 127.0.0.1 / localhost, the sandbox)
  --user-id ID         bearer: the token's user (required). app: the default end user (optional;
                       each command can name another with --user-id)
  --environment ENV    production, staging, sandbox or other; named in every confirmation
                       (default: production for the KooDrive hosts, sandbox for 127.0.0.1, else other)
  --auth bearer|app    access token, or App ID + App secret (HMAC-SHA256)
  --app-id ID          required for --auth app
  --module CODE        100 folders, 101 album, 102 contacts (default ${DEFAULT_MODULE_CODE}); used by create
  --bearer-prefix WORD Authorization prefix for bearer mode (default Bearer)
  --proxy URL          HTTP proxy (http://host:port) that HTTPS is tunnelled through
  --ca-file PEM        extra CA certificate(s) to trust, e.g. a company's TLS-inspection CA

${GLOBAL_HELP}

Example:
  koodrive-lock profile add --name prod --base-url https://intl.myhuaweicloud-koodrive.com \\
    --user-id 1505084218764547200 --auth app --app-id 0123abcd...`,

  async run(context) {
    if (context.operands.length > 0)
      throw new UsageError('profile add takes options only (see --help).', 'profile add');
    if (context.values.name === undefined) throw new UsageError('--name is required.', 'profile add');
    const input = profileInputFromFlags(
      context.values,
      context.values.name,
      'profile add',
      await readCaFile(context.values),
      cliLocale(context.io.env),
    );
    const profile = await context.profiles.save(input);
    if (context.values.json) writeJsonLine(context.io, profile);
    else {
      context.io.stdout.write(
        `Saved profile "${profile.name}" (id ${profile.id}). Store its secret with: koodrive-lock secret set ${profileFlag(profile.name)}\n`,
      );
    }
    return EXIT.ok;
  },
};

export const profileListCommand: Command = {
  name: 'profile list',
  summary: 'list the saved profiles',
  options: ['output'],
  help: `Usage: koodrive-lock profile list [--output table|json|csv] [--json]

Lists the saved profiles (json: one profile object per line; csv: ${PROFILE_CSV_COLUMNS.join(', ')}).
Secrets are not shown.
${OUTPUT_FORMAT_HELP}

${GLOBAL_HELP}`,

  async run(context) {
    if (context.operands.length > 0) throw new UsageError('profile list takes no arguments.', 'profile list');
    const format = outputFormat(context.values, 'profile list');
    const profiles = await context.profiles.list();
    if (format === 'json') {
      for (const profile of profiles) writeJsonLine(context.io, profile);
      return EXIT.ok;
    }
    if (format === 'csv') {
      const rows = profiles.map((profile) => PROFILE_CSV_COLUMNS.map((column) => profile[column]));
      context.io.stdout.write(csvTable(PROFILE_CSV_COLUMNS, rows));
      return EXIT.ok;
    }
    if (profiles.length === 0) {
      context.io.stdout.write(`No profiles in ${context.dataDir}. Add one with \`koodrive-lock profile add\`.\n`);
      return EXIT.ok;
    }
    const rows = profiles.map((p) => [
      p.id,
      p.name,
      p.environment,
      p.authMode,
      p.moduleCode,
      p.userId ?? '(per operation)',
      p.baseUrl,
    ]);
    context.io.stdout.write(
      `${formatTable(['ID', 'NAME', 'ENVIRONMENT', 'AUTH', 'MODULE', 'USER ID', 'BASE URL'], rows, 100)}\n`,
    );
    return EXIT.ok;
  },
};

export const profileShowCommand: Command = {
  name: 'profile show',
  summary: 'show one profile and whether its secret is stored',
  options: [],
  help: `Usage: koodrive-lock profile show NAME [--json]

Shows the profile and whether the OS keychain holds its secret (the secret itself is never shown).

${GLOBAL_HELP}`,

  async run(context) {
    const profile = await requireProfile(context, 'profile show', 'operand');
    const store = context.deps.secretStore;
    let secret: string;
    let stored: boolean | null = null;
    try {
      const state = await profileSecretState(store, profile);
      stored = state.stored;
      if (!state.stored) secret = `not stored (koodrive-lock secret set ${profileFlag(profile.name)})`;
      else if (state.usable) secret = `stored in ${store.label}`;
      else {
        secret = `stored for another destination, so it will not be used: store it again (koodrive-lock secret set ${profileFlag(profile.name)})`;
      }
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      secret = `unknown: ${error.message}`;
    }
    if (context.values.json) {
      writeJsonLine(context.io, { ...profile, secretStored: stored });
      return EXIT.ok;
    }
    const rows: [string, string][] = [
      ['name', profile.name],
      ['id', profile.id],
      ['base URL', profile.baseUrl],
      ['environment', profile.environment],
      ['user ID', profile.userId ?? 'none: chosen per operation (--user-id)'],
      ['auth', authText(profile)],
      ['module', profile.moduleCode],
      ['proxy', profile.proxyUrl ?? 'none'],
      ['CA', profile.caPem ? 'extra CA certificate(s) trusted' : 'system trust store'],
      ['secret', secret],
    ];
    context.io.stdout.write(`${rows.map(([key, value]) => `${`${key}:`.padEnd(13)}${value}`).join('\n')}\n`);
    return EXIT.ok;
  },
};

export const profileRemoveCommand: Command = {
  name: 'profile remove',
  summary: 'remove a profile and its keychain entries (asks first)',
  options: ['yes'],
  help: `Usage: koodrive-lock profile remove NAME [--yes]

Removes the profile from profiles.json and its secret and proxy password from the OS keychain. The
audit log keeps its entries. Asks first on a terminal; --yes (-y) skips the question, and is needed
when standard input is not a terminal.
Without a reachable keychain (a server without a desktop session) the profile is still removed and a
note says that a secret stored for it, if any, stays in the keychain: it is never used for another
profile, because saving a profile clears any entry left under its id.

${GLOBAL_HELP}`,

  async run(context) {
    const profile = await requireProfile(context, 'profile remove', 'operand');
    await confirmRemoval(context, profile);
    let removedSecret: boolean | null = null;
    try {
      removedSecret = await context.deps.secretStore.delete(profile.id);
      await clearProxyCredential(context.deps.secretStore, profile.id);
    } catch (error) {
      if (!(error instanceof SecretStoreError)) throw error;
      context.io.stderr.write(
        `koodrive-lock: the keychain could not be reached (${error.message.split('\n')[0]}), so a secret or proxy password stored for "${profile.name}", if any, was not removed (service koodrive-lock-admin, accounts ${profile.id} and ${proxyCredentialAccount(profile.id)}).\n`,
      );
    }
    await context.profiles.remove(profile.id);
    if (context.values.json) writeJsonLine(context.io, { removed: profile.id, secretRemoved: removedSecret });
    else {
      const note =
        removedSecret === null ? '' : removedSecret ? ' and its secret from the keychain' : ' (no secret was stored)';
      context.io.stdout.write(`Removed profile "${profile.name}"${note}.\n`);
    }
    return EXIT.ok;
  },
};

async function confirmRemoval(context: CommandContext, profile: Profile): Promise<void> {
  if (context.values.yes) return;
  if (!context.io.stdinIsTTY) {
    throw new CliError(
      `Removing profile "${profile.name}" needs confirmation and standard input is not a terminal to ask on: add --yes. Nothing was removed.`,
      EXIT.usage,
    );
  }
  const where = `${new URL(profile.baseUrl).host}, ${profile.environment.toUpperCase()}`;
  if (!(await confirm(context.io, `Remove profile "${profile.name}" (${where}) and its keychain entries?`))) {
    throw new CliError('Nothing was removed.', EXIT.usage);
  }
}
