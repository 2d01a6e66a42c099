/**
 * How far this computer's clock is from a server's, read from one answer's Date header, and what that
 * means for KooDrive's X-Date window (docs/koodrive-protocol.md#x-date, docs/diagnostics.md#clock-check).
 * The Date header has whole seconds and is truncated, so the server's time is estimated as Date + 0.5 s
 * and the measurement is only good to ±(0.5 s + half the round trip).
 */
import type { ClockVerdict } from './diagnostics';

/** The server accepts `now - 15 min <= X-Date <= now`. */
export const X_DATE_WINDOW_MS = 15 * 60 * 1000;
/** The server refuses an X-Date after its own time; beyond this the local clock is reported as ahead. */
export const AHEAD_LIMIT_MS = 2000;
/** X-Date may be at most 15 minutes old; warn this long before that (network time and retries eat into it). */
const BEHIND_SAFETY_MARGIN_MS = 60_000;
export const BEHIND_LIMIT_MS = X_DATE_WINDOW_MS - BEHIND_SAFETY_MARGIN_MS;
const HTTP_DATE_RESOLUTION_MS = 1000;

export interface ClockSample {
  /** Local wall time (ms since the epoch) when the request left. */
  sentAtMs: number;
  /** Round trip in ms. */
  roundTripMs: number;
  /** The server's Date header. */
  serverDate: string | undefined;
}

export interface ClockMeasurement {
  /** Local wall time at the midpoint of the round trip, when the server is assumed to have answered. */
  localMidMs: number;
  /** The server's Date header as ms since the epoch. */
  serverMs: number;
  /** Server minus local, in ms (positive: the local clock is behind). */
  skewMs: number;
  uncertaintyMs: number;
}

export type ClockReading = { ok: true; measurement: ClockMeasurement } | { ok: false; problem: 'no-date' | 'bad-date' };

export function measureClock(sample: ClockSample): ClockReading {
  if (!sample.serverDate) return { ok: false, problem: 'no-date' };
  const serverMs = Date.parse(sample.serverDate);
  if (Number.isNaN(serverMs)) return { ok: false, problem: 'bad-date' };
  const localMidMs = sample.sentAtMs + sample.roundTripMs / 2;
  return {
    ok: true,
    measurement: {
      localMidMs,
      serverMs,
      skewMs: Math.round(serverMs + HTTP_DATE_RESOLUTION_MS / 2 - localMidMs),
      uncertaintyMs: HTTP_DATE_RESOLUTION_MS / 2 + sample.roundTripMs / 2,
    },
  };
}

/** The verdict for a measured skew: whether KooDrive would take this computer's X-Date. */
export function clockVerdictOf(skewMs: number): Exclude<ClockVerdict, 'unknown'> {
  if (skewMs < -AHEAD_LIMIT_MS) return 'local-ahead';
  if (skewMs > BEHIND_LIMIT_MS) return 'local-behind';
  return 'ok';
}
