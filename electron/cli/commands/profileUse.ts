/** koodrive-lock profile use: the default profile of commands that name none (docs/cli.md#which-profile). */
import { UsageError } from '../cliError';
import type { Command } from '../command';
import { writeJsonLine } from '../command';
import { CLI_SETTINGS_FILE, PROFILE_VARIABLE, defaultProfile, writeDefaultProfileId } from '../defaultProfile';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';
import { profileByName } from '../profileByName';

export const profileUseCommand: Command = {
  name: 'profile use',
  summary: 'set (or show, or --clear) the default profile',
  options: ['clear'],
  help: `Usage: koodrive-lock profile use NAME
       koodrive-lock profile use            # shows the default profile
       koodrive-lock profile use --clear

Sets the profile that release, renew, create, check, curl, records and secret use when the command
line names none (no --profile and no --base-url). Which profile a command takes:
  1. --profile NAME, or the whole connection as flags (--base-url, --user-id, --auth ...)
  2. the environment variable ${PROFILE_VARIABLE}=NAME
  3. the default profile set here (kept in ${CLI_SETTINGS_FILE} in the data folder)
When 2 or 3 is taken, stderr says so. NAME matches a profile's name exactly.
      --clear              remove the default profile

${GLOBAL_HELP}

Exit status: 0 done; 2 unknown profile or usage problem.`,

  async run(context) {
    const { operands, values, io, profiles } = context;
    if (operands.length > 1) throw new UsageError('Give one profile name.', 'profile use');
    if (values.clear) {
      if (operands.length > 0) throw new UsageError('--clear takes no profile name.', 'profile use');
      await writeDefaultProfileId(context.dataDir, null);
      if (values.json) writeJsonLine(io, { defaultProfile: null });
      else io.stdout.write('No default profile: commands need --profile, KOODRIVE_PROFILE or connection flags.\n');
      return EXIT.ok;
    }
    if (operands.length === 0) {
      const current = await defaultProfile(profiles);
      if (values.json) writeJsonLine(io, { defaultProfile: current?.name ?? null });
      else io.stdout.write(current ? `Default profile: ${current.name}\n` : 'No default profile is set.\n');
      return EXIT.ok;
    }
    const profile = await profileByName(profiles, operands[0]);
    await writeDefaultProfileId(context.dataDir, profile.id);
    if (values.json) writeJsonLine(io, { defaultProfile: profile.name });
    else io.stdout.write(`Default profile: ${profile.name}\n`);
    return EXIT.ok;
  },
};
