import { randomUUID } from 'node:crypto';
import type { SandboxClock } from './clock';

export const DEFAULT_LOCK_TTL_MS = 10 * 60 * 1000;
/** Expired locks are remembered this long, so a late release can be told "expired" rather than "unknown". */
const EXPIRED_RETENTION_MS = 60 * 60 * 1000;
/** Forgotten locks are dropped in one pass at most this often (or when the table is full); lookups check lazily. */
const SWEEP_INTERVAL_MS = 1000;
export const MAX_LOCKS = 10_000;

export interface LockEntry {
  lockId: string;
  userId: string;
  moduleCode: string;
  createdAtMs: number;
  expiresAtMs: number;
}

/** A lock as the table keeps it: with the key of its holder's index entry, made once. */
interface StoredLock extends LockEntry {
  readonly holder: string;
}

export type CreateResult = { ok: true; lock: LockEntry } | { ok: false; reason: 'conflict'; holder: LockEntry };
export type LockLookup = { ok: true; lock: LockEntry } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * The backup locks of the sandbox. A lock belongs to one user, lives `ttlMs` after creation or its
 * last renewal (by the injected clock), and a user holds at most one unexpired lock per module code.
 * Every operation but active() takes constant (amortised) time, whatever the number of locks.
 */
export class LockTable {
  /** In creation order. */
  private readonly locks = new Map<string, StoredLock>();
  /**
   * The lock IDs of each user and module, in creation order; several only through insert(). An ID
   * may stay after its lock expired (it is dropped when seen), never after the lock left `locks`.
   */
  private readonly byHolder = new Map<string, Set<string>>();
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: SandboxClock,
    private readonly ttlMs: number = DEFAULT_LOCK_TTL_MS,
  ) {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new Error('lockTtlMs must be a positive number.');
  }

  /** Creates a lock unless the user already holds an unexpired one for the module. */
  create(userId: string, moduleCode: string): CreateResult {
    const holder = this.holderOf(userId, moduleCode, this.nowMs());
    if (holder) return { ok: false, reason: 'conflict', holder: copyOf(holder) };
    return { ok: true, lock: this.insert(userId, moduleCode) };
  }

  /** Adds a lock without the conflict check: a stuck lock left behind by a crashed client. */
  insert(userId: string, moduleCode: string, lockId?: string): LockEntry {
    if (lockId !== undefined && this.locks.has(lockId)) throw new Error(`Lock ${lockId} already exists.`);
    const now = this.nowMs();
    if (this.locks.size >= MAX_LOCKS) this.sweep(now);
    else this.sweepIfDue(now);
    if (this.locks.size >= MAX_LOCKS) throw new Error(`The sandbox holds at most ${MAX_LOCKS} locks.`);
    const lock: StoredLock = {
      lockId: lockId ?? `${randomUUID()}@${moduleCode}`,
      userId,
      moduleCode,
      createdAtMs: now,
      expiresAtMs: now + this.ttlMs,
      holder: holderKey(userId, moduleCode),
    };
    this.locks.set(lock.lockId, lock);
    const ids = this.byHolder.get(lock.holder);
    if (ids) ids.add(lock.lockId);
    else this.byHolder.set(lock.holder, new Set([lock.lockId]));
    return copyOf(lock);
  }

  release(userId: string, lockId: string): LockLookup {
    const lock = this.live(userId, lockId);
    if (typeof lock === 'string') return { ok: false, reason: lock };
    this.forget(lock);
    return { ok: true, lock: copyOf(lock) };
  }

  /** Resets the expiry to `ttlMs` from now. An expired lock is gone and cannot be renewed. */
  renew(userId: string, lockId: string): LockLookup {
    const lock = this.live(userId, lockId);
    if (typeof lock === 'string') return { ok: false, reason: lock };
    lock.expiresAtMs = this.nowMs() + this.ttlMs;
    return { ok: true, lock: copyOf(lock) };
  }

  /** Unexpired locks, oldest first. */
  active(): LockEntry[] {
    const now = this.nowMs();
    this.sweepIfDue(now);
    const result: LockEntry[] = [];
    for (const lock of this.locks.values()) if (lock.expiresAtMs > now) result.push(copyOf(lock));
    return result;
  }

  /** One unexpired lock by ID (any user), or null. */
  activeLock(lockId: string): LockEntry | null {
    const lock = this.locks.get(lockId);
    return lock && lock.expiresAtMs > this.nowMs() ? copyOf(lock) : null;
  }

  /** The user's unexpired lock itself (not a copy), or why there is none. */
  private live(userId: string, lockId: string): StoredLock | 'unknown' | 'expired' {
    const now = this.nowMs();
    this.sweepIfDue(now);
    const lock = this.locks.get(lockId);
    if (!lock) return 'unknown';
    if (lock.expiresAtMs <= now - EXPIRED_RETENTION_MS) {
      this.forget(lock);
      return 'unknown';
    }
    if (lock.userId !== userId) return 'unknown';
    if (lock.expiresAtMs <= now) return 'expired';
    return lock;
  }

  /** The oldest unexpired lock of the user for the module; expired IDs met on the way leave the index. */
  private holderOf(userId: string, moduleCode: string, now: number): LockEntry | null {
    const key = holderKey(userId, moduleCode);
    const ids = this.byHolder.get(key);
    if (!ids) return null;
    for (const lockId of ids) {
      const lock = this.locks.get(lockId);
      if (lock && lock.expiresAtMs > now) return lock;
      ids.delete(lockId);
    }
    this.byHolder.delete(key);
    return null;
  }

  private forget(lock: StoredLock): void {
    this.locks.delete(lock.lockId);
    const ids = this.byHolder.get(lock.holder);
    if (!ids) return;
    ids.delete(lock.lockId);
    if (ids.size === 0) this.byHolder.delete(lock.holder);
  }

  /** A clock that went back also makes a sweep due. */
  private sweepIfDue(now: number): void {
    if (now - this.lastSweepMs >= SWEEP_INTERVAL_MS || now < this.lastSweepMs) this.sweep(now);
  }

  /** Drops the locks expired longer than the retention ago. */
  private sweep(now: number): void {
    this.lastSweepMs = now;
    const forgetBefore = now - EXPIRED_RETENTION_MS;
    for (const lock of this.locks.values()) {
      if (lock.expiresAtMs <= forgetBefore) this.forget(lock);
    }
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}

function holderKey(userId: string, moduleCode: string): string {
  return `${userId}\u0000${moduleCode}`;
}

function copyOf(lock: LockEntry): LockEntry {
  return {
    lockId: lock.lockId,
    userId: lock.userId,
    moduleCode: lock.moduleCode,
    createdAtMs: lock.createdAtMs,
    expiresAtMs: lock.expiresAtMs,
  };
}
