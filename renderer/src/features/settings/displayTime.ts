/** Times as the user chose to see them (Settings: local time or UTC) in the active language; lib/dateTime.ts formats. */
import { locale } from '../../i18n';
import { type ShownTime, type TimeZoneChoice, clockText, shownTime, zoneText } from '../../lib/dateTime';
import { timeZoneChoice } from './settingsStore';

export function displayTime(date: Date, zone: TimeZoneChoice = timeZoneChoice()): ShownTime {
  return shownTime(date, zone, { locale: locale() });
}

export function displayClock(date: Date, zone: TimeZoneChoice = timeZoneChoice()): string {
  return clockText(date, zone, { locale: locale() });
}

/** The zone's name now ("GMT+8", "UTC"), for labels such as "From (GMT+8)". */
export function displayZone(zone: TimeZoneChoice = timeZoneChoice(), at: Date = new Date()): string {
  return zoneText(at, zone, { locale: locale() });
}
