/**
 * One writer at a time across processes (the app and the CLI share the log): a lock file created with
 * O_EXCL around every write and rotation, so the hash chain and rotation never interleave. A lock left
 * by a process that is gone (or held far longer than any write takes) is removed and taken.
 */
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AuditLogError } from './auditLogError';
import { errorCode, unwritable } from './auditProblems';

export const AUDIT_LOCK_NAME = 'audit.lock';
/** Left by a writer that waits for the lock, so that a writer holding it again and again lets it in. */
const AUDIT_WAIT_NAME = 'audit.lock.wait';
/** Longer than a waiter's longest pause between attempts (50 ms), so a waiting writer surely gets its turn. */
export const YIELD_TO_WAITER_MS = 60;
/** A write holds the lock for milliseconds; a lock this old is left over from a hung or killed process. */
export const STALE_LOCK_MS = 30_000;
const WAIT_LIMIT_MS = 10_000;
const CREATE = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH';
  }
}

async function removeIfStale(lockFile: string, nowMs: number): Promise<boolean> {
  let text: string;
  let ageMs: number;
  try {
    const stats = await fs.lstat(lockFile);
    ageMs = nowMs - stats.mtimeMs;
    text = stats.isFile() ? await fs.readFile(lockFile, 'utf8') : '';
  } catch (error) {
    // Released between our attempt and this look: try again at once.
    return errorCode(error) === 'ENOENT';
  }
  const pid = Number.parseInt(text, 10);
  const gone = Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && processIsGone(pid);
  // A lock file still without a pid is only being written; after a second its writer is gone.
  const abandoned = ageMs > STALE_LOCK_MS || (!(pid > 0) && ageMs > 1000);
  if (!gone && !abandoned) return false;
  await fs.unlink(lockFile).catch(() => {});
  return true;
}

/** True while another writer (this process or another) has been waiting for the lock in the last few seconds. */
export async function writerWaiting(dataDir: string): Promise<boolean> {
  try {
    const stats = await fs.lstat(path.join(dataDir, AUDIT_WAIT_NAME));
    return Date.now() - stats.mtimeMs < WAIT_LIMIT_MS;
  } catch {
    return false;
  }
}

/** Runs `work` while holding <dataDir>/audit.lock. */
export async function withAuditLock<T>(dataDir: string, auditFile: string, work: () => Promise<T>): Promise<T> {
  const lockFile = path.join(dataDir, AUDIT_LOCK_NAME);
  const waitFile = path.join(dataDir, AUDIT_WAIT_NAME);
  const started = Date.now();
  let waited = false;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await fs.open(lockFile, CREATE, 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST')
        throw unwritable(auditFile, `its lock file ${lockFile} cannot be created`, error);
      if (await removeIfStale(lockFile, Date.now())) continue;
      // Say that a writer waits (again each time: another waiter may have taken the mark away).
      waited = true;
      await fs.writeFile(waitFile, `${process.pid}\n`, { mode: 0o600 }).catch(() => {});
      if (Date.now() - started > WAIT_LIMIT_MS) {
        if (waited) await fs.unlink(waitFile).catch(() => {});
        throw new AuditLogError(
          'io',
          `The audit log ${auditFile} stayed locked by another process for ${WAIT_LIMIT_MS / 1000} s (${lockFile}). ` +
            'If no koodrive-lock command or KooDrive Lock Admin window is running, delete that lock file. Nothing was sent.',
        );
      }
      await sleep(Math.min(50, 2 + attempt));
    }
  }
  if (waited) await fs.unlink(waitFile).catch(() => {});
  try {
    return await work();
  } finally {
    await fs.unlink(lockFile).catch(() => {});
  }
}
