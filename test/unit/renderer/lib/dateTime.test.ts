import { describe, expect, it } from 'vitest';
import { clockText, dateTimeText, shownTime, utcIsoText, zoneText } from '../../../../renderer/src/lib/dateTime';

const SHANGHAI = { localTimeZone: 'Asia/Shanghai' };
const NEW_YORK = { localTimeZone: 'America/New_York' };
/** 2026-03-02 06:57:03.450 UTC: 14:57 in Shanghai, 01:57 in New York (EST). */
const MOMENT = new Date(Date.UTC(2026, 2, 2, 6, 57, 3, 450));

describe('dateTimeText', () => {
  it('shows local time year first, 24 h, with the zone named', () => {
    expect(dateTimeText(MOMENT, 'local', SHANGHAI)).toBe('2026-03-02 14:57:03 GMT+8');
    expect(dateTimeText(MOMENT, 'local', NEW_YORK)).toBe('2026-03-02 01:57:03 EST');
  });

  it('shows UTC in the same shape, whatever the local zone', () => {
    expect(dateTimeText(MOMENT, 'utc', SHANGHAI)).toBe('2026-03-02 06:57:03 UTC');
    expect(dateTimeText(MOMENT, 'utc', NEW_YORK)).toBe('2026-03-02 06:57:03 UTC');
  });

  it('crosses the day boundary in the local zone, not in UTC', () => {
    const lateUtc = new Date(Date.UTC(2026, 11, 31, 20, 0, 0));
    expect(dateTimeText(lateUtc, 'local', SHANGHAI)).toBe('2027-01-01 04:00:00 GMT+8');
    expect(dateTimeText(lateUtc, 'utc', SHANGHAI)).toBe('2026-12-31 20:00:00 UTC');
  });

  it('keeps midnight as 00, not 24, and Latin digits in Chinese', () => {
    const midnight = new Date(Date.UTC(2026, 2, 1, 16, 0, 5));
    expect(dateTimeText(midnight, 'local', { ...SHANGHAI, locale: 'zh-CN' })).toBe('2026-03-02 00:00:05 GMT+8');
    expect(dateTimeText(midnight, 'utc', { locale: 'zh-CN' })).toBe('2026-03-01 16:00:05 UTC');
  });

  it('follows daylight saving time', () => {
    const summer = new Date(Date.UTC(2026, 6, 1, 12, 0, 0));
    expect(dateTimeText(summer, 'local', NEW_YORK)).toBe('2026-07-01 08:00:00 EDT');
  });
});

describe('clock, zone and hover texts', () => {
  it('gives hours and minutes in the chosen zone', () => {
    expect(clockText(MOMENT, 'local', SHANGHAI)).toBe('14:57');
    expect(clockText(MOMENT, 'utc', SHANGHAI)).toBe('06:57 UTC');
  });

  it('names the zone', () => {
    expect(zoneText(MOMENT, 'local', SHANGHAI)).toBe('GMT+8');
    expect(zoneText(MOMENT, 'utc', SHANGHAI)).toBe('UTC');
  });

  it('puts the ISO-8601 UTC text on hover in both settings', () => {
    expect(utcIsoText(MOMENT)).toBe('2026-03-02T06:57:03.450Z');
    expect(shownTime(MOMENT, 'local', SHANGHAI)).toEqual({
      text: '2026-03-02 14:57:03 GMT+8',
      title: '2026-03-02T06:57:03.450Z',
    });
    expect(shownTime(MOMENT, 'utc', SHANGHAI)).toEqual({
      text: '2026-03-02 06:57:03 UTC',
      title: '2026-03-02T06:57:03.450Z',
    });
  });
});
