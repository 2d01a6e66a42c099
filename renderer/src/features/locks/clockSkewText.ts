import { clockVerdictOf, measureClock } from '../../../../shared/clockSkew';
import type { LockResult } from '../../../../shared/result';
import { t, tCount } from '../../i18n';

/** A rough amount of time in words ("20 minutes"); the same steps as the clock check's own words. */
export function amountOfTime(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 120) return tCount('resultClock.seconds', seconds, { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return tCount('resultClock.minutes', minutes, { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return tCount('resultClock.hours', hours, { count: hours });
  const days = Math.round(hours / 24);
  return tCount('resultClock.days', days, { count: days });
}

/**
 * For a clock result whose answer carried the server's Date: how far this computer's clock is off, by the
 * same rules as the clock check (shared/clockSkew.ts). null when the answer says nothing about it.
 */
export function clockSkewText(result: LockResult): string | null {
  if (result.kind !== 'clock' || !result.sentAt) return null;
  const sentAtMs = Date.parse(result.sentAt);
  if (Number.isNaN(sentAtMs)) return null;
  const reading = measureClock({ sentAtMs, roundTripMs: result.durationMs, serverDate: result.serverDate });
  if (!reading.ok) return null;
  const { skewMs } = reading.measurement;
  const verdict = clockVerdictOf(skewMs);
  if (verdict === 'ok') return null;
  return t(verdict === 'local-behind' ? 'resultClock.behind' : 'resultClock.ahead', { amount: amountOfTime(skewMs) });
}
