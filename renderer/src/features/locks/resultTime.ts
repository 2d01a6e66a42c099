import { locale } from '../../i18n';

const formats = new Map<string, { zone: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }>();

function formatsOf(tag: string) {
  let found = formats.get(tag);
  if (!found) {
    found = {
      zone: new Intl.DateTimeFormat(tag, { timeZoneName: 'short' }),
      clock: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    formats.set(tag, found);
  }
  return found;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-02 14:57:03 GMT+8": this computer's time zone, year first like the UTC form, the zone named. */
export function localDateTime(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const zone = formatsOf(locale())
    .zone.formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  return zone ? `${day} ${time} ${zone}` : `${day} ${time}`;
}

/** Hours and minutes in this computer's time zone ("14:57"). */
export function localClockTime(date: Date): string {
  return formatsOf(locale()).clock.format(date);
}

/** The same moment in UTC, for the hover text and support tickets. */
export function utcDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
