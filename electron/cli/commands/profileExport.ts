/** koodrive-lock profile export: profiles as a versioned JSON document, never a secret (docs/cli.md#profile-export-and-import). */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Profile } from '../../../shared/profile';
import { writeFileAtomic } from '../../core/profiles/atomicWrite';
import { CliError, UsageError } from '../cliError';
import type { Command, CommandContext } from '../command';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';
import { profileDocument } from '../profileDocument';
import { profileByName } from '../profileByName';

const COMMAND = 'profile export';

async function chosenProfiles(context: CommandContext): Promise<Profile[]> {
  if (context.operands.length === 0) return context.profiles.list();
  const chosen: Profile[] = [];
  for (const name of context.operands) {
    const profile = await profileByName(context.profiles, name);
    if (!chosen.some((other) => other.id === profile.id)) chosen.push(profile);
  }
  return chosen;
}

async function writeDocument(file: string, text: string): Promise<void> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(file, text, { mode: 0o600 });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(
      `Could not write ${file} (${String(code ?? 'unknown error')}). Nothing was exported.`,
      EXIT.usage,
    );
  }
}

export const profileExportCommand: Command = {
  name: COMMAND,
  summary: 'write profiles as a JSON document (never a secret)',
  options: ['output'],
  help: `Usage: koodrive-lock profile export [NAME...] [--output FILE]

Writes the named profiles (all of them without a NAME) as one JSON document — to standard output, or
to FILE with --output (-o). The document has a kind, a version and the profiles' fields as
\`profile add\` takes them; never a secret, never a proxy password, never a profile id. Read it back
with \`koodrive-lock profile import FILE\`, then store each secret with \`koodrive-lock secret set\`.
  -o, --output FILE    write the document to FILE instead of standard output

${GLOBAL_HELP}

Exit status: 0 written; 2 unknown profile, unwritable file or usage problem.

Example:
  koodrive-lock profile export prod staging --output profiles.json`,

  async run(context) {
    const { values, io, deps } = context;
    if (values.output?.trim() === '') throw new UsageError('--output needs a file name.', COMMAND);
    const profiles = await chosenProfiles(context);
    const text = `${JSON.stringify(profileDocument(profiles, deps.clock.now()), null, 2)}\n`;
    if (values.output === undefined) {
      io.stdout.write(text);
      return EXIT.ok;
    }
    await writeDocument(values.output, text);
    const count = `${profiles.length} profile${profiles.length === 1 ? '' : 's'}`;
    io.stderr.write(`Exported ${count} to ${values.output} (no secrets, no proxy passwords).\n`);
    return EXIT.ok;
  },
};
