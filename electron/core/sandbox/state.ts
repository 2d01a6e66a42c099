import type { Clock } from '../clock';
import type { FaultSchedule } from './faults';
import type { LockTable } from './lockTable';
import type { RequestLog } from './requestLog';
import type { TimerSet } from './timers';
import type { SandboxCredentials } from './types';

/** Everything a running sandbox's request handlers share. */
export interface SandboxState {
  credentials: SandboxCredentials;
  clock: Clock;
  locks: LockTable;
  faults: FaultSchedule;
  log: RequestLog;
  timers: TimerSet;
  /** Adds a stuck lock for the sandbox user; the module code cycles 100/101/102 when not given. */
  addLock(moduleCode?: string): string;
  /** One line per request when not quiet; never given secrets. */
  logLine: ((line: string) => void) | null;
}
