import { describe, expect, it } from 'vitest';
import { RECENT_KEY, rememberLockId } from '../../../../../renderer/src/features/locks/recentLockIds';
import {
  RECENT_USERS_KEY,
  clearRecentUsers,
  recentUsersFor,
  rememberUserId,
} from '../../../../../renderer/src/features/locks/recentUserIds';
import { MemoryStore } from '../../support/memoryStore';

describe('recent users per profile', () => {
  it('keeps 19-digit user IDs as text, newest first, each once', () => {
    const store = new MemoryStore();
    rememberUserId(store, 'tenant', '1505084218764547200');
    rememberUserId(store, 'tenant', ' 1505084218764547201 ');
    rememberUserId(store, 'tenant', '1505084218764547200');
    expect(recentUsersFor(store, 'tenant')).toEqual(['1505084218764547200', '1505084218764547201']);
    expect(store.items.get(RECENT_USERS_KEY)).toContain('"1505084218764547200"');
  });

  it('refuses what is not a user ID and drops such entries when reading', () => {
    const store = new MemoryStore();
    expect(rememberUserId(store, 'tenant', '12ab')).toBe(false);
    store.setItem(RECENT_USERS_KEY, JSON.stringify({ tenant: ['1', 'x', 2, '1505084218764547200'] }));
    expect(recentUsersFor(store, 'tenant')).toEqual(['1', '1505084218764547200']);
  });

  it('is kept apart from the recent lock IDs, and cleared per profile', () => {
    const store = new MemoryStore();
    rememberUserId(store, 'a', '1505084218764547200');
    rememberUserId(store, 'b', '1505084218764547201');
    rememberLockId(store, 'a', '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102');
    clearRecentUsers(store, 'a');
    expect(recentUsersFor(store, 'a')).toEqual([]);
    expect(recentUsersFor(store, 'b')).toEqual(['1505084218764547201']);
    expect(store.items.get(RECENT_KEY)).toContain('@102');
  });
});
