/**
 * Date texts the sandbox writes on every request, formatted once per second of clock time: the
 * Date header (HTTP date) and the request log's ISO-8601 instant, which reuses its formatted second.
 */
let httpSecond = Number.NaN;
let httpText = '';
let isoSecond = Number.NaN;
let isoPrefix = '';

/** `now.toUTCString()`. */
export function httpDate(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== httpSecond) {
    httpText = now.toUTCString();
    httpSecond = second;
  }
  return httpText;
}

/** `now.toISOString()` (throws the same RangeError for an invalid date). */
export function isoTime(now: Date): string {
  const ms = now.getTime();
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    // Every ISO string ends in ".sssZ", whatever the year's width.
    isoPrefix = now.toISOString().slice(0, -4);
    isoSecond = second;
  }
  const millis = ms - second * 1000;
  return `${isoPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
