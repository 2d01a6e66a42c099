import { describe, expect, it } from 'vitest';
import {
  type BackupRecordView,
  POSSIBLY_STUCK_AFTER_MS,
  parseRecordTime,
  possiblyStuck,
  recordStatusCode,
  recordStatusName,
} from '../../../shared/records';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

function record(
  overrides: Partial<BackupRecordView> & { ageHours?: number; deviceId?: string | null },
): BackupRecordView {
  const { ageHours = 1, deviceId = 'phone', ...rest } = overrides;
  const createdAtMs = NOW - ageHours * HOUR;
  return {
    recordId: String(1842862763295184641n + BigInt(Math.round(ageHours * 10))),
    moduleCode: '101',
    status: 1,
    statusName: 'completed',
    createTime: new Date(createdAtMs).toISOString(),
    createdAtMs,
    endTime: null,
    endedAtMs: null,
    version: 1,
    properties: null,
    device:
      deviceId === null ? null : { deviceId, machineCode: null, deviceName: null, deviceOS: null, createTime: null },
    ...rest,
  };
}

const inProgress = (ageHours: number, deviceId: string | null = 'phone') =>
  record({ status: 0, statusName: 'in-progress', ageHours, deviceId });

describe('record status names', () => {
  it('names 0, 1 and 2 and nothing else', () => {
    expect([0, 1, 2, 3, -1, 1.5, null].map(recordStatusName)).toEqual([
      'in-progress',
      'completed',
      'pending-deletion',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
    expect(recordStatusCode('pending-deletion')).toBe(2);
    expect(recordStatusCode('unknown')).toBeNull();
    expect(recordStatusCode('stuck')).toBeNull();
  });
});

describe('parseRecordTime', () => {
  it('reads ISO-8601 with a zone, the X-Date form and epoch seconds or milliseconds', () => {
    const at = Date.UTC(2025, 0, 15, 8, 30, 0);
    expect(parseRecordTime('2025-01-15T08:30:00.000Z')).toBe(at);
    expect(parseRecordTime('2025-01-15T16:30:00+08:00')).toBe(at);
    expect(parseRecordTime('2025-01-15 08:30:00Z')).toBe(at);
    expect(parseRecordTime('20250115T083000Z')).toBe(at);
    expect(parseRecordTime(String(at))).toBe(at);
    expect(parseRecordTime(String(at / 1000))).toBe(at);
  });

  it('refuses to guess: no zone, other text, empty or impossible dates are null', () => {
    for (const text of [
      '2025-01-15 08:30:00',
      '2025-01-15T08:30:00',
      'yesterday',
      '',
      '  ',
      '2025-13-45T99:00:00Z',
      '123',
    ])
      expect(parseRecordTime(text)).toBeNull();
    expect(parseRecordTime(null)).toBeNull();
  });
});

describe('possiblyStuck (docs/cli.md#possibly-stuck)', () => {
  it('flags an in-progress record older than the threshold with no completed backup since', () => {
    const stuck = inProgress(6);
    const older = record({ ageHours: 24 });
    expect(possiblyStuck(stuck, [stuck, older], NOW)).toEqual({
      ageMs: 6 * HOUR,
      thresholdMs: POSSIBLY_STUCK_AFTER_MS,
    });
  });

  it('leaves a backup that is running now, and one followed by a completed backup of the same device', () => {
    const running = inProgress(0.1);
    expect(possiblyStuck(running, [running], NOW)).toBeNull();
    const atThreshold = inProgress(2);
    expect(possiblyStuck(atThreshold, [atThreshold], NOW)).toBeNull();
    const old = inProgress(20 * 24);
    const later = record({ ageHours: 24 });
    expect(possiblyStuck(old, [later, old], NOW)).toBeNull();
  });

  it('does not count a completed backup of another device or module, or an earlier one', () => {
    const stuck = inProgress(6, 'phone');
    const tablet = record({ ageHours: 1, deviceId: 'tablet' });
    const otherModule = record({ ageHours: 1, moduleCode: '102' });
    const earlier = record({ ageHours: 7 });
    const pending = record({ ageHours: 1, status: 2, statusName: 'pending-deletion' });
    expect(possiblyStuck(stuck, [tablet, otherModule, earlier, pending, stuck], NOW)).not.toBeNull();
  });

  it('counts a completed backup without a device, and never flags a record whose time is unreadable', () => {
    const stuck = inProgress(6, 'phone');
    const noDevice = record({ ageHours: 1, deviceId: null });
    expect(possiblyStuck(stuck, [noDevice, stuck], NOW)).toBeNull();
    const unreadable = { ...inProgress(6), createTime: 'gestern', createdAtMs: null };
    expect(possiblyStuck(unreadable, [unreadable], NOW)).toBeNull();
    expect(possiblyStuck(record({ ageHours: 6 }), [], NOW)).toBeNull();
  });
});
