/**
 * The backup history seeded for each practice user and module (docs/sandbox.md "Seeded records"):
 * a completed backup a day for 40 days from a phone, one every 5 days from a tablet, two records
 * pending deletion, and per module: 100 a backup in progress that started 4 minutes ago with no
 * files yet and 120 files in its last completed one; 101 250 files in its last completed one and a
 * backup left in progress 20 days ago (a later one completed, so it is not stuck); 102 one
 * contacts file per backup.
 */
import { createHash } from 'node:crypto';
import type { BackupRecordEntry, RecordSeeder, RecordStatus, SandboxDevice } from './backupRecords';
import type { RecordIds } from './recordIds';
import { SEED_MODULES } from './stuckLocks';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAILY_DAYS = 40;
const TABLET_EVERY_DAYS = 5;
const PENDING_DELETION_DAYS = [45, 60] as const;
const APP_VERSION = '15.0.1.300';

export interface RecordPlan {
  status: RecordStatus;
  ageMs: number;
  /** Minutes from start to end; ignored in progress. */
  minutes: number;
  tablet: boolean;
  fileCount: number;
  trigger: 'scheduled' | 'manual';
}

/** The sandbox's seeder: `users` get the plan below for modules 100-102, anyone else nothing. */
export function practiceSeeder(users: ReadonlySet<string>, seedAtMs: number, ids: RecordIds): RecordSeeder {
  return (userId, moduleCode) => {
    if (!users.has(userId) || !isSeedModule(moduleCode)) return [];
    return seedPlan(moduleCode).map((plan, index) =>
      recordFromPlan(plan, { userId, moduleCode, seedAtMs, ids, bareId: index % 2 === 1 }),
    );
  };
}

function isSeedModule(moduleCode: string): boolean {
  return (SEED_MODULES as readonly string[]).includes(moduleCode);
}

/** What is seeded for one module, in no particular order. */
function seedPlan(moduleCode: string): RecordPlan[] {
  const filesPerBackup = (day: number) => (moduleCode === '102' ? 1 : 3 + ((day * 7) % 28));
  const plans: RecordPlan[] = [];
  for (let day = 1; day <= DAILY_DAYS; day += 1) {
    const phone = {
      status: 1,
      ageMs: day * DAY_MS,
      minutes: 6 + (day % 9),
      tablet: false,
      trigger: 'scheduled',
    } as const;
    plans.push({ ...phone, fileCount: filesPerBackup(day) });
    if (day % TABLET_EVERY_DAYS === 0) {
      plans.push({
        ...phone,
        ageMs: day * DAY_MS + 3 * 60 * MINUTE_MS,
        tablet: true,
        fileCount: filesPerBackup(day + 1),
      });
    }
  }
  for (const days of PENDING_DELETION_DAYS) {
    plans.push({
      status: 2,
      ageMs: days * DAY_MS,
      minutes: 11,
      tablet: days % 2 === 0,
      fileCount: filesPerBackup(days),
      trigger: 'scheduled',
    });
  }
  const latest = plans[0];
  if (moduleCode === '100') {
    latest.fileCount = 120;
    plans.push({ status: 0, ageMs: 4 * MINUTE_MS, minutes: 0, tablet: false, fileCount: 0, trigger: 'manual' });
  }
  if (moduleCode === '101') {
    latest.fileCount = 250;
    plans.push({
      status: 0,
      ageMs: 20 * DAY_MS + 90 * MINUTE_MS,
      minutes: 0,
      tablet: true,
      fileCount: 17,
      trigger: 'scheduled',
    });
  }
  return plans;
}

export interface RecordContext {
  userId: string;
  moduleCode: string;
  seedAtMs: number;
  ids: RecordIds;
  bareId: boolean;
}

export function recordFromPlan(plan: RecordPlan, context: RecordContext): BackupRecordEntry {
  const { userId, moduleCode, seedAtMs, ids, bareId } = context;
  // Whole seconds, as a server's log would show them.
  const createdAtMs = Math.floor((seedAtMs - plan.ageMs) / 1000) * 1000;
  const endedAtMs = plan.status === 0 ? null : createdAtMs + plan.minutes * MINUTE_MS;
  const recordId = ids.take().toString();
  return {
    recordId,
    userId,
    moduleCode,
    status: plan.status,
    properties: JSON.stringify({ appVersion: APP_VERSION, trigger: plan.trigger, fileCount: plan.fileCount }),
    version: 1,
    createdAtMs,
    endedAtMs,
    device: deviceOf(userId, plan.tablet, seedAtMs),
    fileCount: plan.fileCount,
    firstFileId: ids.take(plan.fileCount),
    bareId,
  };
}

/** A user's phone or tablet: the same IDs on every request of a run. */
function deviceOf(userId: string, tablet: boolean, seedAtMs: number): SandboxDevice {
  const digest = createHash('sha256')
    .update(`${userId}/${tablet ? 'tablet' : 'phone'}`)
    .digest('hex');
  return {
    deviceId: `dev-${digest.slice(0, 16)}`,
    machineCode: digest.slice(16, 48).toUpperCase(),
    deviceName: tablet ? 'HUAWEI MatePad 11.5' : 'HUAWEI Mate 60 Pro',
    deviceOS: tablet ? 'HarmonyOS 4.0.0' : 'HarmonyOS 4.2.0',
    createdAtMs: Math.floor((seedAtMs - 400 * DAY_MS) / 1000) * 1000,
  };
}
