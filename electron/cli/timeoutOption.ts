/** --timeout as a duration: 30s, 2m, 1500ms, or a bare number of milliseconds (docs/cli.md#global-options). */
import { UsageError } from './cliError';
import type { OptionValues } from './options';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };
const DURATION = /^(\d{1,9}(?:\.\d{1,3})?)\s*(ms|s|m)?$/i;

/** Milliseconds, or null when the text is not a duration; a bare number is milliseconds (as before units). */
export function parseDurationMs(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const unit = (match[2] ?? 'ms').toLowerCase();
  const ms = Number(match[1]) * UNIT_MS[unit];
  return Number.isInteger(ms) ? ms : null;
}

/** How a number of milliseconds is written back to the user: 15s, 2m, 1500ms. */
export function durationText(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** The --timeout in milliseconds within [min, max]; the fallback when it is not given. */
export function timeoutOption(
  values: OptionValues,
  range: { min: number; max: number; fallback: number },
  command?: string,
): number {
  const text = values.timeout;
  if (text === undefined) return range.fallback;
  const ms = parseDurationMs(text);
  const limits = `from ${durationText(range.min)} to ${durationText(range.max)}`;
  if (ms === null) {
    throw new UsageError(
      `--timeout "${text}" is not a duration: give e.g. 30s, 2m or 1500ms (a bare number is milliseconds), ${limits}.`,
      command,
    );
  }
  if (ms < range.min || ms > range.max) {
    throw new UsageError(`--timeout ${text} is out of range: give a duration ${limits}.`, command);
  }
  return ms;
}
