function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

let lastSecond = Number.NaN;
let lastText = '';

/** X-Date: UTC, basic ISO-8601 `yyyyMMdd'T'HHmmss'Z'` (docs/koodrive-protocol.md#x-date). */
export function formatXDate(date: Date): string {
  // Requests in the same second share one X-Date text (a batch sends thousands per second).
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastSecond) return lastText;
  const text =
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    'T' +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  if (Number.isFinite(second)) {
    lastSecond = second;
    lastText = text;
  }
  return text;
}

const X_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses an X-Date; null when it is not exactly of the documented form or not a real instant. */
export function parseXDate(text: string): Date | null {
  const match = X_DATE.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  if (formatXDate(date) !== text) return null;
  return date;
}

/** The server accepts `now - 15 min <= X-Date <= now`: one constant for the client and the window. */
export { X_DATE_WINDOW_MS } from '../../../shared/clockSkew';
