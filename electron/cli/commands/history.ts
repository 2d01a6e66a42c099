/** koodrive-lock history: what was done, from the audit log shared with the desktop app. */
import { LOCK_OPERATIONS, type LockOperation, RESULT_KINDS } from '../../../shared/result';
import type { AuditEntry } from '../../core/audit/auditEntry';
import { type AuditLog, createAuditLog } from '../../core/audit/auditLog';
import { parseHistoryDate } from '../../core/history/historyDates';
import { UsageError } from '../cliError';
import type { Command } from '../command';
import { writeJsonLine } from '../command';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP, OUTPUT_FORMAT_HELP } from '../help';
import { integerOption } from '../options';
import { csvTable, outputFormat } from '../outputFormat';
import { formatTable } from '../table';

export const HISTORY_DEFAULT_LIMIT = 50;
const HISTORY_MAX_LIMIT = 100_000;
const RELATIVE = /^(\d{1,6})([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * A span back from now such as 30m, 24h, 7d, or a date or date-time read exactly as the window's History
 * filter reads it (parseHistoryDate: impossible dates refused, no zone means UTC).
 */
export function parseSince(text: string, now: Date): Date | null {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS]);
  const date = parseHistoryDate(trimmed, 'from');
  return date.ok ? new Date(date.ms) : null;
}

/**
 * Result entries, plus pending entries that have no result (the tool stopped before the answer, or
 * the operation is still running), newest first.
 */
export function historyRows(entries: readonly AuditEntry[]): AuditEntry[] {
  const finished = new Set(entries.filter((e) => e.phase === 'result').map((e) => e.operationId));
  const rows = entries.filter((e) => e.phase === 'result' || !finished.has(e.operationId));
  // By time, not file position: the window and the CLI may append to the log in an interleaved order.
  return rows.sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
}

const OUTCOMES = ['ok', 'failed', 'no-result', ...RESULT_KINDS] as const;
type OutcomeFilter = (typeof OUTCOMES)[number];

function outcomeMatches(entry: AuditEntry, wanted: OutcomeFilter): boolean {
  if (wanted === 'no-result') return entry.phase === 'pending';
  if (entry.phase === 'pending') return false;
  if (wanted === 'ok') return entry.ok === true;
  if (wanted === 'failed') return entry.ok !== true;
  return entry.kind === wanted;
}

function outcomeFilter(text: string | undefined): OutcomeFilter | undefined {
  if (text === undefined) return undefined;
  const wanted = OUTCOMES.find((name) => name === text.trim());
  if (!wanted) throw new UsageError(`--outcome takes one of: ${OUTCOMES.join(', ')}.`, 'history');
  return wanted;
}

function operationFilter(text: string | undefined): LockOperation | undefined {
  if (text === undefined) return undefined;
  const wanted = LOCK_OPERATIONS.find((name) => name === text.trim());
  if (!wanted) throw new UsageError(`--operation takes one of: ${LOCK_OPERATIONS.join(', ')}.`, 'history');
  return wanted;
}

/**
 * Reads a growing newest-first prefix of the log until `limit` matching rows are found or the log is exhausted;
 * `total` counts every matching row (the whole log is read once more only when the limit cut the list).
 */
async function readRows(
  log: AuditLog,
  limit: number,
  matches: (entry: AuditEntry) => boolean,
  since: Date | null,
): Promise<{ rows: AuditEntry[]; total: number; skipped: number }> {
  // Every newest-first prefix pairs its pending entries with their results correctly.
  for (let wanted = limit * 2 + 2; ; wanted *= 4) {
    const read = await log.readDetailed({ limit: wanted });
    const rows = historyRows(read.entries).filter(matches);
    const oldest = read.entries.at(-1);
    const pastSince = since !== null && oldest !== undefined && Date.parse(oldest.time) < since.getTime();
    const complete = read.entries.length < wanted || pastSince;
    if (rows.length >= limit || complete) {
      const total = complete ? rows.length : await countAll(log, matches);
      return { rows: rows.slice(0, limit), total, skipped: read.skipped };
    }
  }
}

async function countAll(log: AuditLog, matches: (entry: AuditEntry) => boolean): Promise<number> {
  return historyRows((await log.readDetailed()).entries).filter(matches).length;
}

function outcome(entry: AuditEntry): string {
  if (entry.phase === 'pending') return 'no result';
  return entry.ok ? 'ok' : (entry.kind ?? 'failed');
}

const HISTORY_CSV_COLUMNS = [
  'time',
  'source',
  'osUser',
  'profile',
  'environment',
  'host',
  'operation',
  'userId',
  'lockId',
  'outcome',
  'httpStatus',
  'code',
  'msg',
  'durationMs',
  'requestId',
  'batchId',
  'operationId',
] as const;

