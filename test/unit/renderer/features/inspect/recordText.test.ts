import { describe, expect, it } from 'vitest';
import {
  ageText,
  exactSizeText,
  failureTitle,
  shortSha,
  sizeText,
  statusText,
  stuckText,
  timeCell,
} from '../../../../../renderer/src/features/inspect/recordText';
import { POSSIBLY_STUCK_AFTER_MS } from '../../../../../shared/records';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('statusText', () => {
  it('names each status in words', () => {
    expect(statusText('in-progress')).toBe('In progress');
    expect(statusText('completed')).toBe('Completed');
    expect(statusText('pending-deletion')).toBe('Pending deletion');
    expect(statusText('unknown')).toBe('Unknown status');
  });
});

describe('ageText', () => {
  it.each([
    [0, 'under 1 min'],
    [59_999, 'under 1 min'],
    [-5 * MINUTE, 'under 1 min'],
    [MINUTE, '1 min'],
    [59 * MINUTE + 59_000, '59 min'],
    [HOUR, '1 h'],
    [3 * HOUR + 12 * MINUTE + 30_000, '3 h 12 min'],
    [23 * HOUR + 59 * MINUTE, '23 h 59 min'],
    [DAY, '1 d'],
    [2 * DAY + 4 * HOUR + 59 * MINUTE, '2 d 4 h'],
    [40 * DAY, '40 d'],
    [Number.NaN, 'under 1 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(ageText(ms)).toBe(text);
  });
});

describe('stuckText', () => {
  it('says how long the record has been in progress and the threshold', () => {
    expect(stuckText({ ageMs: 6 * HOUR + 5 * MINUTE, thresholdMs: POSSIBLY_STUCK_AFTER_MS })).toBe(
      'in progress for 6 h 5 min, longer than 2 h, and no backup completed since.',
    );
  });
});

describe('times', () => {
  it('shows the time in the chosen zone with the UTC instant on hover', () => {
    const ms = Date.UTC(2026, 10, 3, 7, 0, 1);
    expect(timeCell('2026-11-03T07:00:01.000Z', ms, 'utc')).toEqual({
      text: '2026-11-03 07:00:01 UTC',
      title: '2026-11-03T07:00:01.000Z',
    });
    expect(timeCell('2026-11-03T07:00:01.000Z', ms, 'local').text).toMatch(/^2026-11-0[34] \d{2}:\d{2}:01 \S+$/);
  });

  it('shows a time it cannot read as sent, and nothing as a dash', () => {
    expect(timeCell('03/11/2026 07:00', null)).toEqual({ text: '03/11/2026 07:00', title: undefined });
    expect(timeCell(null, null)).toEqual({ text: '—', title: undefined });
  });
});

describe('sizes and digests', () => {
  it('gives sizes in the largest unit of 1024, and the exact bytes digit by digit', () => {
    expect(sizeText('0')).toBe('0 B');
    expect(sizeText('1023')).toBe('1023 B');
    expect(sizeText('1536')).toBe('1.5 KB');
    expect(sizeText('1468006')).toBe('1.4 MB');
    expect(sizeText(null)).toBe('—');
    expect(exactSizeText('1468006')).toBe('1,468,006 bytes');
    expect(exactSizeText('9007199254740993')).toBe('9,007,199,254,740,993 bytes');
    expect(exactSizeText('lots')).toBeUndefined();
  });

  it('shortens a SHA-256 to 12 hex digits', () => {
    const sha = 'a'.repeat(64);
    expect(shortSha(sha)).toBe(`${'a'.repeat(12)}…`);
    expect(shortSha(null)).toBe('—');
  });
});

describe('failureTitle', () => {
  it('names a missing record, not a lock, and uses the result titles otherwise', () => {
    expect(failureTitle('not-found')).toBe('Backup record not found');
    expect(failureTitle('auth')).toBe('Authentication failed');
    expect(failureTitle('cancelled')).toBe('Cancelled');
  });
});
