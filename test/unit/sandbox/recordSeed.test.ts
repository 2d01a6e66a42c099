import { describe, expect, it } from 'vitest';
import { RecordStore } from '../../../electron/sandbox/backupRecords';
import { RecordIds } from '../../../electron/sandbox/recordIds';
import { fileIndex, recordFile } from '../../../electron/sandbox/recordFiles';
import { practiceSeeder } from '../../../electron/sandbox/recordSeed';
import { recordContext, SEED_AT_MS, USER } from './recordTestKit';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe('seeded backup records', () => {
  const { records } = recordContext();
  const all = ['100', '101', '102'].flatMap((moduleCode) => [...records.list(USER, moduleCode)]);

  it('has completed, pending-deletion, and in-progress records both old and recent', () => {
    const ages = (status: number) => all.filter((r) => r.status === status).map((r) => SEED_AT_MS - r.createdAtMs);
    expect(ages(1).length).toBeGreaterThan(100);
    expect(ages(2).length).toBe(6);
    const inProgress = ages(0);
    expect(inProgress.some((age) => age < HOUR_MS)).toBe(true);
    expect(inProgress.some((age) => age > 7 * DAY_MS)).toBe(true);
    expect(all.filter((r) => r.status === 0).every((r) => r.endedAtMs === null)).toBe(true);
    expect(all.filter((r) => r.status !== 0).every((r) => (r.endedAtMs ?? 0) > r.createdAtMs)).toBe(true);
  });

  it('has records with hundreds of files, and one without files', () => {
    expect(Math.max(...all.map((r) => r.fileCount))).toBe(250);
    expect(all.filter((r) => r.fileCount >= 100).length).toBe(2);
    expect(all.some((r) => r.fileCount === 0)).toBe(true);
  });

  it('has two devices per user, and unique 19-digit odd IDs (none exact as a JavaScript number)', () => {
    expect(new Set(all.map((r) => r.device.deviceId)).size).toBe(2);
    const ids = all.map((r) => r.recordId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^\d{19}$/);
      expect(String(Number(id))).not.toBe(id);
    }
    expect(all.some((r) => r.bareId) && all.some((r) => !r.bareId)).toBe(true);
  });

  it('leaves the newest completed record of module 102 a day old, so a stuck one after it stands out', () => {
    const newestCompleted = records.list(USER, '102').find((r) => r.status === 1);
    expect(SEED_AT_MS - (newestCompleted?.createdAtMs ?? 0)).toBe(DAY_MS);
    expect(records.list(USER, '102').some((r) => r.status === 0)).toBe(false);
  });

  it('seeds nobody else, and nothing with seeding off', () => {
    expect(records.list('99', '102')).toEqual([]);
    const off = new RecordStore(practiceSeeder(new Set(), SEED_AT_MS, new RecordIds()));
    expect(off.list(USER, '102')).toEqual([]);
  });
});

describe("a record's files", () => {
  const { records } = recordContext();
  const record = records.list(USER, '101').find((r) => r.fileCount === 250);

  it('are the same every time, and found back by ID', () => {
    if (!record) throw new Error('no large record');
    expect(recordFile(record, 7)).toEqual(recordFile(record, 7));
    expect(fileIndex(record, recordFile(record, 249).fileId)).toBe(249);
    expect(fileIndex(record, recordFile(record, 0).fileId)).toBe(0);
    const afterLast = (BigInt(recordFile(record, 249).fileId) + 2n).toString();
    expect(fileIndex(record, afterLast)).toBeNull();
    expect(fileIndex(record, (BigInt(recordFile(record, 3).fileId) + 1n).toString())).toBeNull();
    expect(fileIndex(record, 'x')).toBeNull();
  });
});

describe('RecordStore', () => {
  it('keeps nothing for users without records, however many are asked for', () => {
    const store = new RecordStore(practiceSeeder(new Set([USER]), SEED_AT_MS, new RecordIds()));
    for (let i = 0; i < 1000; i += 1) expect(store.list(String(i), '102')).toEqual([]);
    expect((store as unknown as { lists: Map<string, unknown> }).lists.size).toBe(0);
    expect(store.list(USER, '102').length).toBeGreaterThan(0);
    expect((store as unknown as { lists: Map<string, unknown> }).lists.size).toBe(1);
  });
});
