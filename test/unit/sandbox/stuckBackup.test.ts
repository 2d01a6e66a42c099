import { describe, expect, it } from 'vitest';
import { LockTable } from '../../../electron/sandbox/lockTable';
import { addStuckBackup, STUCK_BACKUP_AGE_MS } from '../../../electron/sandbox/stuckBackup';
import { lockAdder } from '../../../electron/sandbox/stuckLocks';
import { recordContext, SEED_AT_MS, USER } from './recordTestKit';
import { manualClock } from './testClock';

describe('the stuck-backup scenario', () => {
  function setup() {
    const context = recordContext();
    const { clock } = manualClock(SEED_AT_MS);
    const locks = new LockTable(clock);
    return { context, locks, addLock: lockAdder(locks, USER) };
  }

  it('adds an in-progress record hours old, newest of its module with no completed one since, and a held lock', () => {
    const { context, locks, addLock } = setup();
    const stuck = addStuckBackup(context, addLock, SEED_AT_MS, USER);
    expect(stuck).toMatchObject({ userId: USER, moduleCode: '102', recordId: expect.stringMatching(/^\d{19}$/) });
    const [newest, next] = context.records.list(USER, '102');
    expect(newest).toMatchObject({ recordId: stuck.recordId, status: 0, endedAtMs: null });
    expect(SEED_AT_MS - newest.createdAtMs).toBe(STUCK_BACKUP_AGE_MS);
    expect(stuck.createTime).toBe(new Date(newest.createdAtMs).toISOString());
    expect(next.status).toBe(1);
    expect(locks.active()).toEqual([
      expect.objectContaining({ lockId: stuck.lockId, userId: USER, moduleCode: '102' }),
    ]);
  });

  it('can be made for another user and module, and refuses bad ones', () => {
    const { context, addLock } = setup();
    const stuck = addStuckBackup(context, addLock, SEED_AT_MS, USER, { userId: '77', moduleCode: '101' });
    expect(context.records.list('77', '101').map((r) => r.recordId)).toEqual([stuck.recordId]);
    expect(() => addStuckBackup(context, addLock, SEED_AT_MS, USER, { userId: 'x' })).toThrow(/userId/);
    expect(() => addStuckBackup(context, addLock, SEED_AT_MS, USER, { moduleCode: '1a' })).toThrow(/moduleCode/);
  });
});
