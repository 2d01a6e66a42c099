import { UsageError, CliError } from '../cliError';
import type { Command, CommandContext } from '../command';
import type { Connection } from '../connection';
import { EXIT } from '../exitCodes';
import { CONNECTION_HELP, EXIT_HELP, GLOBAL_HELP } from '../help';
import { collectLockIds, reportLockIdNotes } from '../lockIdInput';
import { lockCommandSetup, runLockPlan, commandSecret } from '../lockOperation';
import { CONNECTION_OPTIONS, integerOption } from '../options';
import { confirm } from '../readInput';
import { BATCH_DEFAULT_CONCURRENCY, BATCH_MAX_CONCURRENCY } from '../../../shared/batch';

async function confirmBatch(context: CommandContext, connection: Connection, count: number): Promise<void> {
  const { io, values } = context;
  if (values.yes) return;
  if (!io.stdinIsTTY || values.file === '-') {
    throw new CliError(
      `Releasing ${count} lock${count === 1 ? '' : 's'} needs confirmation and standard input is not a terminal to ask on: add --yes. Nothing was sent.`,
      EXIT.usage,
    );
  }
  const { profile } = connection;
  const where = `${new URL(profile.baseUrl).host} for user ${profile.userId} (profile ${profile.name})`;
  if (!(await confirm(io, `Release ${count} lock${count === 1 ? '' : 's'} on ${where}?`))) {
    throw new CliError('Nothing was released.', EXIT.usage);
  }
}

export const releaseCommand: Command = {
  name: 'release',
  summary: 'release one or more stuck backup locks',
  options: [...CONNECTION_OPTIONS, 'file', 'concurrency', 'yes', 'skip-invalid'],
  help: `Usage: koodrive-lock release [options] <lockId...>
       koodrive-lock release [options] --file ids.txt

Releases backup locks (DELETE /koodrive/ose/v1/backup/lock, header x-backup-lock-id). Every
operation is written to the audit log (source "cli").

Several IDs, or --file, make a batch: all IDs are checked first; repeated IDs are sent once.
  -f, --file FILE          lock IDs one per line, or separated by commas, semicolons or spaces, or a
                           CSV (the lockId/lock_id column, else the first column); - reads stdin.
                           Lines starting with # are ignored.
      --concurrency N      requests at a time, 1-${BATCH_MAX_CONCURRENCY} (default ${BATCH_DEFAULT_CONCURRENCY})
      --skip-invalid       send the valid IDs even if some are invalid (default: send nothing)
  -y, --yes                do not ask for confirmation (a batch asks on a terminal; elsewhere --yes is required)
Ctrl-C stops a batch: requests in flight finish, the rest are not sent (exit 130); press it again to
abort the requests in flight.

${CONNECTION_HELP}

${GLOBAL_HELP}

${EXIT_HELP}

Examples:
  koodrive-lock release --profile prod 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102
  koodrive-lock release --profile prod --file stuck.txt --concurrency 8 --yes --json > results.jsonl`,

  async run(context) {
    const { values, operands, io } = context;
    const concurrency = integerOption(
      values,
      'concurrency',
      { min: 1, max: BATCH_MAX_CONCURRENCY, fallback: BATCH_DEFAULT_CONCURRENCY },
      'release',
    );
    if (values.file === '-' && values['secret-stdin']) {
      throw new UsageError(
        '--file - and --secret-stdin cannot both read standard input: put the IDs in a file, or the secret in KOODRIVE_TOKEN / KOODRIVE_APP_SECRET.',
        'release',
      );
    }
    if (operands.length === 0 && values.file === undefined) {
      throw new UsageError('Give at least one lock ID, or --file.', 'release');
    }
    const { connection, timeoutMs } = await lockCommandSetup(context, 'release');
    const ids = await collectLockIds(operands, values.file, io);
    reportLockIdNotes(io, ids);
    if (ids.invalid.length > 0 && !values['skip-invalid']) {
      const valid =
        ids.valid.length > 0 ? `, or add --skip-invalid to release the ${ids.valid.length} valid ones only` : '';
      throw new CliError(`Nothing was sent. Correct the invalid lock IDs${valid}.`, EXIT.usage);
    }
    if (ids.valid.length === 0) throw new CliError('No valid lock ID to release; nothing was sent.', EXIT.usage);

    const batch = ids.valid.length > 1 || values.file !== undefined;
    const secret = await commandSecret(context, connection);
    if (batch) await confirmBatch(context, connection, ids.valid.length);
    return runLockPlan(context, connection, secret, {
      operation: 'release',
      lockIds: ids.valid,
      batch,
      concurrency,
      timeoutMs,
    });
  },
};
