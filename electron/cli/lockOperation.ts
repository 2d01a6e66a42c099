/**
 * Runs release, renew or create through the core LockService (audited, source "cli") and prints the
 * results: one human line or one JSON line per operation on stdout; progress and summary on stderr.
 */
import { randomUUID } from 'node:crypto';
import { countOutcomes, outcomeOf } from '../../shared/batchOutcome';
import type { LockOperation, LockResult } from '../../shared/result';
import { createAuditLog } from '../core/audit/auditLog';
import { type BatchOutcome, runBatch } from '../core/batch/runBatch';
import { AuditWriteError, createLockService, DEFAULT_TIMEOUT_MS } from '../core/lockService';
import type { CommandContext } from './command';
import { writeJsonLine } from './command';
import { type Connection, resolveConnection } from './connection';
import { EXIT, type ExitCode, exitCodeForResult, worstExitCode } from './exitCodes';
import { createBatchRemedies } from './batchRemedies';
import { cliLocale, remedyIn } from './cliLocale';
import { formatResult } from './formatResult';
import { watchInterrupts } from './interrupts';
import { createProgressLine, formatSeconds } from './progressLine';
import { cliRouting } from './routing';
import { resolveSecret } from './secretSource';
import { canRedrawLine } from './terminalStyle';
import { timeoutOption } from './timeoutOption';
import { verboseTransport } from './verboseTransport';

export const TIMEOUT_RANGE = { min: 100, max: 600_000, fallback: DEFAULT_TIMEOUT_MS };

/** The checks every lock command makes before it reads a secret: --timeout and the connection. */
export async function lockCommandSetup(
  context: CommandContext,
  command: string,
): Promise<{ connection: Connection; timeoutMs: number }> {
  const timeoutMs = timeoutOption(context.values, TIMEOUT_RANGE, command);
  const { values, io, deps } = context;
  const connection = await resolveConnection(values, context.profiles, command, io);
  connection.routing = await cliRouting(connection, {
    values,
    env: io.env,
    transport: deps.transport,
    secretStore: deps.secretStore,
  });
  return { connection, timeoutMs };
}

export function commandSecret(context: CommandContext, connection: Connection): Promise<string> {
  return resolveSecret(connection, {
    secretStdin: context.values['secret-stdin'] === true,
    io: context.io,
    store: context.deps.secretStore,
    verbose: context.values.verbose === true,
  });
}

export interface LockPlan {
  operation: LockOperation;
  /**
   * release and renew: the (user, lock) rows, already validated and de-duplicated; a row without a user
   * acts for the profile's default user. create: empty.
   */
  rows: { userId?: string; lockId: string }[];
  /** create: the end user (default: the profile's). */
  userId?: string;
  moduleCode?: string;
  /** Shows progress (on a terminal) and a summary. */
  batch: boolean;
  concurrency: number;
  timeoutMs: number;
}

const DONE_WORD: Record<LockOperation, string> = { release: 'released', renew: 'renewed', create: 'created' };

