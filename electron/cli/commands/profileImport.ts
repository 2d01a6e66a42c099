/** koodrive-lock profile import: profiles from an export document, all or none (docs/cli.md#profile-export-and-import). */
import type { Profile, ProfileInput } from '../../../shared/profile';
import { SchemaError } from '../../../shared/schema';
import { CliError, UsageError } from '../cliError';
import type { Command, CommandContext } from '../command';
import { writeJsonLine } from '../command';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';
import { type ExportedProfile, parseProfileDocument } from '../profileDocument';
import { profileFlag } from '../profileByName';
import { readAll, readTextFile } from '../readInput';
import { clearLeftoverEntries, keychainAfterSave } from './profileKeychainAfterSave';

const COMMAND = 'profile import';
const DOCUMENT_MAX_BYTES = 8 * 1024 * 1024;

type SecretAfterImport = 'none' | 'kept' | 'removed' | 'unknown';

interface Imported {
  profile: Profile;
  replaced: boolean;
  secret: SecretAfterImport;
  /** Why the secret was removed (the destination fields that changed); empty otherwise. */
  changes: string[];
}

async function readDocument(context: CommandContext, file: string): Promise<ExportedProfile[]> {
  const text =
    file === '-'
      ? await readAll(context.io.stdin, DOCUMENT_MAX_BYTES)
      : await readTextFile(file, DOCUMENT_MAX_BYTES, file);
  try {
    return parseProfileDocument(text);
  } catch (error) {
    if (error instanceof SchemaError)
      throw new CliError(`${file}: ${error.message}. Nothing was imported.`, EXIT.usage);
    throw error;
  }
}

function refuseDuplicates(imported: readonly ExportedProfile[], existing: readonly Profile[], replace: boolean): void {
  const seen = new Set<string>();
  for (const profile of imported) {
    const key = profile.name.toLowerCase();
    if (seen.has(key)) throw new CliError(`The file names "${profile.name}" twice. Nothing was imported.`, EXIT.usage);
    seen.add(key);
  }
  if (replace) return;
  const clashes = existing.filter((profile) => seen.has(profile.name.toLowerCase())).map((p) => `"${p.name}"`);
  if (clashes.length > 0) {
    throw new CliError(
      `Already saved: ${clashes.join(', ')}. Add --replace to replace them (each keeps its id), or rename them in the file. Nothing was imported.`,
      EXIT.usage,
    );
  }
}

async function importAll(context: CommandContext, imported: readonly ExportedProfile[]): Promise<Imported[]> {
  const existing = await context.profiles.list();
  refuseDuplicates(imported, existing, context.values.replace === true);
  const previousOf = (profile: ExportedProfile) =>
    existing.find((other) => other.name.toLowerCase() === profile.name.toLowerCase());
  const inputs: ProfileInput[] = imported.map((profile) => ({ ...profile, id: previousOf(profile)?.id }));
  const saved = await context.profiles.saveAll(inputs);
  const store = context.deps.secretStore;
  const results: Imported[] = [];
  for (const [index, profile] of saved.entries()) {
    const previous = previousOf(imported[index]);
    if (previous === undefined) {
      await clearLeftoverEntries(store, profile);
      results.push({ profile, replaced: false, secret: 'none', changes: [] });
      continue;
    }
    const keychain = await keychainAfterSave(store, previous, profile);
    const changes = keychain.destinationChanges;
    const secret = changes.length === 0 ? 'kept' : keychain.secretCleared === null ? 'unknown' : 'removed';
    results.push({ profile, replaced: true, secret, changes });
  }
  return results;
}

function lineFor({ profile, replaced, secret, changes }: Imported): string {
  const store = `koodrive-lock secret set ${profileFlag(profile.name)}`;
  const head = `${replaced ? 'Replaced' : 'Imported'} "${profile.name}" (id ${profile.id})`;
  if (secret === 'kept') return `${head}: the destination is the same, so its secret, if stored, is kept.`;
  if (secret === 'none') return `${head}: no secret stored; store it with: ${store}`;
  const why = `the destination changed (${changes.join(', ')})`;
  if (secret === 'removed') return `${head}: its secret was removed because ${why}; store it again with: ${store}`;
  return `${head}: ${why} and the keychain could not be reached, so the old secret stays there unused; store it again with: ${store}`;
}

export const profileImportCommand: Command = {
  name: COMMAND,
  summary: 'add profiles from an export document (all or none)',
  options: ['replace'],
  help: `Usage: koodrive-lock profile import FILE [--replace]

Adds the profiles of a document written by \`koodrive-lock profile export\` (FILE, or - for standard
input). Every profile is checked like \`profile add\`; if one fails a check, or a name is already
saved, nothing is imported. Imported profiles have no secret: store each with \`secret set\`.
      --replace       replace saved profiles of the same name (each keeps its id; its secret stays
                      only when the destination is the same, as with \`profile update\`)

${GLOBAL_HELP}

Exit status: 0 imported; 2 unreadable or invalid document, a name already saved, or usage problem
(nothing imported).`,

  async run(context) {
    const { operands, values, io } = context;
    if (operands.length !== 1) throw new UsageError('Give one file (or - for standard input).', COMMAND);
    const results = await importAll(context, await readDocument(context, operands[0]));
    if (values.json) {
      for (const { profile, replaced, secret } of results) {
        writeJsonLine(io, { name: profile.name, id: profile.id, replaced, secret });
      }
      return EXIT.ok;
    }
    for (const result of results) io.stdout.write(`${lineFor(result)}\n`);
    const replaced = results.filter((result) => result.replaced).length;
    const count = `${results.length} profile${results.length === 1 ? '' : 's'}`;
    io.stderr.write(`Imported ${count} (${results.length - replaced} new, ${replaced} replaced).\n`);
    return EXIT.ok;
  },
};
