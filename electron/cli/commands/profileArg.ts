import type { Profile } from '../../../shared/profile';
import { UsageError } from '../cliError';
import type { CommandContext } from '../command';
import { profileByName } from '../profileByName';

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
  return profileByName(context.profiles, name);
}
