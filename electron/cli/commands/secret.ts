/** koodrive-lock secret set | clear | status: the profile's entry in the OS keychain. */
import { CliError, UsageError } from '../cliError';
import { profileSecretState, storeProfileSecret } from '../../core/secrets/boundSecret';
import type { Command, CommandContext } from '../command';
import { writeJsonLine } from '../command';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';
import { readSecretLine } from '../readInput';
import { envNameFor, secretInputProblem, secretNoun } from '../secretSource';
import { requireProfile } from './profileArg';
import { profileFlag } from '../profileByName';
import { SecretStoreError } from '../../core/secrets/secretStore';
import type { Profile } from '../../../shared/profile';

function noOperands(context: CommandContext, command: string): void {
  if (context.operands.length > 0) {
    throw new UsageError(`\`koodrive-lock ${command}\` takes no arguments; name the profile with --profile.`, command);
  }
}

const KEYCHAIN_NOTE = `The keychain entry has the service name koodrive-lock-admin and the profile id as account.
If no keychain is reachable the command says why and how to fix it (exit 2); it never falls back
to a file.`;

export const secretSetCommand: Command = {
  name: 'secret set',
  summary: "store a profile's access token or App secret in the OS keychain",
  options: ['profile'],
  help: `Usage: koodrive-lock secret set --profile NAME

Reads the access token (bearer profiles) or App secret (app profiles) from standard input and stores
it in the OS keychain. Typed on a terminal, nothing is echoed; piped, the first line is used:
  printf '%s\\n' "$TOKEN" | koodrive-lock secret set --profile prod

${KEYCHAIN_NOTE}

${GLOBAL_HELP}`,

  async run(context) {
    noOperands(context, 'secret set');
    const profile = await requireProfile(context, 'secret set', 'option');
    const noun = secretNoun(profile.authMode);
    const secret = await readSecretLine(context.io, `${noun} for profile ${profile.name} (input hidden): `);
    if (secret === null) throw new CliError(`No ${noun} was read from standard input; nothing was saved.`, EXIT.usage);
    const problem = secretInputProblem(secret, profile.authMode);
    if (problem) throw new CliError(`The ${noun} ${problem}; nothing was saved.`, EXIT.usage);
    const store = context.deps.secretStore;
    await storeProfileSecret(store, profile, secret);
    if (context.values.json) writeJsonLine(context.io, { profile: profile.id, stored: true, store: store.label });
    else context.io.stdout.write(`Stored the ${noun} for profile "${profile.name}" in ${store.label}.\n`);
    return EXIT.ok;
  },
};

export const secretClearCommand: Command = {
  name: 'secret clear',
  summary: "remove a profile's secret from the OS keychain",
  options: ['profile'],
  help: `Usage: koodrive-lock secret clear --profile NAME

Removes the profile's access token or App secret from the OS keychain. The profile itself stays.

${GLOBAL_HELP}`,

  async run(context) {
    noOperands(context, 'secret clear');
    const profile = await requireProfile(context, 'secret clear', 'option');
    const store = context.deps.secretStore;
    const removed = await store.delete(profile.id);
    if (context.values.json)
      writeJsonLine(context.io, { profile: profile.id, stored: false, removed, store: store.label });
    else {
      context.io.stdout.write(
        removed
          ? `Removed the secret of profile "${profile.name}" from ${store.label}.\n`
          : `No secret was stored for profile "${profile.name}" in ${store.label}; nothing to remove.\n`,
      );
    }
    return EXIT.ok;
  },
};

export const secretStatusCommand: Command = {
  name: 'secret status',
  summary: 'say whether a secret is stored for a profile (never prints it)',
  options: ['profile'],
  help: `Usage: koodrive-lock secret status --profile NAME

Says whether the OS keychain holds a secret for the profile. The secret itself is never printed.
Exit status 0 whether stored or not (use --json and read "stored" in scripts); 2 when the keychain
cannot tell: it is locked, or there is none ("keychain": "locked" | "unavailable" in --json). On
Linux a locked keyring is told apart from an absent entry (docs/security.md#a-locked-keychain).

${GLOBAL_HELP}`,

  async run(context) {
    noOperands(context, 'secret status');
    const profile = await requireProfile(context, 'secret status', 'option');
    const store = context.deps.secretStore;
    let state: { stored: boolean; usable: boolean };
    try {
      state = await profileSecretState(store, profile);
    } catch (error) {
      if (!(error instanceof SecretStoreError) || error.failure === 'failed') throw error;
      const keychain = error.failure === 'locked' ? 'locked' : 'unavailable';
      if (context.values.json)
        writeJsonLine(context.io, { profile: profile.id, stored: null, keychain, store: store.label });
      context.io.stderr.write(`koodrive-lock: ${keychainCannotTell(keychain, profile, store.label)}\n`);
      return EXIT.usage;
    }
    const { stored, usable } = state;
    if (context.values.json) {
      writeJsonLine(context.io, {
        profile: profile.id,
        stored,
        destinationChanged: stored && !usable,
        store: store.label,
      });
      return EXIT.ok;
    }
    const noun = secretNoun(profile.authMode);
    context.io.stdout.write(
      stored
        ? usable
          ? `An ${noun} is stored for profile "${profile.name}" in ${store.label}.\n`
          : `An ${noun} is stored for profile "${profile.name}", but for another destination than the profile's current one, so it will not be used. Store it again with \`koodrive-lock secret set ${profileFlag(profile.name)}\`.\n`
        : `No ${noun} is stored for profile "${profile.name}" in ${store.label}. Store one with \`koodrive-lock secret set ${profileFlag(profile.name)}\`, or set ${envNameFor(profile.authMode)}.\n`,
    );
    return EXIT.ok;
  },
};

/** The short CLI word for a keychain that cannot say whether a secret is stored: the way around it first. */
export function keychainCannotTell(keychain: 'locked' | 'unavailable', profile: Profile, label: string): string {
  const noun = secretNoun(profile.authMode);
  const route = `pass the ${noun} through ${envNameFor(profile.authMode)} or on standard input with --secret-stdin`;
  if (keychain === 'locked') {
    const unlock =
      process.platform === 'linux'
        ? 'log in to the desktop, or see "Linux: the keychain" in the README'
        : `in ${label}`;
    return `the keychain is locked, so it cannot say whether an ${noun} is stored for profile "${profile.name}": unlock it (${unlock}) or ${route}.`;
  }
  const start =
    process.platform === 'linux'
      ? 'sudo apt install gnome-keyring libsecret-1-0; see "Linux: the keychain" in the README'
      : `check ${label}`;
  return `the keychain (${label}) is not available, so it cannot say whether an ${noun} is stored for profile "${profile.name}": start one (${start}) or ${route}.`;
}
