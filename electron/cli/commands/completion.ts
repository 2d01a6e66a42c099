/** koodrive-lock completion bash|zsh|fish|powershell: a completion script made from the command table. */
import { UsageError } from '../cliError';
import type { Command } from '../command';
import { bashScript } from '../completion/bash';
import { fishScript } from '../completion/fish';
import { COMPLETION_SHELLS, type CompletionShell, completionModel } from '../completion/model';
import { powershellScript } from '../completion/powershell';
import { zshScript } from '../completion/zsh';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';

/** A command table entry as main.ts has it (the type is repeated here so this module does not import main). */
interface LoadableCommand {
  name: string;
  load(): Promise<Command>;
}

const SCRIPT_FOR: Record<CompletionShell, typeof bashScript> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
  powershell: powershellScript,
};

function isShell(word: string): word is CompletionShell {
  return (COMPLETION_SHELLS as readonly string[]).includes(word);
}

/** The completion command over the given command table (itself included, as the table lists it). */
export function completionCommandFor(table: readonly LoadableCommand[]): Command {
  return {
    name: 'completion',
    summary: 'print a shell completion script (bash, zsh, fish or powershell)',
    options: [],
    help: `Usage: koodrive-lock completion bash|zsh|fish|powershell

Prints a script that completes koodrive-lock's commands, sub-commands and each command's own options
(and the values of --auth, --shell, --environment and --status; file names after --file, --ca-file,
--retry-from, --pac and --data-dir). It is made from the same command table as --help.
  bash        source <(koodrive-lock completion bash)
              or: koodrive-lock completion bash > ~/.local/share/bash-completion/completions/koodrive-lock
  zsh         source <(koodrive-lock completion zsh)        (in ~/.zshrc; uses zsh's bashcompinit)
  fish        koodrive-lock completion fish > ~/.config/fish/completions/koodrive-lock.fish
  powershell  koodrive-lock completion powershell | Out-String | Invoke-Expression   (in $PROFILE)

${GLOBAL_HELP}

Exit status: 0 the script was printed; 2 no shell or an unknown one.`,

    async run(context) {
      const { operands, io } = context;
      const shell = operands[0];
      if (operands.length !== 1 || shell === undefined || !isShell(shell)) {
        throw new UsageError(`Give one shell: ${COMPLETION_SHELLS.join(', ')}.`, 'completion');
      }
      const commands = await Promise.all(table.map((entry) => entry.load()));
      io.stdout.write(SCRIPT_FOR[shell](completionModel(commands)));
      return EXIT.ok;
    },
  };
}
