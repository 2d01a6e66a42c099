/** koodrive-lock records list / records show: the read-only backup inspector (docs/cli.md#records-list). */
import {
  type BackupFileView,
  RECORD_LIST_DEFAULT_LIMIT,
  RECORD_LIST_MAX_LIMIT,
  RECORD_STATUS_NAMES,
  possiblyStuck,
  recordStatusCode,
} from '../../../shared/records';
import { type RecordReader, createRecordReader } from '../../core/records/recordReader';
import { UsageError } from '../cliError';
import type { Command, CommandContext } from '../command';
import { writeJsonLine } from '../command';
import type { Connection } from '../connection';
import { EXIT, type ExitCode, exitCodeForResult } from '../exitCodes';
import { CONNECTION_HELP, EXIT_HELP, GLOBAL_HELP, OUTPUT_FORMAT_HELP } from '../help';
import { commandSecret, lockCommandSetup } from '../lockOperation';
import { CONNECTION_OPTIONS, integerOption } from '../options';
import { type CsvValue, csvTable, outputFormat } from '../outputFormat';
import { cliLocale } from '../cliLocale';
import { type ListedRecord, failureText, filesTable, recordDetails, recordsTable, stuckText } from '../recordText';
import { verboseTransport } from '../verboseTransport';

const READ_EXIT_HELP = EXIT_HELP.replace(' (e.g. the audit log could not be written)', '');

/** The reader for this command, with its secret, timeout and --verbose; a Ctrl-C aborts at once (reads are safe). */
async function readerFor(
  context: CommandContext,
  command: string,
): Promise<{ reader: RecordReader; connection: Connection; signal: AbortSignal; dispose(): void }> {
  const { io, deps, values } = context;
  const { connection, timeoutMs } = await lockCommandSetup(context, command);
  const secret = await commandSecret(context, connection);
  const { profile } = connection;
  const reader = createRecordReader({
    transport: values.verbose
      ? verboseTransport(deps.transport, { stderr: io.stderr, profile, secret, clock: deps.clock })
      : deps.transport,
    clock: deps.clock,
    secretFor: async () => secret,
    timeoutMs,
    ...(connection.routing ?? { env: io.env }),
  });
  const controller = new AbortController();
  const dispose = io.onInterrupt(() => {
    if (controller.signal.aborted) return;
    io.stderr.write('Interrupted: reading stopped; what was read so far is shown.\n');
    controller.abort();
  });
  return { reader, connection, signal: controller.signal, dispose };
}

function statusFilter(text: string | undefined): number | null {
  if (text === undefined) return null;
  const status = recordStatusCode(text.trim());
  if (status === null) {
    throw new UsageError(`--status must be one of ${RECORD_STATUS_NAMES.join(', ')}.`, 'records list');
  }
  return status;
}

function deviceFilter(text: string | undefined): string | undefined {
  const device = text?.trim();
  if (device === undefined) return undefined;
  if (device.length < 1 || device.length > 128) {
    throw new UsageError('--device takes a device ID of 1 to 128 characters.', 'records list');
  }
  return device;
}

const RECORD_CSV_COLUMNS = [
  'recordId',
  'moduleCode',
  'status',
  'statusName',
  'createTime',
  'createdAtUtc',
  'endTime',
  'deviceId',
  'deviceName',
  'possiblyStuck',
] as const;

