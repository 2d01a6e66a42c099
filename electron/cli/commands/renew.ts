import { checkLockId } from '../../../shared/identifiers';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { EXIT } from '../exitCodes';
import { DRY_RUN_HELP, EXIT_HELP, GLOBAL_HELP, connectionHelpFor } from '../help';
import { lockCommandSetup, runLockPlan, commandSecret } from '../lockOperation';
import { LOCK_ID_CONNECTION_OPTIONS } from '../options';

export const renewCommand: Command = {
  name: 'renew',
  summary: 'renew a lock for another 10 minutes',
  options: [...LOCK_ID_CONNECTION_OPTIONS, 'dry-run'],
  help: `Usage: koodrive-lock renew [options] <lockId>

Renews one backup lock (PATCH /koodrive/ose/v1/backup/lock): it stays valid for another 10 minutes.

Options:
${DRY_RUN_HELP}

${connectionHelpFor(LOCK_ID_CONNECTION_OPTIONS)}

${GLOBAL_HELP}

${EXIT_HELP}

Example:
  koodrive-lock renew --profile prod 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102`,

  async run(context) {
    const { operands, io } = context;
    if (operands.length !== 1) throw new UsageError('renew takes exactly one lock ID.', 'renew');
    const { connection, timeoutMs } = await lockCommandSetup(context, 'renew');
    const check = checkLockId(operands[0]);
    if (!check.ok) throw new CliError(`Invalid lock ID: ${check.problem} Nothing was sent.`, EXIT.usage);
    if (check.hint) io.stderr.write(`note: ${check.hint}\n`);
    const secret = await commandSecret(context, connection);
    return runLockPlan(context, connection, secret, {
      operation: 'renew',
      rows: [{ lockId: check.lockId, userId: connection.userId }],
      batch: false,
      concurrency: 1,
      timeoutMs,
    });
  },
};
