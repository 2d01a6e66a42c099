/**
 * koodrive-lock: the command-line front end over the same core as the desktop app. main() takes the
 * arguments and the process streams as parameters, so tests run it in-process as well as spawned.
 */
import { AuditLogError } from '../core/audit/auditLogError';
import { defaultDataDir } from '../core/profiles/dataDir';
import { ProfileStoreError } from '../core/profiles/profileStoreError';
import { SecretStoreError } from '../core/secrets/secretStore';
import { version as packageVersion } from '../../package.json';
import { CliError, UsageError } from './cliError';
import { type Command, createContext } from './command';
import { type CliDeps, defaultDeps } from './deps';
import { EXIT, type ExitCode } from './exitCodes';
import { EXIT_HELP, GLOBAL_HELP } from './help';
import type { CliIo } from './io';
import { adviseOnCommandLine } from './commandLineAdvice';
import { didYouMean } from './didYouMean';
import { checkAllowedOptions, parseCommandLine } from './options';

export const VERSION: string = packageVersion;

/** A command by name; its module is loaded only when that command runs (or a help lists it). */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

// One dynamic import per command: the build puts each in a chunk of its own, so a release never
// loads the history, profile or secret code (docs/benchmarks.md, CLI start-up).
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'release', load: async () => (await import('./commands/release')).releaseCommand },
  { name: 'renew', load: async () => (await import('./commands/renew')).renewCommand },
  { name: 'create', load: async () => (await import('./commands/create')).createCommand },
  { name: 'check', load: async () => (await import('./commands/check')).checkCommand },
  { name: 'curl', load: async () => (await import('./commands/curl')).curlCommand },
  { name: 'history', load: async () => (await import('./commands/history')).historyCommand },
  { name: 'records list', load: async () => (await import('./commands/records')).recordsListCommand },
  { name: 'records show', load: async () => (await import('./commands/records')).recordsShowCommand },
  { name: 'profile add', load: async () => (await import('./commands/profile')).profileAddCommand },
  { name: 'profile list', load: async () => (await import('./commands/profile')).profileListCommand },
  { name: 'profile show', load: async () => (await import('./commands/profile')).profileShowCommand },
  { name: 'profile use', load: async () => (await import('./commands/profileUse')).profileUseCommand },
  { name: 'profile update', load: async () => (await import('./commands/profileUpdate')).profileUpdateCommand },
  { name: 'profile export', load: async () => (await import('./commands/profileExport')).profileExportCommand },
  { name: 'profile import', load: async () => (await import('./commands/profileImport')).profileImportCommand },
  { name: 'profile remove', load: async () => (await import('./commands/profile')).profileRemoveCommand },
  {
    name: 'profile proxy-password',
    load: async () => (await import('./commands/proxyPassword')).profileProxyPasswordCommand,
  },
  { name: 'secret set', load: async () => (await import('./commands/secret')).secretSetCommand },
  { name: 'secret clear', load: async () => (await import('./commands/secret')).secretClearCommand },
  { name: 'secret status', load: async () => (await import('./commands/secret')).secretStatusCommand },
  { name: 'audit verify', load: async () => (await import('./commands/audit')).auditVerifyCommand },
  { name: 'completion', load: async () => (await import('./commands/completion')).completionCommandFor(COMMANDS) },
];

const GROUPS = ['records', 'profile', 'secret', 'audit'];

/** The first word of every command (release, profile, ...) and help: what "did you mean" offers. */
function topLevelWords(): Set<string> {
  return new Set(['help', ...COMMANDS.map((entry) => entry.name.split(' ')[0])]);
}

function subCommandsOf(group: string): string[] {
  return COMMANDS.filter((entry) => entry.name.startsWith(`${group} `)).map((entry) =>
    entry.name.slice(group.length + 1),
  );
}

function loadAll(entries: readonly CommandEntry[]): Promise<Command[]> {
  return Promise.all(entries.map((entry) => entry.load()));
}

export async function mainHelp(): Promise<string> {
  const commands = await loadAll(COMMANDS);
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `koodrive-lock ${VERSION}: release stuck KooDrive backup locks from the command line.

Usage: koodrive-lock <command> [options]

Commands:
${list}

Run \`koodrive-lock <command> --help\` for the options of a command.

${GLOBAL_HELP}

${EXIT_HELP}

Quick start against the local sandbox (npm run sandbox prints its URL and credentials):
  KOODRIVE_TOKEN=<token> koodrive-lock release --base-url http://127.0.0.1:PORT \\
    --user-id <userId> --auth bearer <lockId>
`;
}

