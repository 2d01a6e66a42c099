import { UsageError, CliError } from '../cliError';
import type { Command, CommandContext } from '../command';
import type { Connection } from '../connection';
import { EXIT } from '../exitCodes';
import { DRY_RUN_HELP, EXIT_HELP, GLOBAL_HELP, connectionHelpFor } from '../help';
import { collectRows, reportRowNotes } from '../lockIdInput';
import { readRetryRows } from '../retryFrom';
import { lockCommandSetup, runLockPlan, commandSecret } from '../lockOperation';
import { LOCK_ID_CONNECTION_OPTIONS, integerOption } from '../options';
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
  const where = `${new URL(profile.baseUrl).host} (profile ${profile.name}, ${profile.environment.toUpperCase()})`;
  if (!(await confirm(io, `Release ${count} lock${count === 1 ? '' : 's'} on ${where}?`))) {
    throw new CliError('Nothing was released.', EXIT.usage);
  }
}

export const releaseCommand: Command = {
  name: 'release',
  summary: 'release one or more stuck backup locks',
  options: [
    ...LOCK_ID_CONNECTION_OPTIONS,
    'dry-run',
    'file',
    'retry-from',
    'allow-unusual',
    'concurrency',
    'yes',
    'skip-invalid',
    'allow-empty',
  ],
  help: `Usage: koodrive-lock release [options] <lockId...>
       koodrive-lock release [options] --file locks.csv
       koodrive-lock release [options] --retry-from results.jsonl|results.csv

Releases backup locks (DELETE /koodrive/ose/v1/backup/lock, header x-backup-lock-id) for the end
user given by --user-id, or by the file's user column, else the profile's default user. Every
operation is written to the audit log (source "cli").

Several IDs, or --file, make a batch with a batch ID (in every audit entry and --json line; see
\`history --batch ID\`): all rows are checked first; repeated (user, lock) rows are sent once.
  -f, --file FILE          a CSV with a user column (userId, user_id or user) and a lock column, or
                           two columns (user, lock) without a header, or lock IDs alone (one per line,
                           or separated by commas, semicolons or spaces) for the --user-id user;
                           - reads stdin. Lines starting with # are ignored. Anything that does not
                           look like <uuid>@<moduleCode> is invalid unless --allow-unusual.
      --retry-from FILE    send again only the retryable failures (throttled, 5xx, network,
                           timeout) of an earlier run: this command's --json output, or the
                           window's batch CSV export. Never "already gone", auth or invalid rows.
      --allow-unusual      accept file entries without the usual lock ID shape
      --concurrency N      requests at a time, 1-${BATCH_MAX_CONCURRENCY} (default ${BATCH_DEFAULT_CONCURRENCY})
      --skip-invalid       send the valid rows even if some are invalid (default: send nothing)
      --allow-empty        a list with nothing to release (an empty file, no retryable row) exits 0
                           with "nothing to do" instead of 2
  -y, --yes                do not ask for confirmation (a batch asks on a terminal; elsewhere --yes is required)
${DRY_RUN_HELP}
Ctrl-C stops a batch: requests in flight finish, the rest are not sent (exit 130); press it again to
abort the requests in flight.

${connectionHelpFor(LOCK_ID_CONNECTION_OPTIONS)}

${GLOBAL_HELP}

${EXIT_HELP}

Examples:
  koodrive-lock release --profile prod --user-id 1505084218764547200 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102
  koodrive-lock release --profile prod --file stuck.csv --concurrency 8 --yes --json > results.jsonl
  koodrive-lock release --profile prod --retry-from results.jsonl --yes`,

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
    const retryFrom = values['retry-from'];
    const sources = [operands.length > 0, values.file !== undefined, retryFrom !== undefined].filter(Boolean).length;
    if (sources === 0) throw new UsageError('Give at least one lock ID, or --file, or --retry-from.', 'release');
    if (retryFrom !== undefined && sources > 1) {
      throw new UsageError(
        '--retry-from takes its rows from the earlier run only: give no lock IDs or --file.',
        'release',
      );
    }
    const { connection, timeoutMs } = await lockCommandSetup(context, 'release');
    const rows =
      retryFrom !== undefined
        ? await readRetryRows(retryFrom, connection, io)
        : await collectRows(
            {
              operands,
              file: values.file,
              allowUnusual: values['allow-unusual'] === true,
              profile: connection.profile,
              userId: connection.userId,
            },
            io,
          );
    reportRowNotes(io, rows);
    if (rows.invalid.length > 0 && !values['skip-invalid']) {
      const valid =
        rows.valid.length > 0 ? `, or add --skip-invalid to release the ${rows.valid.length} valid ones only` : '';
      throw new CliError(`Nothing was sent. Correct the invalid rows${valid}.`, EXIT.usage);
    }
    if (rows.valid.length === 0) {
      const what = retryFrom !== undefined ? 'No retryable failure in that file' : 'No valid lock ID to release';
      if (values['allow-empty'] && rows.invalid.length === 0) {
        io.stderr.write(`koodrive-lock: ${what}: nothing to do.\n`);
        return EXIT.ok;
      }
      throw new CliError(`${what}; nothing was sent.`, EXIT.usage);
    }

    const batch = rows.valid.length > 1 || values.file !== undefined || retryFrom !== undefined;
    const secret = await commandSecret(context, connection);
    if (batch && !values['dry-run']) await confirmBatch(context, connection, rows.valid.length);
    return runLockPlan(context, connection, secret, {
      operation: 'release',
      rows: rows.valid,
      batch,
      concurrency,
      timeoutMs,
    });
  },
};
