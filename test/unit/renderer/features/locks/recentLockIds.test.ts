import { describe, expect, it } from 'vitest';
import {
  RECENT_KEY,
  RECENT_MAX_PROFILES,
  RECENT_PER_PROFILE,
  clearRecent,
  readRecent,
  recentFor,
  rememberLockId,
} from '../../../../../renderer/src/features/locks/recentLockIds';
import { BrokenStore, MemoryStore } from '../../support/memoryStore';

const lockId = (n: number) => `${String(n).padStart(8, '0')}-db02-4d55-85b3-8153e4fefd2e@102`;

describe('recent lock IDs', () => {
  it('remembers per profile, newest first, each ID once', () => {
    const store = new MemoryStore();
    rememberLockId(store, 'staging', lockId(1));
    rememberLockId(store, 'staging', lockId(2));
    rememberLockId(store, 'production', lockId(3));
    rememberLockId(store, 'staging', lockId(1));
    expect(recentFor(store, 'staging')).toEqual([lockId(1), lockId(2)]);
    expect(recentFor(store, 'production')).toEqual([lockId(3)]);
    expect(recentFor(store, 'other')).toEqual([]);
  });

  it('keeps the last 10 per profile', () => {
    const store = new MemoryStore();
    for (let n = 1; n <= 14; n++) rememberLockId(store, 'staging', lockId(n));
    const kept = recentFor(store, 'staging');
    expect(kept).toHaveLength(RECENT_PER_PROFILE);
    expect(kept[0]).toBe(lockId(14));
    expect(kept.at(-1)).toBe(lockId(5));
  });

  it('stores lock IDs trimmed, and refuses invalid lock IDs and profile IDs', () => {
    const store = new MemoryStore();
    expect(rememberLockId(store, 'staging', `  ${lockId(1)}\t`)).toBe(true);
    expect(rememberLockId(store, 'staging', 'has space')).toBe(false);
    expect(rememberLockId(store, 'staging', '')).toBe(false);
    expect(rememberLockId(store, '__proto__', lockId(2))).toBe(false);
    expect(rememberLockId(store, 'Not A Slug', lockId(2))).toBe(false);
    expect(readRecent(store)).toEqual({ staging: [lockId(1)] });
  });

  it('stores only profile IDs and lock IDs, under a versioned key', () => {
    const store = new MemoryStore();
    rememberLockId(store, 'staging', lockId(1));
    expect([...store.items.keys()]).toEqual([RECENT_KEY]);
    expect(RECENT_KEY).toMatch(/\.v\d+$/);
    expect(JSON.parse(store.items.get(RECENT_KEY) ?? '')).toEqual({ staging: [lockId(1)] });
  });

  it('clears one profile or all of them', () => {
    const store = new MemoryStore();
    rememberLockId(store, 'staging', lockId(1));
    rememberLockId(store, 'production', lockId(2));
    clearRecent(store, 'staging');
    expect(readRecent(store)).toEqual({ production: [lockId(2)] });
    clearRecent(store);
    expect(readRecent(store)).toEqual({});
    expect(store.items.has(RECENT_KEY)).toBe(false);
  });

  it('keeps at most RECENT_MAX_PROFILES profiles, dropping the least recently used', () => {
    const store = new MemoryStore();
    for (let n = 0; n < RECENT_MAX_PROFILES + 5; n++) rememberLockId(store, `p${n}`, lockId(n));
    rememberLockId(store, 'p10', lockId(99));
    const profiles = Object.keys(readRecent(store));
    expect(profiles).toHaveLength(RECENT_MAX_PROFILES);
    expect(profiles).not.toContain('p0');
    expect(profiles).toContain('p10');
    expect(profiles).toContain(`p${RECENT_MAX_PROFILES + 4}`);
  });

  it.each([
    ['not JSON', '{oops'],
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['a string', '"staging"'],
    ['a number', '42'],
  ])('reads corrupt content (%s) as empty and recovers on the next write', (_name, content) => {
    const store = new MemoryStore();
    store.setItem(RECENT_KEY, content);
    expect(readRecent(store)).toEqual({});
    expect(recentFor(store, 'staging')).toEqual([]);
    expect(rememberLockId(store, 'staging', lockId(1))).toBe(true);
    expect(recentFor(store, 'staging')).toEqual([lockId(1)]);
  });

  it('drops the entries that do not look right and keeps the rest', () => {
    const store = new MemoryStore();
    store.setItem(
      RECENT_KEY,
      JSON.stringify({
        staging: [lockId(1), 7, null, 'two words', lockId(1), ` ${lockId(2)}`, 'x'.repeat(300), lockId(3)],
        production: 'not a list',
        'BAD ID': [lockId(4)],
        empty: [],
      }),
    );
    expect(readRecent(store)).toEqual({ staging: [lockId(1), lockId(3)] });
  });

  it('copes with storage that throws (disabled or full)', () => {
    const store = new BrokenStore();
    expect(readRecent(store)).toEqual({});
    expect(rememberLockId(store, 'staging', lockId(1))).toBe(false);
    expect(clearRecent(store)).toBe(false);
    expect(readRecent(null)).toEqual({});
    expect(rememberLockId(null, 'staging', lockId(1))).toBe(false);
  });
});
