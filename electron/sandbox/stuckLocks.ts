/** Stuck locks made outside the API: addLock() and the locks seeded at start (docs/sandbox.md "Stuck locks"). */
import { moduleCodeProblem, userIdProblem } from '../../shared/identifiers';
import { randomUserId } from './credentials';
import { LOCK_ID_PATTERN } from './lockRoutes';
import type { LockTable } from './lockTable';
import { MAX_LOCKS } from './lockTable';
import type { NewLock, SandboxLock, SandboxOptions } from './types';

export const DEFAULT_SEED_LOCKS = 3;
const DEFAULT_SEED_USERS = 100;
const MAX_SEED_LOCKS_PER_USER = 1000;
/** The module codes seeded: locks cycle through them, and each has backup records. */
export const SEED_MODULES = ['100', '101', '102'] as const;

export type AddLock = (lock?: string | NewLock) => string;

/**
 * addLock(): a lock of `defaultUserId` unless told otherwise. Without a module code, the one a given
 * lock ID ends in (`...@102`), else 100/101/102 in turn.
 */
export function lockAdder(locks: LockTable, defaultUserId: string): AddLock {
  let nextModule = 0;
  return (lock) => {
    const spec: NewLock = typeof lock === 'string' ? { moduleCode: lock } : (lock ?? {});
    const moduleCode = spec.moduleCode ?? moduleOf(spec.lockId) ?? SEED_MODULES[nextModule++ % SEED_MODULES.length];
    if (moduleCodeProblem(moduleCode)) throw new Error('moduleCode must be 1-8 digits (100, 101 or 102).');
    const userId = spec.userId ?? defaultUserId;
    const userProblem = userIdProblem(userId);
    if (userProblem) throw new Error(`userId: ${userProblem}`);
    if (spec.lockId !== undefined && !LOCK_ID_PATTERN.test(spec.lockId)) {
      throw new Error('lockId must be 1-256 printable ASCII characters without spaces.');
    }
    return locks.insert(userId, moduleCode, spec.lockId).lockId;
  };
}

/** The module code a lock ID ends in (`...@102`), if any. */
function moduleOf(lockId: string | undefined): string | undefined {
  return lockId === undefined ? undefined : /@(\d{1,8})$/.exec(lockId)?.[1];
}

export interface Seeded {
  /** The sandbox user, the second practice user, then the other users of `seed`. */
  users: string[];
  locks: SandboxLock[];
}

/**
 * `seedLocks` locks for the sandbox user and as many for a second practice user, then `seed` locks
 * spread round-robin over `seedUsers` users (those two first).
 */
export function seedStuckLocks(options: SandboxOptions, sandboxUserId: string, addLock: AddLock): Seeded {
  const perUser = options.seedLocks ?? DEFAULT_SEED_LOCKS;
  if (!Number.isInteger(perUser) || perUser < 0 || perUser > MAX_SEED_LOCKS_PER_USER) {
    throw new Error(`seedLocks must be a whole number 0-${MAX_SEED_LOCKS_PER_USER}.`);
  }
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed) || seed < 0 || seed + 2 * perUser > MAX_LOCKS) {
    throw new Error(
      `seed (--seed) must be a whole number 0-${MAX_LOCKS - 2 * perUser} (the sandbox holds at most ${MAX_LOCKS} locks).`,
    );
  }
  const seedUsers = options.seedUsers ?? DEFAULT_SEED_USERS;
  if (!Number.isInteger(seedUsers) || seedUsers < 1 || seedUsers > MAX_LOCKS) {
    throw new Error(`seedUsers (--seed-users) must be a whole number 1-${MAX_LOCKS}.`);
  }

  const userCount = seed > 0 ? Math.max(2, Math.min(seedUsers, seed)) : 2;
  const distinct = new Set([sandboxUserId]);
  while (distinct.size < userCount) distinct.add(randomUserId());
  const users = [...distinct];
  const locks: SandboxLock[] = [];
  const add = (userId: string, moduleCode?: string) => {
    const lockId = addLock(moduleCode === undefined ? undefined : { userId, moduleCode });
    locks.push({ userId, lockId, moduleCode: moduleCode ?? lockId.slice(lockId.lastIndexOf('@') + 1) });
  };
  // The sandbox user's go through the module cycle of addLock(), as they always have.
  for (let i = 0; i < perUser; i += 1) add(sandboxUserId);
  for (let i = 0; i < perUser; i += 1) add(users[1], SEED_MODULES[i % SEED_MODULES.length]);
  const seedUserCount = Math.min(seedUsers, users.length);
  for (let i = 0; i < seed; i += 1) add(users[i % seedUserCount], SEED_MODULES[i % SEED_MODULES.length]);
  return { users, locks };
}
