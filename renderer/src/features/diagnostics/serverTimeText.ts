import { t } from '../../i18n';

/** How much the server's time differs from this computer's, for people: "+3 min 12 s", "−45 s", "+0.4 s". */
export function offsetDuration(offsetMs: number): string {
  const sign = offsetMs < 0 ? '−' : '+';
  const absoluteMs = Math.abs(offsetMs);
  if (absoluteMs < 10_000) {
    return t('serverTime.offset.seconds', { sign, seconds: (absoluteMs / 1000).toFixed(1) });
  }
  const totalSeconds = Math.round(absoluteMs / 1000);
  if (totalSeconds < 60) return t('serverTime.offset.seconds', { sign, seconds: totalSeconds });
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) {
    return t('serverTime.offset.minutes', { sign, minutes: totalMinutes, seconds: totalSeconds % 60 });
  }
  return t('serverTime.offset.hours', { sign, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 });
}

/**
 * The chip's text while "Sign with server time" is on for the chosen profile; null (no chip) while it is off.
 * An offset of 0 is still on: operations then sign with the server's time, which happens to agree.
 */
export function serverTimeChipText(offsetMs: number | undefined): string | null {
  if (offsetMs === undefined) return null;
  return t('serverTime.chip', { offset: offsetDuration(offsetMs) });
}
