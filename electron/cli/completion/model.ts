/**
 * What shell completion offers, derived from the command table and the option table (docs/cli.md#completion):
 * commands and sub-commands, each command's own options, the values some options take, and which take files.
 */
import { RECORD_STATUS_NAMES } from '../../../shared/records';
import { ENVIRONMENTS } from '../../../shared/profile';
import type { Command } from '../command';
import { GLOBAL_OPTIONS, OPTIONS, type OptionName } from '../options';

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** One option as a shell sees it. */
export interface OptionSpec {
  long: string;
  short?: string;
  takesValue: boolean;
  choices?: readonly string[];
  file: boolean;
}

export interface CompletionModel {
  /** First words: commands, groups and help. */
  topWords: string[];
  /** Sub-commands of each group (profile → add, list, ...). */
  groups: Record<string, string[]>;
  /** Per command ("release", "profile add"): its option words, --long and -s. */
  optionsOf: Record<string, string[]>;
  /** Per command: its options (the global ones included). */
  specsOf: Record<string, OptionSpec[]>;
  /** Per command: summary, for shells that show descriptions. */
  summaryOf: Record<string, string>;
  /** Option words (--long and -s) that take a value: the next word is not a command. */
  valueOptions: string[];
  /** Option word → the values it accepts. */
  choicesOf: Record<string, string[]>;
  /** Option words whose value is a file or folder. */
  fileOptions: string[];
  /** Operand choices of a command (completion → its shells). */
  operandChoicesOf: Record<string, string[]>;
}

const CHOICES: Partial<Record<OptionName, readonly string[]>> = {
  auth: ['bearer', 'app'],
  shell: ['sh', 'powershell'],
  environment: ENVIRONMENTS,
  status: RECORD_STATUS_NAMES,
};
const FILE_OPTIONS: readonly OptionName[] = ['file', 'ca-file', 'retry-from', 'data-dir', 'pac'];

function shortOf(name: OptionName): string | undefined {
  return (OPTIONS[name] as { short?: string }).short;
}

function wordsOf(name: OptionName): string[] {
  const short = shortOf(name);
  return short === undefined ? [`--${name}`] : [`--${name}`, `-${short}`];
}

function specOf(name: OptionName): OptionSpec {
  const spec: OptionSpec = {
    long: name,
    takesValue: OPTIONS[name].type === 'string',
    file: FILE_OPTIONS.includes(name),
  };
  const short = shortOf(name);
  if (short !== undefined) spec.short = short;
  const choices = CHOICES[name];
  if (choices !== undefined) spec.choices = choices;
  return spec;
}

export function completionModel(commands: readonly Command[]): CompletionModel {
  const groups: Record<string, string[]> = {};
  const optionsOf: Record<string, string[]> = {};
  const specsOf: Record<string, OptionSpec[]> = {};
  const summaryOf: Record<string, string> = {};
  const topWords: string[] = [];
  for (const command of commands) {
    const [first, sub] = command.name.split(' ');
    if (!topWords.includes(first)) topWords.push(first);
    if (sub !== undefined) (groups[first] ??= []).push(sub);
    const names = [...new Set([...GLOBAL_OPTIONS, ...command.options])];
    optionsOf[command.name] = names.flatMap(wordsOf);
    specsOf[command.name] = names.map(specOf);
    summaryOf[command.name] = command.summary;
  }
  topWords.push('help');
  const names = Object.keys(OPTIONS) as OptionName[];
  const choicesOf: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(CHOICES) as [OptionName, readonly string[]][]) {
    for (const word of wordsOf(name)) choicesOf[word] = [...values];
  }
  return {
    topWords,
    groups,
    optionsOf,
    specsOf,
    summaryOf,
    valueOptions: names.filter((name) => OPTIONS[name].type === 'string').flatMap(wordsOf),
    choicesOf,
    fileOptions: FILE_OPTIONS.flatMap(wordsOf),
    operandChoicesOf: { completion: [...COMPLETION_SHELLS] },
  };
}
