import { ProfileStore } from '../core/profiles/profileStore';
import type { CliDeps } from './deps';
import type { ExitCode } from './exitCodes';
import type { CliIo } from './io';
import type { OptionName, OptionValues } from './options';

export interface CommandContext {
  io: CliIo;
  deps: CliDeps;
  values: OptionValues;
  /** Positional arguments after the command name(s). */
  operands: string[];
  dataDir: string;
  profiles: ProfileStore;
}

export interface Command {
  /** "release", or "secret set" for a sub-command. */
  name: string;
  summary: string;
  /** The full --help text. */
  help: string;
  /** Options besides the global ones. */
  options: readonly OptionName[];
  run(context: CommandContext): Promise<ExitCode>;
}

export function createContext(
  io: CliIo,
  deps: CliDeps,
  values: OptionValues,
  operands: string[],
  dataDir: string,
): CommandContext {
  return { io, deps, values, operands, dataDir, profiles: new ProfileStore(dataDir) };
}

/** Writes one JSON object per line (JSON Lines). */
export function writeJsonLine(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value)}\n`);
}