export async function runLockPlan(
  context: CommandContext,
  connection: Connection,
  secret: string,
  plan: LockPlan,
): Promise<ExitCode> {
  // --dry-run: signed and printed, never sent or audited; its code loads only when asked for.
  if (context.values['dry-run']) return (await import('./dryRun')).printDryRun(context, connection, secret, plan);
  const { io, deps, values } = context;
  const { profile } = connection;
  const audit = createAuditLog({ dataDir: context.dataDir });
  // Before anything is sent: an unwritable log ends the command here (exit 4, the path named).
  for (const notice of await audit.open()) io.stderr.write(`koodrive-lock: ${notice}\n`);
  const service = createLockService({
    transport: values.verbose
      ? verboseTransport(deps.transport, { stderr: io.stderr, profile, secret, clock: deps.clock })
      : deps.transport,
    clock: deps.clock,
    secretFor: async () => secret,
    audit,
    source: 'cli',
    osUser: deps.osUser,
    timeoutMs: plan.timeoutMs,
    ...(connection.routing ?? { env: io.env }),
  });

  const total = plan.operation === 'create' ? 1 : plan.rows.length;
  // A batch's ID goes into every audit entry and JSON result, so `history --batch ID` finds its rows.
  const batchId = plan.batch ? randomUUID() : undefined;
  const progress = createProgressLine(io.stderr, total, plan.batch && canRedrawLine(io) && !values.verbose);
  const interrupts = watchInterrupts(io, () => progress.clear());
  const remedies = createBatchRemedies();
  const locale = cliLocale(io.env);
  const print = (result: LockResult) => {
    progress.clear();
    if (values.json) writeJsonLine(io, result);
    else {
      const remedyNumber =
        plan.batch && !result.ok && result.remedy && outcomeOf(result) !== 'already-gone'
          ? remedies.numberOf(remedyIn(locale, result.remedy, result.remedyMessage))
          : undefined;
      io.stdout.write(`${formatResult(result, remedyNumber, locale)}\n`);
    }
    progress.redraw();
  };

  const started = deps.clock.monotonicMs();
  let outcome: BatchOutcome<LockPlan['rows'][number]>;
  try {
    if (plan.operation === 'create') {
      const result = await service.run({
        operation: 'create',
        profile,
        moduleCode: plan.moduleCode,
        userId: plan.userId,
        signal: interrupts.abort,
      });
      print(result);
      outcome = { results: [result], cancelled: false, notSent: 0, unsent: [] };
    } else {
      const operation = plan.operation;
      outcome = await runBatch({
        items: plan.rows,
        concurrency: plan.concurrency,
        execute: (row, signal, pacer) =>
          service.run({ operation, profile, lockId: row.lockId, userId: row.userId, batchId, signal }, { pacer }),
        signal: interrupts.stop,
        abortInFlight: interrupts.abort,
        onResult: print,
        onProgress: (p) => progress.update(p),
        clock: deps.clock,
      });
    }
  } catch (error) {
    if (!(error instanceof AuditWriteError)) throw error;
    progress.end();
    if (error.result) print(error.result);
    io.stderr.write(`koodrive-lock: ${error.message}\n`);
    return EXIT.internal;
  } finally {
    interrupts.dispose();
    progress.end();
    await audit.close();
  }

  if (plan.batch) {
    io.stderr.write(`${summary(plan, outcome, deps.clock.monotonicMs() - started, batchId)}\n`);
    for (const line of remedies.lines()) io.stderr.write(`${line}\n`);
  }
  if (outcome.paused) {
    io.stderr.write(pausedReport(outcome.paused.connectionFailures, outcome.unsent, connection.profile.userId));
    return EXIT.network;
  }
  const codes = outcome.results.map(exitCodeForResult);
  if (outcome.notSent > 0) codes.push(EXIT.interrupted);
  return worstExitCode(codes);
}

/** What a paused batch did not send, as rows that --file reads back (user ID, lock ID). */
function pausedReport(failures: number, unsent: LockPlan['rows'], defaultUser: string | undefined): string {
  const head =
    `koodrive-lock: paused: the server stopped answering (${failures} connection failures in a row), so ` +
    `${unsent.length} locks were not sent. Check the server or the network, then send them again: save the ` +
    'rows below to a file and pass it with --file (the failures above come back with --retry-from).\n';
  const rows = unsent.map((row) => `${row.userId ?? defaultUser ?? ''},${row.lockId}\n`).join('');
  return `${head}userId,lockId\n${rows}`;
}

function summary(
  plan: LockPlan,
  outcome: BatchOutcome<unknown>,
  elapsedMs: number,
  batchId: string | undefined,
): string {
  const counts = countOutcomes(outcome.results);
  const parts = [`${counts.released} ${DONE_WORD[plan.operation]}`];
  if (counts['already-gone'] > 0) parts.push(`${counts['already-gone']} already gone`);
  parts.push(`${counts.retryable} retryable`, `${counts['needs-fix']} need a fix`);
  if (counts.cancelled > 0) parts.push(`${counts.cancelled} cancelled`);
  if (outcome.notSent > 0) parts.push(`${outcome.notSent} not sent`);
  const head = outcome.paused ? 'Paused after' : outcome.notSent > 0 ? 'Interrupted after' : 'Done in';
  const took = elapsedMs < 10_000 ? `${(elapsedMs / 1000).toFixed(1)} s` : formatSeconds(elapsedMs / 1000);
  const batch = batchId ? ` Batch ${batchId}.` : '';
  const line = `${head} ${took}: ${parts.join(', ')}.${batch}`;
  const kinds = new Map<string, number>();
  for (const result of outcome.results) {
    if (!result.ok && outcomeOf(result) !== 'already-gone') kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
  }
  if (kinds.size === 0) return line;
  const byKind = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  return `${line} Failures: ${byKind}.`;
}