function csvRow(entry: AuditEntry): (string | number | null | undefined)[] {
  return HISTORY_CSV_COLUMNS.map((column) => (column === 'outcome' ? outcome(entry) : entry[column]));
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'show what was done (audit log, newest first)',
  options: ['lock', 'user', 'batch', 'profile', 'outcome', 'operation', 'since', 'limit', 'output'],
  help: `Usage: koodrive-lock history [--lock ID] [--user ID] [--batch ID] [--profile NAME] [--outcome WHAT]
                             [--operation release|renew|create] [--since WHEN] [--limit N] [--output table|json|csv] [--json]

Shows the lock operations in the audit log of the data folder, from the desktop app and the CLI,
newest first (by time). An operation whose answer was never recorded shows as "no result".
  --lock ID       only this lock
  --user ID       only operations for this end user (X-User-Id)
  --batch ID      only this batch (its ID is printed at the end of a batch and in every --json result)
  --profile NAME  only this profile (its exact name; for a deleted profile, the id the log shows)
  --outcome WHAT  ok, failed, no-result, or a result kind such as auth, clock, not-found, throttled
  --operation OP  only release, renew or create operations
  --since WHEN    a date or date-time, UTC unless it ends in Z or +hh:mm, as the window's History
                  reads it (2026-11-03 is midnight UTC; 2026-11-03T07:30; 2026-11-03T15:30+08:00),
                  or a span back from now: 30m, 24h, 7d
  --limit N       at most N operations, 1-${HISTORY_MAX_LIMIT} (default ${HISTORY_DEFAULT_LIMIT}); when it cuts the
                  list, stderr says "Showing the newest N of M matching operations"
With --json, one audit entry per line (with its userId, environment and batchId when recorded).
${OUTPUT_FORMAT_HELP}

${GLOBAL_HELP}`,

  async run(context) {
    const { values, io } = context;
    if (context.operands.length > 0) throw new UsageError('history takes options only (see --help).', 'history');
    const format = outputFormat(values, 'history');
    const limit = integerOption(
      values,
      'limit',
      { min: 1, max: HISTORY_MAX_LIMIT, fallback: HISTORY_DEFAULT_LIMIT },
      'history',
    );
    let since: Date | null = null;
    if (values.since !== undefined) {
      since = parseSince(values.since, context.deps.clock.now());
      if (!since)
        throw new UsageError(
          `--since: "${values.since}" is not a date, a date-time or a span. Use 2026-11-03 (UTC), 2026-11-03T07:30 (UTC unless it ends in Z or +hh:mm) or a span such as 24h.`,
          'history',
        );
    }
    const lockId = values.lock?.trim();
    const userId = values.user?.trim();
    const batchId = values.batch?.trim();
    const wantedOutcome = outcomeFilter(values.outcome);
    const wantedOperation = operationFilter(values.operation);
    const profileName = values.profile;
    const profileId =
      profileName === undefined ? undefined : ((await context.profiles.findByName(profileName))?.id ?? profileName);
    const matches = (entry: AuditEntry) =>
      (lockId === undefined || entry.lockId === lockId) &&
      (userId === undefined || entry.userId === userId) &&
      (batchId === undefined || entry.batchId === batchId) &&
      (profileId === undefined || entry.profile === profileId) &&
      (wantedOutcome === undefined || outcomeMatches(entry, wantedOutcome)) &&
      (wantedOperation === undefined || entry.operation === wantedOperation) &&
      (since === null || Date.parse(entry.time) >= since.getTime());

    const log = createAuditLog({ dataDir: context.dataDir });
    const { rows, total, skipped } = await readRows(log, limit, matches, since);
    await log.close();

    if (skipped > 0) io.stderr.write(`note: ${skipped} unreadable line(s) in the audit log were skipped.\n`);
    if (total > rows.length) {
      io.stderr.write(
        `Showing the newest ${rows.length} of ${total} matching operations; \`--limit ${Math.min(total, HISTORY_MAX_LIMIT)}\` shows ${total <= HISTORY_MAX_LIMIT ? 'them all' : 'more'}.\n`,
      );
    }
    if (format === 'json') {
      for (const entry of rows) writeJsonLine(io, entry);
      return EXIT.ok;
    }
    if (format === 'csv') {
      io.stdout.write(csvTable(HISTORY_CSV_COLUMNS, rows.map(csvRow)));
      return EXIT.ok;
    }
    if (rows.length === 0) {
      const filtered = lockId || userId || batchId || profileId || wantedOutcome || wantedOperation || since;
      io.stdout.write('No operations recorded' + (filtered ? ' that match.\n' : ' yet.\n'));
      return EXIT.ok;
    }
    const table = rows.map((e) => [
      e.time.replace(/\.\d+Z$/, 'Z'),
      e.source,
      e.osUser,
      e.profile,
      e.operation,
      e.userId ?? '-',
      e.lockId ?? '-',
      outcome(e),
      e.httpStatus === undefined || e.httpStatus === null ? '-' : String(e.httpStatus),
      e.code ?? '-',
      e.durationMs === undefined ? '-' : String(Math.round(e.durationMs)),
    ]);
    io.stdout.write(
      `${formatTable(['TIME', 'SOURCE', 'OPERATOR', 'PROFILE', 'OPERATION', 'USER ID', 'LOCK ID', 'RESULT', 'HTTP', 'CODE', 'MS'], table, 80)}\n`,
    );
    return EXIT.ok;
  },
};
