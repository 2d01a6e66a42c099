import type { Profile } from '../../../shared/profile';
import { CliError, UsageError } from '../cliError';
import type { CommandContext } from '../command';
import { EXIT } from '../exitCodes';

/** The saved profile named by --profile (secret commands) or by the single operand (profile show/remove). */
export async function requireProfile(
  context: CommandContext,
  command: string,
  from: 'option' | 'operand',
): Promise<Profile> {
  const name = from === 'option' ? context.values.profile : context.operands[0];
  if (from === 'operand' && context.operands.length > 1) throw new UsageError('Give one profile name.', command);
  if (name === undefined || name.trim() === '') {
    throw new UsageError(from === 'option' ? '--profile NAME is required.' : 'Give the profile name.', command);
  }
  const profile = await context.profiles.find(name);
  if (!profile) {
    throw new CliError(
      `There is no profile named "${name}" in ${context.dataDir}. \`koodrive-lock profile list\` shows the profiles.`,
      EXIT.usage,
    );
  }
  return profile;
}
