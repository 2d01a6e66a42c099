/**
 * Date.parse of an audit entry's time, given as a span of a larger text. The time the audit log writes
 * (toISOString: 2026-01-01T00:00:00.000Z) is read digit by digit; any other text, or a date that is
 * not in the calendar, goes to Date.parse, so the answer is always Date.parse's.
 */
const ISO_LENGTH = 24;
const ZERO = 0x30;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let index = at; index < at + count; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function fixedFormatMs(text: string, start: number): number {
  if (
    text[start + 4] !== '-' ||
    text[start + 7] !== '-' ||
    text[start + 10] !== 'T' ||
    text[start + 13] !== ':' ||
    text[start + 16] !== ':' ||
    text[start + 19] !== '.' ||
    text[start + 23] !== 'Z'
  ) {
    return Number.NaN;
  }
  const year = digits(text, start, 4);
  const month = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  const hour = digits(text, start + 11, 2);
  const minute = digits(text, start + 14, 2);
  const second = digits(text, start + 17, 2);
  const ms = digits(text, start + 20, 3);
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return Number.NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return Number.NaN;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > days) return Number.NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** Date.parse(text.slice(start, end)): NaN when the time cannot be read. */
export function auditTimeMs(text: string, start: number, end: number): number {
  if (end - start === ISO_LENGTH) {
    const ms = fixedFormatMs(text, start);
    if (!Number.isNaN(ms)) return ms;
  }
  return Date.parse(text.slice(start, end));
}
