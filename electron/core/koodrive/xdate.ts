/** X-Date: UTC, basic ISO-8601 `yyyyMMdd'T'HHmmss'Z'` (spec §6 step 0, §10 Q15). */
export function formatXDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    'T' +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z'
  );
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

/** The server accepts `now - 15 min <= X-Date <= now` (spec §6 step 0). */
export const X_DATE_WINDOW_MS = 15 * 60 * 1000;
