/**
 * Judges a clock sample: the server's Date header against the local time when the answer was produced.
 * The measurement and the thresholds are shared/clockSkew.ts (the result panel reads them too); this adds
 * the check's words and the suggested offset.
 */
import type { ClockCheck } from '../../../shared/diagnostics';
import { AHEAD_LIMIT_MS, type ClockSample, clockVerdictOf, measureClock } from '../../../shared/clockSkew';
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import { durationWords } from './durationWords';

/** Extra room in the suggested offset, so the corrected X-Date stays just before the server's time. */
const OFFSET_SAFETY_MS = 1000;
/** clockOffsetMs is accepted up to one day either way (shared/contract.ts). */
const MAX_OFFSET_MS = 86_400_000;

/** The check's message in English and as a message (docs/renderer.md#messages-from-main-keys-and-parameters). */
function worded(verdictMessage: Message): Pick<ClockCheck, 'message' | 'verdictMessage'> {
  return { message: english(verdictMessage), verdictMessage };
}

export function unknownClock(localTimeMs: number, reason: Message): ClockCheck {
  return {
    localTime: new Date(localTimeMs).toISOString(),
    serverTime: null,
    skewMs: null,
    verdict: 'unknown',
    ...worded(message('clock.unknown', { reason })),
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
      message(reading.problem === 'no-date' ? 'clock.reason.noDate' : 'clock.reason.badDate'),
    );
  }
  const { localMidMs, serverMs, skewMs, uncertaintyMs } = reading.measurement;
  const base = {
    localTime: new Date(localMidMs).toISOString(),
    serverTime: new Date(serverMs).toISOString(),
    skewMs,
  };
  const amount = durationWords(skewMs);
  const precision = message('clock.precision', { seconds: Math.max(1, Math.round(uncertaintyMs / 1000)) });
  const verdict = clockVerdictOf(skewMs);

  if (verdict === 'local-ahead') {
    const offset = suggestedOffset(skewMs, uncertaintyMs);
    return {
      ...base,
      verdict: 'local-ahead',
      ...worded(message(offset === null ? 'clock.ahead' : 'clock.aheadOffer', { amount, precision })),
      suggestedOffsetMs: offset,
    };
  }
  if (verdict === 'local-behind') {
    const offset = suggestedOffset(skewMs, uncertaintyMs);
    return {
      ...base,
      verdict: 'local-behind',
      ...worded(message(offset === null ? 'clock.behind' : 'clock.behindOffer', { amount, precision })),
      suggestedOffsetMs: offset,
    };
  }
  const said =
    skewMs > AHEAD_LIMIT_MS
      ? message('clock.behindAccepted', { amount, precision })
      : message('clock.agrees', { limit: AHEAD_LIMIT_MS / 1000, precision });
  return { ...base, verdict: 'ok', ...worded(said), suggestedOffsetMs: null };
}