function recordCsvRow({ record, stuck }: ListedRecord): CsvValue[] {
  return [
    record.recordId,
    record.moduleCode,
    record.status,
    record.statusName,
    record.createTime,
    record.createdAtMs === null ? null : new Date(record.createdAtMs).toISOString(),
    record.endTime,
    record.device?.deviceId,
    record.device?.deviceName,
    stuck !== null,
  ];
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const recordsListCommand: Command = {
  name: 'records list',
  summary: "list a user's backup records for a module (read-only)",
  options: [...CONNECTION_OPTIONS, 'status', 'device', 'limit', 'output'],
  help: `Usage: koodrive-lock records list [options] [--module CODE] [--status NAME] [--device ID] [--limit N]
                                  [--output table|json|csv]

Lists the backup records of the end user (--user-id, else the profile's user) for one module
(GET /koodrive/ose/v1/backup/record, every page of 100 up to the limit), newest first. Read-only:
nothing changes on the server and nothing is written to the audit log.
  --module CODE       100 folders, 101 album, 102 contacts (default the profile's, else 102)
  --status NAME       show only ${RECORD_STATUS_NAMES.join(', ')} records (filtered here: the API has
                      no status filter, so --limit counts every record read)
  --device ID         only this device's records (the API filters)
  --limit N           read at most N records, 1-${RECORD_LIST_MAX_LIMIT} (default ${RECORD_LIST_DEFAULT_LIMIT})
The table shows the status in words, the created time in UTC (ISO-8601; the raw text when its format
is not recognisable), the age and the device. An in-progress record older than 2 hours with no
completed backup of the module (from the same device) since is marked POSSIBLY STUCK, with the reason.
With --json, one record per line (IDs as strings) with "possiblyStuck": null or {ageMs, thresholdMs}.
${OUTPUT_FORMAT_HELP}
                       csv columns: ${RECORD_CSV_COLUMNS.join(', ')}
The summary and any failure go to stderr; records read before a failure are still printed.
Ctrl-C stops reading and prints what was read (exit 130).

${CONNECTION_HELP}

${GLOBAL_HELP}

${READ_EXIT_HELP}

Examples:
  koodrive-lock records list --profile prod --user-id 1505084218764547200 --module 101
  koodrive-lock records list --profile prod --module 102 --status in-progress --json`,

  async run(context) {
    const { values, io, deps } = context;
    if (context.operands.length > 0) throw new UsageError('records list takes options only.', 'records list');
    const format = outputFormat(values, 'records list');
    const status = statusFilter(values.status);
    const deviceId = deviceFilter(values.device);
    const limit = integerOption(
      values,
      'limit',
      { min: 1, max: RECORD_LIST_MAX_LIMIT, fallback: RECORD_LIST_DEFAULT_LIMIT },
      'records list',
    );
    const { reader, connection, signal, dispose } = await readerFor(context, 'records list');
    const { profile } = connection;
    let result;
    try {
      result = await reader.listRecords({
        profile,
        userId: connection.userId,
        moduleCode: profile.moduleCode,
        deviceId,
        limit,
        signal,
      });
    } finally {
      dispose();
    }
    const nowMs = deps.clock.now().getTime();
    const rows: ListedRecord[] = result.records
      .map((record) => ({ record, stuck: possiblyStuck(record, result.records, nowMs) }))
      .filter(({ record }) => status === null || record.status === status);

    if (format === 'json') {
      for (const { record, stuck } of rows) writeJsonLine(io, { ...record, possiblyStuck: stuck });
    } else if (format === 'csv') {
      io.stdout.write(csvTable(RECORD_CSV_COLUMNS, rows.map(recordCsvRow)));
    } else if (rows.length > 0) {
      io.stdout.write(`${recordsTable(rows, nowMs)}\n`);
      for (const { record, stuck } of rows) if (stuck) io.stdout.write(`Possibly stuck: ${stuckText(record, stuck)}\n`);
    }
    const shown = status === null ? '' : `, ${rows.length} ${values.status?.trim()}`;
    const user = result.userId ? ` of user ${result.userId}` : '';
    const read = `${plural(result.records.length, 'record')}${user} for module ${result.moduleCode}${shown} (${plural(result.pagesRead, 'page')} read)`;
    if (!result.ok) {
      io.stderr.write(`${failureText(result, `records list after ${read}`, cliLocale(io.env))}\n`);
      return exitCodeForResult(result);
    }
    io.stderr.write(`${read}.\n`);
    if (result.limitReached) {
      io.stderr.write(
        `More records exist: the limit of ${limit} was reached (--limit reads up to ${RECORD_LIST_MAX_LIMIT}).\n`,
      );
    }
    return EXIT.ok;
  },
};

export const recordsShowCommand: Command = {
  name: 'records show',
  summary: 'show one backup record and all of its files (read-only)',
  options: [...CONNECTION_OPTIONS],
  help: `Usage: koodrive-lock records show [options] <recordId> [--module CODE]

Shows one backup record (GET /koodrive/ose/v1/backup/record/{recordId}) and all of its files
(GET .../files, every page of 100) for the end user (--user-id, else the profile's user). Read-only.
  --module CODE       check that the record belongs to this module (exit 1 with the record's module if not)
Files: ID, size in bytes, created time in UTC, MIME type, SHA-256 and name.
With --json, the record on the first line, then one file per line (IDs and sizes as strings).
Ctrl-C stops reading the files and prints what was read (exit 130).

${CONNECTION_HELP}

${GLOBAL_HELP}

${READ_EXIT_HELP}

Example:
  koodrive-lock records show --profile prod --user-id 1505084218764547200 1842862763295184641`,

  async run(context) {
    const { operands } = context;
    if (operands.length !== 1) throw new UsageError('Give exactly one record ID.', 'records show');
    const { reader, connection, signal, dispose } = await readerFor(context, 'records show');
    try {
      return await showRecord(context, { reader, connection, signal }, operands[0] ?? '');
    } finally {
      dispose();
    }
  },
};

function printFiles(context: CommandContext, files: readonly BackupFileView[]): void {
  const { io, values } = context;
  if (values.json) for (const file of files) writeJsonLine(io, file);
  else if (files.length > 0) io.stdout.write(`\n${filesTable(files)}\n`);
  else io.stdout.write('\nNo files.\n');
}

/** The record, then every page of its files; files read before a failure are still printed. */
async function showRecord(
  context: CommandContext,
  { reader, connection, signal }: { reader: RecordReader; connection: Connection; signal: AbortSignal },
  recordId: string,
): Promise<ExitCode> {
  const { io, values, deps } = context;
  const request = { profile: connection.profile, userId: connection.userId, signal };
  // Only an explicit --module is checked: without one, a profile's module says nothing about this record.
  const moduleCode = values.module === undefined ? undefined : connection.profile.moduleCode;
  const viewed = await reader.viewRecord({ ...request, recordId, moduleCode });
  if (!viewed.ok || viewed.record === null) {
    io.stderr.write(`${failureText(viewed, `records show ${recordId}`, cliLocale(io.env))}\n`);
    return exitCodeForResult(viewed);
  }
  const { record } = viewed;
  if (values.json) writeJsonLine(io, record);
  else io.stdout.write(`${recordDetails(record, deps.clock.now().getTime())}\n`);
  const files: BackupFileView[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await reader.listRecordFiles({ ...request, recordId: record.recordId, cursor });
    if (!page.ok) {
      printFiles(context, files);
      io.stderr.write(
        `${failureText(page, `reading the files after ${plural(files.length, 'file')}`, cliLocale(io.env))}\n`,
      );
      return exitCodeForResult(page);
    }
    pages += 1;
    files.push(...page.files);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  printFiles(context, files);
  io.stderr.write(`${plural(files.length, 'file')} (${plural(pages, 'page')} read).\n`);
  return EXIT.ok;
}
