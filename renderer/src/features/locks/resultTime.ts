import { locale } from '../../i18n';

const formats = new Map<string, { dateTime: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }>();

function formatsOf(tag: string) {
  let found = formats.get(tag);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat(tag, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      }),
      clock: new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    formats.set(tag, found);
  }
  return found;
}

/** Date and time in this computer's time zone and the active language, with the zone named. */
export function localDateTime(date: Date): string {
  return formatsOf(locale()).dateTime.format(date);
}

/** Hours and minutes in this computer's time zone ("14:57"). */
export function localClockTime(date: Date): string {
  return formatsOf(locale()).clock.format(date);
}

/** The same moment in UTC, for the hover text and support tickets. */
export function utcDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
