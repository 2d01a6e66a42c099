import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';

export const DEFAULT_LOCK_TTL_MS = 10 * 60 * 1000;
/** Expired locks are remembered this long, so a late release can be told "expired" rather than "unknown". */
const EXPIRED_RETENTION_MS = 60 * 60 * 1000;
export const MAX_LOCKS = 10_000;

export interface LockEntry {
  lockId: string;
  userId: string;
  moduleCode: string;
  createdAtMs: number;
  expiresAtMs: number;
}

export type CreateResult = { ok: true; lock: LockEntry } | { ok: false; reason: 'conflict'; holder: LockEntry };
export type LockLookup = { ok: true; lock: LockEntry } | { ok: false; reason: 'unknown' | 'expired' };

/**
 * The backup locks of the sandbox. A lock belongs to one user, lives `ttlMs` after creation or its
 * last renewal (by the injected clock), and a user holds at most one unexpired lock per module code.
 */
export class LockTable {
  private readonly locks = new Map<string, LockEntry>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number = DEFAULT_LOCK_TTL_MS,
  ) {
    if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new Error('lockTtlMs must be a positive number.');
  }

  /** Creates a lock unless the user already holds an unexpired one for the module. */
  create(userId: string, moduleCode: string): CreateResult {
    const holder = this.active().find((lock) => lock.userId === userId && lock.moduleCode === moduleCode);
    if (holder) return { ok: false, reason: 'conflict', holder: { ...holder } };
    return { ok: true, lock: this.insert(userId, moduleCode) };
  }

  /** Adds a lock without the conflict check: a stuck lock left behind by a crashed client. */
  insert(userId: string, moduleCode: string): LockEntry {
    this.sweep();
    if (this.locks.size >= MAX_LOCKS) throw new Error(`The sandbox holds at most ${MAX_LOCKS} locks.`);
    const now = this.nowMs();
    const lock: LockEntry = {
      lockId: `${randomUUID()}@${moduleCode}`,
      userId,
      moduleCode,
      createdAtMs: now,
      expiresAtMs: now + this.ttlMs,
    };
    this.locks.set(lock.lockId, lock);
    return { ...lock };
  }

  release(userId: string, lockId: string): LockLookup {
    const found = this.find(userId, lockId);
    if (found.ok) this.locks.delete(lockId);
    return found;
  }

  /** Resets the expiry to `ttlMs` from now. An expired lock is gone and cannot be renewed. */
  renew(userId: string, lockId: string): LockLookup {
    const found = this.find(userId, lockId);
    if (!found.ok) return found;
    const lock = this.locks.get(lockId);
    if (!lock) return { ok: false, reason: 'unknown' };
    lock.expiresAtMs = this.nowMs() + this.ttlMs;
    return { ok: true, lock: { ...lock } };
  }

  /** Unexpired locks, oldest first. */
  active(): LockEntry[] {
    this.sweep();
    const now = this.nowMs();
    return [...this.locks.values()].filter((lock) => lock.expiresAtMs > now).map((lock) => ({ ...lock }));
  }

  private find(userId: string, lockId: string): LockLookup {
    this.sweep();
    const lock = this.locks.get(lockId);
    if (!lock || lock.userId !== userId) return { ok: false, reason: 'unknown' };
    if (lock.expiresAtMs <= this.nowMs()) return { ok: false, reason: 'expired' };
    return { ok: true, lock: { ...lock } };
  }

  private sweep(): void {
    const forgetBefore = this.nowMs() - EXPIRED_RETENTION_MS;
    for (const [lockId, lock] of this.locks) {
      if (lock.expiresAtMs <= forgetBefore) this.locks.delete(lockId);
    }
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }
}
