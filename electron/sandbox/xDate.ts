/** The X-Date header as the server reads it: see docs/koodrive-protocol.md#x-date. */

/** Accepted when `now - 15 min <= X-Date <= now` by the server clock. */
export const X_DATE_WINDOW_MS = 15 * 60 * 1000;

const X_DATE = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/;

/** The instant an X-Date names, in ms; null unless it is exactly yyyyMMdd'T'HHmmss'Z' and a real UTC instant. */
export function parseXDateMs(text: string): number | null {
  const match = X_DATE.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const at = new Date(ms);
  // Date.UTC rolls 30 February over into March: only fields that come back unchanged are real.
  const real =
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second;
  return real ? ms : null;
}

/** The server's own time in X-Date form, for error messages. */
export function xDateText(at: Date): string {
  // 2025-01-15T08:30:00.123Z -> 20250115T083000Z
  const iso = at.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
