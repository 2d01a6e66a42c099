/** koodrive-lock check: the clock check and the connection check, one line per step (docs/cli.md#check). */
import type { MessageLocale } from '../../../shared/messages/localized';
import { cliLocale, remedyIn } from '../cliLocale';
import type { ConnectionStep } from '../../../shared/diagnostics';
import { DEFAULT_STEP_TIMEOUT_MS } from '../../core/diagnostics/stepLimits';
import { UsageError } from '../cliError';
import type { Command } from '../command';
import { writeJsonLine } from '../command';
import { type CheckRun, checkExitCode, runChecks } from '../checkRun';
import { printable } from '../formatResult';
import { CONNECTION_HELP, GLOBAL_HELP } from '../help';
import { commandSecret, lockCommandSetup } from '../lockOperation';
import { CONNECTION_OPTIONS } from '../options';
import { durationText } from '../timeoutOption';

const STEP_WIDTH = 6;
const STATE_WIDTH = 8;

function line(step: string, state: string, detail: string, remedy: string | null): string {
  const advice = remedy ? ` - ${remedy}` : '';
  return `${step.padEnd(STEP_WIDTH)} ${state.padEnd(STATE_WIDTH)} ${printable(`${detail}${advice}`, 2000)}\n`;
}

function stepState(step: ConnectionStep): string {
  if (step.ok === null) return 'skipped';
  return step.ok ? 'ok' : 'FAILED';
}

function printHuman(run: CheckRun, locale: MessageLocale, write: (text: string) => void): void {
  const { clock } = run;
  const clockMessage = remedyIn(locale, clock.message, clock.verdictMessage);
  write(line('clock', clock.verdict === 'ok' ? 'ok' : 'FAILED', clockMessage, null));
  for (const step of run.connection.steps) {
    const took = step.ok === null ? '' : `(${Math.round(step.durationMs)} ms) `;
    const remedy = step.ok === false && step.remedy !== null ? remedyIn(locale, step.remedy, step.remedyMessage) : null;
    const detail = remedyIn(locale, step.detail, step.detailMessage);
    write(line(step.step, stepState(step), `${took}${detail}`, remedy));
  }
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check the clock and the connection, up to an authenticated read (changes nothing)',
  options: CONNECTION_OPTIONS,
  help: `Usage: koodrive-lock check [connection options] [--json]

Runs the Diagnostics screen's two checks against one connection and prints one line per step:
  clock  the server's time (its Date header) against this computer's clock
  dns, tcp, tls, http  reaching the server (through the proxy a lock operation would take)
  auth   an authenticated, read-only call (lists one backup record): are the secret, App ID and user
         accepted? No lock is created, renewed or released.
After a failed connection step the later ones are skipped. --timeout is per step (default ${durationText(DEFAULT_STEP_TIMEOUT_MS)}).
With --json: one object per step per line ("step" is clock, dns, tcp, tls, http or auth).

${CONNECTION_HELP}

${GLOBAL_HELP}

Exit status: 0 every step passed; 1 the server refused the authenticated call, or the clock is so far
off that it would refuse every request; 2 usage or configuration problem (e.g. no usable secret: the
authenticated call was not made); 3 network, TLS or timeout (no answer).

Example:
  koodrive-lock check --profile prod`,

  async run(context) {
    const { io, values, operands } = context;
    if (operands.length > 0) throw new UsageError('check takes no arguments.', 'check');
    const setup = await lockCommandSetup(context, 'check');
    const timeoutMs = values.timeout === undefined ? DEFAULT_STEP_TIMEOUT_MS : setup.timeoutMs;
    const run = await runChecks(context, setup.connection, {
      timeoutMs,
      secret: () => commandSecret(context, setup.connection),
    });
    if (values.json) {
      writeJsonLine(io, { step: 'clock', ...run.clock });
      for (const step of run.connection.steps) writeJsonLine(io, { ...step, host: run.connection.host });
    } else {
      printHuman(run, cliLocale(io.env), (text) => io.stdout.write(text));
    }
    return checkExitCode(run);
  },
};
