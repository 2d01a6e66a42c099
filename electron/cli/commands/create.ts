import { UsageError } from '../cliError';
import type { Command } from '../command';
import { CONNECTION_HELP, DRY_RUN_HELP, EXIT_HELP, GLOBAL_HELP } from '../help';
import { lockCommandSetup, runLockPlan, commandSecret } from '../lockOperation';
import { CONNECTION_OPTIONS } from '../options';

export const createCommand: Command = {
  name: 'create',
  summary: 'create a backup lock (e.g. to practise against the sandbox)',
  options: [...CONNECTION_OPTIONS, 'dry-run'],
  help: `Usage: koodrive-lock create [options] [--module CODE]

Creates a backup lock (POST /koodrive/ose/v1/backup/lock, body {"moduleCode":"102"}) and prints its
ID. It expires after 10 minutes unless renewed; release it when you are done. To check that a profile
and its secret work, use \`koodrive-lock check\` instead: it changes nothing (on a real tenant a
created lock blocks that user's backups until it is released or expires). Use create to practise
against the sandbox, or with --dry-run to see the request.

Options:
${DRY_RUN_HELP}

${CONNECTION_HELP}

${GLOBAL_HELP}

${EXIT_HELP}

Example:
  koodrive-lock create --profile sandbox --module 100`,

  async run(context) {
    if (context.operands.length > 0) throw new UsageError('create takes no lock ID.', 'create');
    const { connection, timeoutMs } = await lockCommandSetup(context, 'create');
    const secret = await commandSecret(context, connection);
    return runLockPlan(context, connection, secret, {
      operation: 'create',
      rows: [],
      userId: connection.userId,
      moduleCode: connection.profile.moduleCode,
      batch: false,
      concurrency: 1,
      timeoutMs,
    });
  },
};
