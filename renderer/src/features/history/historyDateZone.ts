/**
 * History's From/To fields in the zone the window shows (Settings). Main reads a date without a zone as
 * UTC (electron/core/history/historyDates.ts, shared with the CLI's --since); in local time the window
 * adds this computer's UTC offset for that date, keeping what the text covers (a day, a minute, a second).
 * Text it cannot read goes to main as typed, so main's message quotes it. docs/batch-and-history.md#filters
 */
import type { TimeZoneChoice } from '../../lib/dateTime';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "+08:00" for a wall time in this computer's zone; undefined when that wall time does not exist as typed. */
function localOffsetAt(y: number, mo: number, d: number, h: number, mi: number, s: number): string | undefined {
  const at = new Date(y, mo - 1, d, h, mi, s);
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d || at.getHours() !== h) {
    return undefined;
  }
  const east = -at.getTimezoneOffset();
  const sign = east < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}`;
}

/** The bound as main should read it: with the local offset when the window shows local time. */
export function historyDateForMain(text: string, bound: 'from' | 'to', zone: TimeZoneChoice): string {
  if (zone === 'utc') return text;
  const match = DATE_TIME.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second] = match;
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (hour === undefined) {
    const last = bound === 'to';
    const offset = localOffsetAt(y, mo, d, last ? 23 : 0, last ? 59 : 0, last ? 59 : 0);
    if (!offset) return text;
    return `${year}-${month}-${day}T${last ? '23:59:59.999' : '00:00:00'}${offset}`;
  }
  const [h, mi, s] = [Number(hour), Number(minute), second === undefined ? 0 : Number(second)];
  if (h > 23 || mi > 59 || s > 59) return text;
  const offset = localOffsetAt(y, mo, d, h, mi, s);
  return offset ? `${text.replace(' ', 'T')}${offset}` : text;
}
