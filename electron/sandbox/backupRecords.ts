/**
 * The backup records the sandbox serves read-only (docs/sandbox.md "Backup records and files"). Records
 * are made per user and module on first use, so thousands of seeded users cost nothing at start;
 * a record's files are computed from the record when asked for (see recordFiles.ts).
 */

export type RecordStatus = 0 | 1 | 2;

export interface SandboxDevice {
  deviceId: string;
  machineCode: string;
  deviceName: string;
  deviceOS: string;
  createdAtMs: number;
}

export interface BackupRecordEntry {
  /** 19 digits, above 2^53: kept as a string. */
  recordId: string;
  userId: string;
  moduleCode: string;
  status: RecordStatus;
  properties: string;
  version: number;
  createdAtMs: number;
  /** null while in progress. */
  endedAtMs: number | null;
  device: SandboxDevice;
  fileCount: number;
  /** The first file's ID; file i has ID firstFileId + 2i. */
  firstFileId: bigint;
  /** Served as a bare JSON integer rather than a string (both occur; a client must keep either exact). */
  bareId: boolean;
}

/** Makes the records of one user and module the first time they are asked for; [] for none. */
export type RecordSeeder = (userId: string, moduleCode: string) => BackupRecordEntry[];

/** Newest first; equal times by record ID, larger first. */
export function newerFirst(a: BackupRecordEntry, b: BackupRecordEntry): number {
  if (a.createdAtMs !== b.createdAtMs) return b.createdAtMs - a.createdAtMs;
  return compareIds(b.recordId, a.recordId);
}

/** Numeric order of decimal IDs without leading zeros. */
function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export class RecordStore {
  /** Per `${userId} ${moduleCode}`, newest first. */
  private readonly lists = new Map<string, BackupRecordEntry[]>();
  private readonly byId = new Map<string, BackupRecordEntry>();

  constructor(private readonly seeder: RecordSeeder) {}

  /** The records of a user for a module, newest first. */
  list(userId: string, moduleCode: string): readonly BackupRecordEntry[] {
    return this.listOf(userId, moduleCode, false);
  }

  /** A record by ID, whoever it belongs to (the route checks the owner). */
  get(recordId: string): BackupRecordEntry | undefined {
    return this.byId.get(recordId);
  }

  add(record: BackupRecordEntry): void {
    if (this.byId.has(record.recordId)) throw new Error(`record ${record.recordId} exists already`);
    const list = this.listOf(record.userId, record.moduleCode, true);
    list.push(record);
    list.sort(newerFirst);
    this.byId.set(record.recordId, record);
  }

  /** An empty list is kept only `forAdding`: requests for made-up users must not fill memory. */
  private listOf(userId: string, moduleCode: string, forAdding: boolean): BackupRecordEntry[] {
    const key = `${userId} ${moduleCode}`;
    let list = this.lists.get(key);
    if (!list) {
      list = this.seeder(userId, moduleCode).sort(newerFirst);
      for (const record of list) this.byId.set(record.recordId, record);
      if (list.length > 0 || forAdding) this.lists.set(key, list);
    }
    return list;
  }
}
