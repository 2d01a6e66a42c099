import type { SandboxClock } from './clock';
import type { RecordStore } from './backupRecords';
import type { PageCursors } from './pageCursor';
import type { RecordIds } from './recordIds';
import type { FaultSchedule } from './faults';
import type { Gateway } from './gateway';
import type { LockTable } from './lockTable';
import type { RequestLog } from './requestLog';
import type { TimerSet } from './timers';
import type { AddLock } from './stuckLocks';
import type { SandboxCredentials, StuckBackup } from './types';

/** Everything a running sandbox's request handlers share. */
export interface SandboxState {
  credentials: SandboxCredentials;
  clock: SandboxClock;
  locks: LockTable;
  faults: FaultSchedule;
  log: RequestLog;
  timers: TimerSet;
  /** Rate limit and latency in front of the API routes. */
  gateway: Gateway;
  /** Backup records (read-only through the API), the IDs they are given, and the paging cursors. */
  backups: { records: RecordStore; ids: RecordIds; cursors: PageCursors };
  /** Adds a stuck lock (the sandbox user's unless told otherwise); the module code cycles 100/101/102 when not given. */
  addLock: AddLock;
  /** Adds a stuck-backup scenario (the sandbox user and module 102 unless told otherwise). */
  addStuckBackup: (request?: { userId?: string; moduleCode?: string }) => StuckBackup;
  /** A bad signature's answer carries the server's string to sign (SandboxOptions.signatureDetail). */
  signatureDetail: boolean;
  /** One line per request when not quiet; never given secrets. */
  logLine: ((line: string) => void) | null;
}
