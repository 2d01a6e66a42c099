import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_TTL_MS, LockTable, MAX_LOCKS } from '../../../electron/sandbox/lockTable';
import { manualClock } from './testClock';

const USER = '1234567890123456789';
const OTHER = '9876543210987654321';
const LOCK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@102$/;

describe('LockTable', () => {
  it('creates a <uuidv4>@<moduleCode> lock that expires exactly 10 minutes later', () => {
    const { clock, advance } = manualClock();
    const table = new LockTable(clock);
    const created = table.create(USER, '102');
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.lock.lockId).toMatch(LOCK_ID);
    expect(created.lock.expiresAtMs - created.lock.createdAtMs).toBe(DEFAULT_LOCK_TTL_MS);

    advance(DEFAULT_LOCK_TTL_MS - 1);
    expect(table.active().map((lock) => lock.lockId)).toEqual([created.lock.lockId]);
    advance(1);
    expect(table.active()).toEqual([]);
    expect(table.release(USER, created.lock.lockId)).toEqual({ ok: false, reason: 'expired' });
  });

  it('renew resets the expiry to 10 minutes from the renewal', () => {
    const { clock, advance } = manualClock();
    const table = new LockTable(clock);
    const created = table.create(USER, '100');
    if (!created.ok) throw new Error('create failed');
    advance(9 * 60_000);
    const renewed = table.renew(USER, created.lock.lockId);
    expect(renewed.ok).toBe(true);
    if (renewed.ok) expect(renewed.lock.expiresAtMs).toBe(clock.now().getTime() + DEFAULT_LOCK_TTL_MS);
    advance(9 * 60_000);
    expect(table.active()).toHaveLength(1);
    advance(60_000);
    expect(table.active()).toHaveLength(0);
    expect(table.renew(USER, created.lock.lockId)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a second lock for the same user and module until the first is released or expired', () => {
    const { clock, advance } = manualClock();
    const table = new LockTable(clock);
    const first = table.create(USER, '101');
    if (!first.ok) throw new Error('create failed');
    const second = table.create(USER, '101');
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.holder.lockId).toBe(first.lock.lockId);

    expect(table.create(USER, '102').ok).toBe(true);
    expect(table.create(OTHER, '101').ok).toBe(true);

    expect(table.release(USER, first.lock.lockId).ok).toBe(true);
    const third = table.create(USER, '101');
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    advance(DEFAULT_LOCK_TTL_MS);
    expect(table.create(USER, '101').ok).toBe(true);
  });

  it('releases a lock once; unknown IDs and other users are refused', () => {
    const { clock } = manualClock();
    const table = new LockTable(clock);
    const lock = table.insert(USER, '102');
    expect(table.release(OTHER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
    expect(table.release(USER, 'no-such-lock@102')).toEqual({ ok: false, reason: 'unknown' });
    expect(table.release(USER, lock.lockId).ok).toBe(true);
    expect(table.release(USER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
  });

  it("another user's lock is unknown to a release or renew, which leave it untouched", () => {
    const { clock, advance } = manualClock();
    const table = new LockTable(clock);
    const lock = table.insert(USER, '102');
    advance(60_000);
    expect(table.renew(OTHER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
    expect(table.release(OTHER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
    expect(table.activeLock(lock.lockId)).toEqual(lock);
    advance(DEFAULT_LOCK_TTL_MS);
    expect(table.release(OTHER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
    expect(table.release(USER, lock.lockId)).toEqual({ ok: false, reason: 'expired' });
  });

  it('holds one lock per user and module: another user may hold the same module', () => {
    const { clock } = manualClock();
    const table = new LockTable(clock);
    expect(table.create(USER, '101').ok).toBe(true);
    expect(table.create(OTHER, '101').ok).toBe(true);
    expect(table.create(USER, '101')).toMatchObject({ ok: false, reason: 'conflict', holder: { userId: USER } });
    expect(table.create(OTHER, '101')).toMatchObject({ ok: false, reason: 'conflict', holder: { userId: OTHER } });
  });

  it('insert takes a given lock ID, once', () => {
    const { clock } = manualClock();
    const table = new LockTable(clock);
    const lock = table.insert(OTHER, '102', '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102');
    expect(lock).toMatchObject({ lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102', userId: OTHER });
    expect(() => table.insert(USER, '102', lock.lockId)).toThrow(/already exists/);
    expect(table.active()).toHaveLength(1);
  });

  it('insert skips the conflict check (stuck locks) and honours a custom TTL', () => {
    const { clock, advance } = manualClock();
    const table = new LockTable(clock, 1000);
    table.insert(USER, '100');
    table.insert(USER, '100');
    expect(table.active()).toHaveLength(2);
    advance(1000);
    expect(table.active()).toHaveLength(0);
    expect(() => new LockTable(clock, 0)).toThrow(/positive/);
  });

  it('forgets expired locks after an hour: a late release is then "unknown"', () => {
    const { clock, advance } = manualClock();
    const table = new LockTable(clock);
    const lock = table.insert(USER, '100');
    advance(DEFAULT_LOCK_TTL_MS + 30 * 60_000);
    expect(table.release(USER, lock.lockId)).toEqual({ ok: false, reason: 'expired' });
    advance(60 * 60_000);
    expect(table.release(USER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
  });

  describe('the per-user-and-module index', () => {
    const RETENTION_MS = 60 * 60_000;

    it('lets a lock expire: the next create succeeds, the expired one still answers "expired"', () => {
      const { clock, advance } = manualClock();
      const table = new LockTable(clock);
      const first = table.create(USER, '101');
      if (!first.ok) throw new Error('create failed');
      advance(DEFAULT_LOCK_TTL_MS - 1);
      expect(table.create(USER, '101')).toMatchObject({ ok: false, holder: { lockId: first.lock.lockId } });
      advance(1);
      const second = table.create(USER, '101');
      expect(second.ok).toBe(true);
      if (!second.ok) return;
      expect(table.create(USER, '101')).toMatchObject({ ok: false, holder: { lockId: second.lock.lockId } });
      expect(table.release(USER, first.lock.lockId)).toEqual({ ok: false, reason: 'expired' });
      expect(table.active().map((lock) => lock.lockId)).toEqual([second.lock.lockId]);
    });

    it('follows a renewal: the lock keeps blocking past its first expiry, until the renewed one', () => {
      const { clock, advance } = manualClock();
      const table = new LockTable(clock);
      const created = table.create(USER, '100');
      if (!created.ok) throw new Error('create failed');
      advance(9 * 60_000);
      expect(table.renew(USER, created.lock.lockId).ok).toBe(true);
      advance(9 * 60_000);
      const refused = table.create(USER, '100');
      expect(refused).toMatchObject({ ok: false, reason: 'conflict', holder: { lockId: created.lock.lockId } });
      if (!refused.ok) expect(refused.holder.expiresAtMs).toBe(created.lock.createdAtMs + 19 * 60_000);
      advance(60_000);
      expect(table.create(USER, '100').ok).toBe(true);
    });

    it('drops a released lock: create succeeds again and the old ID is unknown', () => {
      const { clock } = manualClock();
      const table = new LockTable(clock);
      const first = table.create(USER, '102');
      if (!first.ok) throw new Error('create failed');
      expect(table.release(USER, first.lock.lockId).ok).toBe(true);
      const second = table.create(USER, '102');
      expect(second.ok).toBe(true);
      if (!second.ok) return;
      expect(second.lock.lockId).not.toBe(first.lock.lockId);
      expect(table.release(USER, first.lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
      expect(table.create(USER, '102')).toMatchObject({ ok: false, holder: { lockId: second.lock.lockId } });
      expect(table.create(OTHER, '102').ok).toBe(true);
    });

    it('a release by another user leaves the lock and its conflict in place', () => {
      const { clock } = manualClock();
      const table = new LockTable(clock);
      const created = table.create(USER, '102');
      if (!created.ok) throw new Error('create failed');
      expect(table.release(OTHER, created.lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
      expect(table.create(USER, '102')).toMatchObject({ ok: false, holder: { lockId: created.lock.lockId } });
    });

    it('with several stuck locks (insert) the oldest unexpired one is the holder, until none is left', () => {
      const { clock, advance } = manualClock();
      const table = new LockTable(clock);
      const a = table.insert(USER, '100');
      advance(60_000);
      const b = table.insert(USER, '100');
      advance(60_000);
      const c = table.insert(USER, '100');
      expect(table.create(USER, '100')).toMatchObject({ ok: false, holder: { lockId: a.lockId } });
      expect(table.release(USER, a.lockId).ok).toBe(true);
      expect(table.create(USER, '100')).toMatchObject({ ok: false, holder: { lockId: b.lockId } });
      advance(60_000);
      expect(table.renew(USER, c.lockId).ok).toBe(true);
      advance(9 * 60_000);
      // b (older) has expired; c was renewed and has not.
      expect(table.create(USER, '100')).toMatchObject({ ok: false, holder: { lockId: c.lockId } });
      expect(table.release(USER, c.lockId).ok).toBe(true);
      expect(table.create(USER, '100').ok).toBe(true);
      expect(table.release(USER, b.lockId)).toEqual({ ok: false, reason: 'expired' });
    });

    it('forgets a lock the moment its retention ends, even between two sweeps', () => {
      const { clock, advance } = manualClock();
      const table = new LockTable(clock);
      const lock = table.insert(USER, '100');
      advance(DEFAULT_LOCK_TTL_MS + RETENTION_MS - 500);
      expect(table.active()).toEqual([]);
      expect(table.renew(USER, lock.lockId)).toEqual({ ok: false, reason: 'expired' });
      advance(500);
      expect(table.release(USER, lock.lockId)).toEqual({ ok: false, reason: 'unknown' });
    });

    it('when full, drops forgotten locks before refusing, even between two sweeps', () => {
      const { clock, advance } = manualClock();
      const table = new LockTable(clock);
      for (let i = 0; i < MAX_LOCKS; i += 1) table.insert(USER, '100');
      expect(() => table.insert(USER, '100')).toThrow(/at most 10000 locks/);
      advance(DEFAULT_LOCK_TTL_MS + RETENTION_MS - 500);
      expect(table.active()).toEqual([]);
      expect(() => table.insert(USER, '100')).toThrow(/at most 10000 locks/);
      advance(500);
      const lock = table.insert(USER, '100');
      expect(table.active().map((entry) => entry.lockId)).toEqual([lock.lockId]);
    });

    it('active() lists oldest first and hands out copies; activeLock() finds one unexpired lock', () => {
      const { clock, advance } = manualClock();
      const table = new LockTable(clock, 1000);
      const a = table.insert(USER, '100');
      advance(500);
      const b = table.insert(OTHER, '101');
      advance(200);
      expect(table.renew(USER, a.lockId).ok).toBe(true);
      const listed = table.active();
      expect(listed.map((lock) => lock.lockId)).toEqual([a.lockId, b.lockId]);
      listed[0].expiresAtMs = 0;
      expect(table.activeLock(a.lockId)).toEqual({ ...a, expiresAtMs: a.createdAtMs + 1700 });
      advance(800);
      expect(table.activeLock(b.lockId)).toBeNull();
      expect(table.activeLock(a.lockId)).not.toBeNull();
      expect(table.activeLock('no-such-lock@100')).toBeNull();
    });
  });
});
