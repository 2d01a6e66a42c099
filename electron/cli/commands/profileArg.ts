import type { Profile } from '../../../shared/profile';
import { UsageError } from '../cliError';
import type { CommandContext } from '../command';
import { implicitProfile } from '../defaultProfile';
import { profileByName } from '../profileByName';

/** The saved profile named by --profile (secret commands) or by the single operand (profile show/remove). */
export async function requireProfile(
  context: CommandContext,
  command: string,
  from: 'option' | 'operand',
): Promise<Profile> {
  const name = from === 'option' ? context.values.profile : context.operands[0];
  if (from === 'operand' && context.operands.length > 1) throw new UsageError('Give one profile name.', command);
  if (from === 'option' && name === undefined) {
    const implicit = await implicitProfile(context.profiles, context.io.env, context.io.stderr);
    if (implicit) return implicit;
  }
  if (name === undefined || name.trim() === '') {
    const missing =
      from === 'option'
        ? '--profile NAME is required. (Or set KOODRIVE_PROFILE, or a default with `koodrive-lock profile use NAME`.)'
        : 'Give the profile name.';
    throw new UsageError(missing, command);
  }
  return profileByName(context.profiles, name);
}
