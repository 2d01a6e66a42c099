/**
 * Judges a clock sample: the server's Date header against the local time when the answer was produced.
 * The measurement and the thresholds are shared/clockSkew.ts (the result panel reads them too); this adds
 * the check's words and the suggested offset.
 */
import type { ClockCheck } from '../../../shared/diagnostics';
import { AHEAD_LIMIT_MS, type ClockSample, clockVerdictOf, measureClock } from '../../../shared/clockSkew';
import { durationWords } from './durationWords';

/** Extra room in the suggested offset, so the corrected X-Date stays just before the server's time. */
const OFFSET_SAFETY_MS = 1000;
/** clockOffsetMs is accepted up to one day either way (shared/contract.ts). */
const MAX_OFFSET_MS = 86_400_000;

export function unknownClock(localTimeMs: number, reason: string): ClockCheck {
  return {
    localTime: new Date(localTimeMs).toISOString(),
    serverTime: null,
    skewMs: null,
    verdict: 'unknown',
    message: `${reason} Without the server's time the clock cannot be compared. Run "Check connection" to find out why; until then keep this computer's clock synchronised (NTP).`,
    suggestedOffsetMs: null,
  };
}

function suggestedOffset(skewMs: number, uncertaintyMs: number): number | null {
  const offset = Math.floor(skewMs - uncertaintyMs - OFFSET_SAFETY_MS);
  return Math.abs(offset) <= MAX_OFFSET_MS ? offset : null;
}

export function judgeClock(sample: ClockSample): ClockCheck {
  const reading = measureClock(sample);
  if (!reading.ok) {
    return unknownClock(
      sample.sentAtMs + sample.roundTripMs / 2,
      reading.problem === 'no-date'
        ? 'The server answered without a Date header.'
        : 'The server sent a Date header that is not a valid HTTP date.',
    );
  }
  const { localMidMs, serverMs, skewMs, uncertaintyMs } = reading.measurement;
  const base = {
    localTime: new Date(localMidMs).toISOString(),
    serverTime: new Date(serverMs).toISOString(),
    skewMs,
  };
  const amount = durationWords(skewMs);
  const precision = `measured to about ±${Math.max(1, Math.round(uncertaintyMs / 1000))} s, because the server's Date header has whole seconds`;
  const verdict = clockVerdictOf(skewMs);

  if (verdict === 'local-ahead') {
    const offset = suggestedOffset(skewMs, uncertaintyMs);
    return {
      ...base,
      verdict: 'local-ahead',
      message: `This computer's clock is about ${amount} ahead of the server's (${precision}). KooDrive rejects an X-Date later than its own time, so requests would fail with a clock error. Synchronise this computer's clock (NTP)${offset === null ? '' : ', or sign with the server’s time until it is fixed'}.`,
      suggestedOffsetMs: offset,
    };
  }
  if (verdict === 'local-behind') {
    const offset = suggestedOffset(skewMs, uncertaintyMs);
    return {
      ...base,
      verdict: 'local-behind',
      message: `This computer's clock is about ${amount} behind the server's (${precision}). KooDrive rejects an X-Date more than 15 minutes old, so requests would fail with a clock error. Synchronise this computer's clock (NTP)${offset === null ? '' : ', or sign with the server’s time until it is fixed'}.`,
      suggestedOffsetMs: offset,
    };
  }
  const message =
    skewMs > AHEAD_LIMIT_MS
      ? `This computer's clock is about ${amount} behind the server's (${precision}). KooDrive still accepts that, but synchronise the clock (NTP) before the gap reaches 15 minutes.`
      : `This computer's clock agrees with the server's: the difference is under ${AHEAD_LIMIT_MS / 1000} seconds (${precision}).`;
  return { ...base, verdict: 'ok', message, suggestedOffsetMs: null };
}