/** The command named by the first one or two positionals (loaded), and how many positionals that took. */
async function findCommand(positionals: readonly string[]): Promise<{ command: Command; used: number } | null> {
  const two = `${positionals[0]} ${positionals[1]}`;
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: await byTwo.load(), used: 2 };
  const byOne = COMMANDS.find((c) => c.name === positionals[0]);
  return byOne ? { command: await byOne.load(), used: 1 } : null;
}

async function groupHelp(group: string): Promise<string> {
  const members = await loadAll(COMMANDS.filter((c) => c.name.startsWith(`${group} `)));
  return `Usage: koodrive-lock ${group} <${members.map((c) => c.name.slice(group.length + 1)).join('|')}> [options]\n\n${members
    .map((c) => `  ${c.name.padEnd(16)}  ${c.summary}`)
    .join('\n')}\n\nRun \`koodrive-lock ${group} <sub-command> --help\` for details.\n`;
}

async function dispatch(argv: readonly string[], io: CliIo, deps: () => CliDeps): Promise<ExitCode> {
  await adviseOnCommandLine(argv, findCommand);
  const line = parseCommandLine(argv);
  const { values, positionals } = line;
  if (values.version) {
    io.stdout.write(`koodrive-lock ${VERSION}\n`);
    return EXIT.ok;
  }
  if (positionals[0] === 'help') {
    const found = await findCommand(positionals.slice(1));
    if (found) io.stdout.write(`${found.command.help}\n`);
    else if (GROUPS.includes(positionals[1])) io.stdout.write(await groupHelp(positionals[1]));
    else io.stdout.write(await mainHelp());
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    if (values.help) {
      io.stdout.write(await mainHelp());
      return EXIT.ok;
    }
    io.stderr.write(await mainHelp());
    return EXIT.usage;
  }
  const found = await findCommand(positionals);
  if (!found) {
    if (GROUPS.includes(positionals[0])) {
      if (values.help) {
        io.stdout.write(await groupHelp(positionals[0]));
        return EXIT.ok;
      }
      const sub = positionals[1] === undefined ? 'a sub-command is missing' : `unknown sub-command "${positionals[1]}"`;
      const hint =
        positionals[1] === undefined
          ? ''
          : didYouMean(
              positionals[1],
              subCommandsOf(positionals[0]),
              (name) => `\`koodrive-lock ${positionals[0]} ${name}\``,
            );
      throw new UsageError(`${positionals[0]}: ${sub}.${hint}\n${await groupHelp(positionals[0])}`.trimEnd());
    }
    const hint = didYouMean(positionals[0], topLevelWords(), (name) => `\`koodrive-lock ${name}\``);
    throw new UsageError(`Unknown command "${positionals[0]}".${hint}`);
  }
  const { command, used } = found;
  if (values.help) {
    io.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  checkAllowedOptions(line, command.options, command.name);
  const dataDir = values['data-dir'] ?? defaultDataDir({ ...io.env });
  const context = createContext(io, deps(), values, positionals.slice(used), dataDir);
  return command.run(context);
}

function report(io: CliIo, error: unknown): ExitCode {
  if (error instanceof UsageError) {
    const help = error.command ? `koodrive-lock ${error.command} --help` : 'koodrive-lock --help';
    io.stderr.write(`koodrive-lock: ${error.message}\nRun \`${help}\` for usage.\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.stderr.write(`koodrive-lock: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof SecretStoreError || error instanceof ProfileStoreError) {
    io.stderr.write(`koodrive-lock: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof AuditLogError) {
    io.stderr.write(`koodrive-lock: ${error.message}\n`);
    return EXIT.internal;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
  io.stderr.write(`koodrive-lock: unexpected error (${message}). Please report it.\n`);
  return EXIT.internal;
}

/** Runs one command line and resolves with the exit status; it never throws and never exits the process. */
export async function main(argv: readonly string[], io: CliIo, deps: Partial<CliDeps> = {}): Promise<ExitCode> {
  try {
    return await dispatch(argv, io, () => defaultDeps(deps));
  } catch (error) {
    return report(io, error);
  }
}
