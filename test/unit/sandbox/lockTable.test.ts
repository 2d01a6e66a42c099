import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_TTL_MS, LockTable } from '../../../electron/core/sandbox/lockTable';
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
});
