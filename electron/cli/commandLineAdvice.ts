/**
 * Plain-language messages for a command line that the strict parser would refuse with Node's words: an
 * unknown option (with the closest option of that command), a missing or misplaced value. Runs before the
 * strict parse (options.ts), which stays the final judge.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './cliError';
import type { Command } from './command';
import { didYouMean } from './didYouMean';
import { GLOBAL_OPTIONS, OPTIONS, type OptionName } from './options';

type FindCommand = (positionals: readonly string[]) => Promise<{ command: Command } | null>;

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/** As Node's parser judges it: "-" alone is a value (stdin), "-x" or "--x" is an option. */
function looksLikeOption(value: string | undefined): boolean {
  return value !== undefined && value.length > 1 && value.startsWith('-');
}

function lenientTokens(argv: readonly string[]) {
  const parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  return { tokens: parsed.tokens, positionals: parsed.positionals };
}

/** Throws a UsageError that says what is wrong with the options, in the command's terms; returns when nothing is. */
export async function adviseOnCommandLine(argv: readonly string[], findCommand: FindCommand): Promise<void> {
  const { tokens, positionals } = lenientTokens(argv);
  const found = () => findCommand(positionals);
  for (const token of tokens) {
    if (token.kind === 'option-terminator') return;
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    if (!isOptionName(name)) {
      const command = (await found())?.command;
      const known = command ? [...GLOBAL_OPTIONS, ...command.options] : (Object.keys(OPTIONS) as OptionName[]);
      const hint = rawName.startsWith('--') ? didYouMean(name, known, (option) => `--${option}`) : '';
      const where = command ? ` for \`koodrive-lock ${command.name}\`` : '';
      throw new UsageError(
        `Unknown option ${rawName}${where}.${hint} (A value that starts with "-" goes after --, e.g. -- -x.)`,
        command?.name,
      );
    }
    const takesValue = OPTIONS[name].type === 'string';
    if (takesValue && token.value === undefined) {
      throw new UsageError(`${rawName} needs a value.`, (await found())?.command.name);
    }
    if (takesValue && !token.inlineValue && looksLikeOption(token.value)) {
      throw new UsageError(
        `${rawName} is followed by another option instead of its value: give the value right after ${rawName}, ` +
          `or write ${rawName}=VALUE if the value really starts with "-".`,
        (await found())?.command.name,
      );
    }
    if (!takesValue && token.value !== undefined) {
      throw new UsageError(`${rawName} takes no value.`, (await found())?.command.name);
    }
  }
}
