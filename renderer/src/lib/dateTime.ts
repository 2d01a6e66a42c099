/**
 * The one date-time format of the window: year first, 24 h, seconds, the zone named
 * ("2026-03-02 14:57:03 GMT+8" or "2026-03-02 06:57:03 UTC"), and the ISO-8601 UTC text for the hover.
 * Pure: the caller passes the zone choice (Settings, docs/user-guide.md#time) and the language tag.
 */

export type TimeZoneChoice = 'local' | 'utc';

export const TIME_ZONE_CHOICES: readonly TimeZoneChoice[] = ['local', 'utc'];

export interface DateTimeOptions {
  /** The language the zone is named in (its name only; digits are always 0-9). */
  locale?: string;
  /** The IANA zone 'local' means; this computer's zone when absent (tests fix it). */
  localTimeZone?: string;
}

export interface ShownTime {
  text: string;
  /** For the title attribute: the same moment in ISO-8601 UTC, as in the CSV exports and the audit log. */
  title: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(zone: TimeZoneChoice, options: DateTimeOptions): Intl.DateTimeFormat {
  const timeZone = zone === 'utc' ? 'UTC' : options.localTimeZone;
  const tag = options.locale ?? 'en';
  const key = `${tag}|${timeZone ?? ''}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(tag, {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
      numberingSystem: 'latn',
    });
    formats.set(key, found);
  }
  return found;
}

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
type Field = (typeof FIELDS)[number];
type Parts = Record<Field | 'zone', string>;

function isField(type: string): type is Field {
  return (FIELDS as readonly string[]).includes(type);
}

function partsOf(date: Date, zone: TimeZoneChoice, options: DateTimeOptions): Parts {
  const parts: Parts = { year: '', month: '', day: '', hour: '', minute: '', second: '', zone: '' };
  for (const part of formatOf(zone, options).formatToParts(date)) {
    if (part.type === 'timeZoneName') parts.zone = part.value;
    else if (isField(part.type)) parts[part.type] = part.value;
  }
  if (zone === 'utc') parts.zone = 'UTC';
  return parts;
}

/** "2026-03-02 14:57:03 GMT+8" in the chosen zone. */
export function dateTimeText(date: Date, zone: TimeZoneChoice, options: DateTimeOptions = {}): string {
  const p = partsOf(date, zone, options);
  const text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  return p.zone ? `${text} ${p.zone}` : text;
}

/** Hours and minutes in the chosen zone ("14:57"); UTC is named ("06:57 UTC"). */
export function clockText(date: Date, zone: TimeZoneChoice, options: DateTimeOptions = {}): string {
  const p = partsOf(date, zone, options);
  return zone === 'utc' ? `${p.hour}:${p.minute} UTC` : `${p.hour}:${p.minute}`;
}

/** The zone's name on that date: "GMT+8", "CET", "UTC". */
export function zoneText(date: Date, zone: TimeZoneChoice, options: DateTimeOptions = {}): string {
  return partsOf(date, zone, options).zone;
}

/** The ISO-8601 UTC text the hover shows: "2026-03-02T06:57:03.450Z". */
export function utcIsoText(date: Date): string {
  return date.toISOString();
}

/** A moment for a cell or a fact: the text in the chosen zone and the UTC ISO text for the title. */
export function shownTime(date: Date, zone: TimeZoneChoice, options: DateTimeOptions = {}): ShownTime {
  return { text: dateTimeText(date, zone, options), title: utcIsoText(date) };
}
