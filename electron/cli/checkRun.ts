/**
 * `koodrive-lock check`: the Diagnostics screen's clock check and connection check (core/diagnostics) run
 * for one connection, and the exit status their steps add up to (docs/cli.md#check).
 */
import type { ClockCheck, ConnectionReport, ConnectionStep } from '../../shared/diagnostics';
import type { SecretLookup } from '../core/diagnostics/authStep';
import { checkServerClock } from '../core/diagnostics/clockCheck';
import { checkConnection } from '../core/diagnostics/connectionCheck';
import type { Transport } from '../core/koodrive/transport';
import { CliError } from './cliError';
import type { CommandContext } from './command';
import type { Connection } from './connection';
import { EXIT, type ExitCode, worstExitCode } from './exitCodes';
import { verboseTransport } from './verboseTransport';

export interface CheckRun {
  clock: ClockCheck;
  /** Exit status of the clock check alone. */
  clockExit: ExitCode;
  connection: ConnectionReport;
  /** Exit status of the connection check alone. */
  connectionExit: ExitCode;
}

/** A transport that remembers, per call, whether an HTTP answer arrived (true) or the call failed (false). */
function recordingTransport(inner: Transport): { transport: Transport; answers: boolean[] } {
  const answers: boolean[] = [];
  const transport: Transport = async (request) => {
    try {
      const response = await inner(request);
      answers.push(true);
      return response;
    } catch (error) {
      answers.push(false);
      throw error;
    }
  };
  return { transport, answers };
}

function clockExitCode(clock: ClockCheck, answered: boolean | undefined): ExitCode {
  if (clock.verdict === 'ok') return EXIT.ok;
  // A clock this far off makes the server refuse every signed request; no answer at all is the network.
  if (clock.verdict === 'unknown' && answered !== true) return EXIT.network;
  return EXIT.refused;
}

/**
 * DNS, TCP, TLS and HTTP failures are the network's (3). The authenticated step: refused by the server (1),
 * no answer (3), or not made because the secret or user is missing or unusable (2).
 */
function connectionExitCode(
  failed: ConnectionStep | undefined,
  authAnswers: boolean[],
  secretUnusable: boolean,
): ExitCode {
  if (failed === undefined) return EXIT.ok;
  if (failed.step !== 'auth') return EXIT.network;
  if (secretUnusable || authAnswers.length === 0) return EXIT.usage;
  return authAnswers[authAnswers.length - 1] ? EXIT.refused : EXIT.network;
}

/**
 * --verbose: every request on stderr, with the secret scrubbed; so it is read before the first request. One that
 * cannot be read is left to the authenticated step, which reports it.
 */
async function verboseFor(
  context: CommandContext,
  connection: Connection,
  secret: () => Promise<string>,
): Promise<Transport> {
  const { deps, io } = context;
  let known = '';
  try {
    known = await secret();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
  }
  return verboseTransport(deps.transport, {
    stderr: io.stderr,
    profile: connection.profile,
    secret: known,
    clock: deps.clock,
  });
}

export async function runChecks(
  context: CommandContext,
  connection: Connection,
  options: { timeoutMs: number; secret: () => Promise<string> },
): Promise<CheckRun> {
  const { deps, io, values } = context;
  const { profile } = connection;
  const routing = connection.routing ?? { env: io.env };
  // Read once: --secret-stdin cannot be read twice.
  let secretRead: Promise<string> | null = null;
  const secret = () => (secretRead ??= options.secret());
  const transport = values.verbose ? await verboseFor(context, connection, secret) : deps.transport;

  const clockCalls = recordingTransport(transport);
  const clock = await checkServerClock(profile, {
    ...routing,
    transport: clockCalls.transport,
    clock: deps.clock,
    timeoutMs: options.timeoutMs,
  });

  const calls = recordingTransport(transport);
  let authStartsAt: number | null = null;
  let secretUnusable = false;
  // Called by the authenticated step only, after its user check: the calls from here on are that step's.
  const secretFor = async (): Promise<SecretLookup> => {
    authStartsAt = calls.answers.length;
    try {
      return { ok: true, secret: await secret() };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      secretUnusable = true;
      return { ok: false, problem: error.message };
    }
  };
  const report = await checkConnection(
    profile,
    { ...routing, transport: calls.transport, clock: deps.clock, secretFor, timeoutMs: options.timeoutMs },
    connection.userId,
  );
  // The CLI's message for a missing or unusable secret already says where one comes from.
  if (secretUnusable)
    report.steps = report.steps.map((step) => {
      if (step.step !== 'auth') return step;
      const withoutRemedy: ConnectionStep = { ...step, remedy: null };
      delete withoutRemedy.remedyMessage;
      return withoutRemedy;
    });
  const failed = report.steps.find((step) => step.ok === false);
  const authAnswers = authStartsAt === null ? [] : calls.answers.slice(authStartsAt);
  return {
    clock,
    clockExit: clockExitCode(clock, clockCalls.answers[0]),
    connection: report,
    connectionExit: connectionExitCode(failed, authAnswers, secretUnusable),
  };
}

export function checkExitCode(run: CheckRun): ExitCode {
  return worstExitCode([run.clockExit, run.connectionExit]);
}
