/**
 * Judges a clock sample: the server's Date header against the local time when the answer was produced.
 * The Date header has whole seconds and is truncated, so the server's time is estimated as Date + 0.5 s
 * and the measurement is only good to ±(0.5 s + half the round trip); sub-second skew is never flagged.
 */
import type { ClockCheck } from '../../../shared/diagnostics';
import { X_DATE_WINDOW_MS } from '../koodrive/xdate';
import { durationWords } from './durationWords';

/** The server refuses an X-Date after its own time; beyond this the local clock is reported as ahead. */
const AHEAD_LIMIT_MS = 2000;
/** X-Date may be at most 15 minutes old; warn this long before that (network time and retries eat into it). */
const BEHIND_SAFETY_MARGIN_MS = 60_000;
const BEHIND_LIMIT_MS = X_DATE_WINDOW_MS - BEHIND_SAFETY_MARGIN_MS;
const HTTP_DATE_RESOLUTION_MS = 1000;
/** Extra room in the suggested offset, so the corrected X-Date stays just before the server's time. */
const OFFSET_SAFETY_MS = 1000;
/** clockOffsetMs is accepted up to one day either way (shared/contract.ts). */
const MAX_OFFSET_MS = 86_400_000;

export interface ClockSample {
  /** Local wall time (ms since the epoch) when the request left. */
  sentAtMs: number;
  /** Round trip in ms, from a monotonic clock. */
  roundTripMs: number;
  /** The server's Date header. */
  serverDate: string | undefined;
}

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
  const localMidMs = sample.sentAtMs + sample.roundTripMs / 2;
  if (!sample.serverDate) {
    return unknownClock(localMidMs, 'The server answered without a Date header.');
  }
  const serverMs = Date.parse(sample.serverDate);
  if (Number.isNaN(serverMs)) {
    return unknownClock(localMidMs, 'The server sent a Date header that is not a valid HTTP date.');
  }
  const skewMs = Math.round(serverMs + HTTP_DATE_RESOLUTION_MS / 2 - localMidMs);
  const uncertaintyMs = HTTP_DATE_RESOLUTION_MS / 2 + sample.roundTripMs / 2;
  const base = {
    localTime: new Date(localMidMs).toISOString(),
    serverTime: new Date(serverMs).toISOString(),
    skewMs,
  };
  const amount = durationWords(skewMs);
  const precision = `measured to about ±${Math.max(1, Math.round(uncertaintyMs / 1000))} s, because the server's Date header has whole seconds`;

  if (skewMs < -AHEAD_LIMIT_MS) {
    const offset = suggestedOffset(skewMs, uncertaintyMs);
    return {
      ...base,
      verdict: 'local-ahead',
      message: `This computer's clock is about ${amount} ahead of the server's (${precision}). KooDrive rejects an X-Date later than its own time, so requests would fail with a clock error. Synchronise this computer's clock (NTP)${offset === null ? '' : ', or sign with the server’s time until it is fixed'}.`,
      suggestedOffsetMs: offset,
    };
  }
  if (skewMs > BEHIND_LIMIT_MS) {
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
