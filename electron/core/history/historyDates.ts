/**
 * The from/to bounds of a history filter. An ISO-8601 date or date-time without a zone is read as UTC
 * (the times the history shows are UTC). Both bounds are inclusive at the precision given: "to"
 * 2026-11-03 covers the whole day, "to" 2026-11-03T10:15 the whole minute.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

export type HistoryDateCheck = { ok: true; ms: number } | { ok: false; problem: string };

const MS_PER_UNIT = { day: 86_400_000, minute: 60_000, second: 1000 } as const;

function invalid(label: string, text: string): HistoryDateCheck {
  return {
    ok: false,
    problem: `“${label}” is not a date: “${text}”. Use YYYY-MM-DD (the whole day) or YYYY-MM-DDTHH:MM, in UTC, for example 2026-11-03 or 2026-11-03T07:30.`,
  };
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** The first (bound 'from') or last (bound 'to') millisecond the text covers. */
export function parseHistoryDate(text: string, bound: 'from' | 'to'): HistoryDateCheck {
  const label = bound === 'from' ? 'From' : 'To';
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  if (!match) return invalid(label, trimmed);
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = hour === undefined ? 0 : Number(hour);
  const mi = minute === undefined ? 0 : Number(minute);
  const s = second === undefined ? 0 : Number(second);
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return invalid(label, trimmed);
  }
  const offset = zoneOffsetMs(zone);
  if (Number.isNaN(offset)) return invalid(label, trimmed);
  const start = local - offset;
  if (bound === 'from') return { ok: true, ms: start };
  const span =
    hour === undefined
      ? MS_PER_UNIT.day
      : second === undefined
        ? MS_PER_UNIT.minute
        : fraction === undefined
          ? MS_PER_UNIT.second
          : 1;
  return { ok: true, ms: start + span - 1 };
}
