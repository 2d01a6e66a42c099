/**
 * Every option the CLI knows, parsed strictly in one pass (so global options may come before or
 * after the command); each command then says which of them it accepts.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cliError';

export const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  timeout: { type: 'string' },
  'data-dir': { type: 'string' },
  profile: { type: 'string', short: 'p' },
  'base-url': { type: 'string' },
  'user-id': { type: 'string' },
  auth: { type: 'string' },
  'app-id': { type: 'string' },
  module: { type: 'string' },
  'bearer-prefix': { type: 'string' },
  proxy: { type: 'string' },
  pac: { type: 'string' },
  'ca-file': { type: 'string' },
  'secret-stdin': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  shell: { type: 'string' },
  file: { type: 'string', short: 'f' },
  concurrency: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  'skip-invalid': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  name: { type: 'string' },
  lock: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
  user: { type: 'string' },
  batch: { type: 'string' },
  outcome: { type: 'string' },
  operation: { type: 'string' },
  'retry-from': { type: 'string' },
  'allow-unusual': { type: 'boolean' },
  clear: { type: 'boolean' },
  environment: { type: 'string' },
  status: { type: 'string' },
  device: { type: 'string' },
  output: { type: 'string', short: 'o' },
  replace: { type: 'boolean' },
} as const;

export type OptionName = keyof typeof OPTIONS;
export type OptionValues = {
  [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** Accepted by every command. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['help', 'version', 'json', 'verbose', 'timeout', 'data-dir'];

/** The fields of a connection given as flags (a one-off connection, or `profile add`). */
export const CONNECTION_FIELD_OPTIONS: readonly OptionName[] = [
  'base-url',
  'user-id',
  'auth',
  'app-id',
  'module',
  'bearer-prefix',
  'proxy',
  'ca-file',
];

/** Where to connect and which secret to use, for release, renew and create. */
export const CONNECTION_OPTIONS: readonly OptionName[] = [
  'profile',
  ...CONNECTION_FIELD_OPTIONS,
  'pac',
  'secret-stdin',
];

/** release and renew: the lock ID names the module, so they take no --module. */
export const LOCK_ID_CONNECTION_OPTIONS: readonly OptionName[] = CONNECTION_OPTIONS.filter((name) => name !== 'module');

export interface ParsedCommandLine {
  values: OptionValues;
  positionals: string[];
  /** Options actually given, in order, as typed (--name or -n). */
  given: { name: OptionName; raw: string }[];
}

function isOptionName(name: string | undefined): name is OptionName {
  return name !== undefined && Object.hasOwn(OPTIONS, name);
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  try {
    const parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
    const given: ParsedCommandLine['given'] = [];
    for (const token of parsed.tokens) {
      if (token.kind === 'option' && isOptionName(token.name)) given.push({ name: token.name, raw: token.rawName });
    }
    return { values: parsed.values, positionals: parsed.positionals, given };
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(error.message);
    throw error;
  }
}

/** Rejects options that the command does not take, naming the first one. */
export function checkAllowedOptions(line: ParsedCommandLine, allowed: readonly OptionName[], command: string): void {
  const accepted = new Set<OptionName>([...GLOBAL_OPTIONS, ...allowed]);
  const wrong = line.given.find((option) => !accepted.has(option.name));
  if (wrong) throw new UsageError(`\`koodrive-lock ${command}\` does not take ${wrong.raw}.`, command);
}

/** A whole number option within [min, max]; the fallback when it is not given. */
export function integerOption(
  values: OptionValues,
  name: 'timeout' | 'concurrency' | 'limit',
  range: { min: number; max: number; fallback: number },
  command?: string,
): number {
  const text = values[name];
  if (text === undefined) return range.fallback;
  const value = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`--${name} must be a whole number from ${range.min} to ${range.max}.`, command);
  }
  return value;
}
