/**
 * The "stuck backup" practice scenario (docs/sandbox.md "Stuck backup"): a backup record left in
 * progress hours ago, with no completed backup since, and a backup lock still held for the same user
 * and module, as a backup client that crashed mid-backup leaves them.
 */
import { moduleCodeProblem, userIdProblem } from '../../shared/identifiers';
import type { RecordStore } from './backupRecords';
import type { RecordIds } from './recordIds';
import { recordFromPlan } from './recordSeed';
import type { AddLock } from './stuckLocks';
import type { StuckBackup } from './types';

export const STUCK_BACKUP_AGE_MS = 6 * 60 * 60 * 1000;
const STUCK_BACKUP_MODULE = '102';
const STUCK_BACKUP_FILES = 37;

export interface StuckBackupRequest {
  userId?: string;
  moduleCode?: string;
}

export interface BackupState {
  records: RecordStore;
  ids: RecordIds;
}

/** Adds the scenario for `userId` (default `defaultUserId`) and `moduleCode` (default 102). */
export function addStuckBackup(
  backups: BackupState,
  addLock: AddLock,
  nowMs: number,
  defaultUserId: string,
  request: StuckBackupRequest = {},
): StuckBackup {
  const userId = request.userId ?? defaultUserId;
  const moduleCode = request.moduleCode ?? STUCK_BACKUP_MODULE;
  const userProblem = userIdProblem(userId);
  if (userProblem) throw new Error(`userId: ${userProblem}`);
  if (moduleCodeProblem(moduleCode)) throw new Error('moduleCode must be 1-8 digits (100, 101 or 102).');
  const record = recordFromPlan(
    {
      status: 0,
      ageMs: STUCK_BACKUP_AGE_MS,
      minutes: 0,
      tablet: false,
      fileCount: STUCK_BACKUP_FILES,
      trigger: 'scheduled',
    },
    { userId, moduleCode, seedAtMs: nowMs, ids: backups.ids, bareId: false },
  );
  // The lock first: it is the step that can fail (the lock table is full).
  const lockId = addLock({ userId, moduleCode });
  backups.records.add(record);
  return {
    userId,
    moduleCode,
    recordId: record.recordId,
    createTime: new Date(record.createdAtMs).toISOString(),
    lockId,
  };
}
