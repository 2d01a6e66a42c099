/**
 * The one IPC contract: method name -> argument schema -> result type. The preload builds
 * `window.lockAdmin` from METHOD_NAMES, main registers one validated handler per method, and the
 * end-to-end tests build the same API in a browser page. Add a method here and every end gets it.
 */
import { BATCH_MAX_CONCURRENCY, BATCH_MAX_LOCKS, type BatchStatus } from './batch';
import type { ClockCheck, ConnectionReport, RequestPreview } from './diagnostics';
import { type AuditIntegrity, HISTORY_OUTCOMES, type HistoryPage } from './history';
import { LOCK_ID_MAX } from './identifiers';
import type { Profile } from './profile';
import { profileIdSchema, profileInputSchema } from './profile';
import { LOCK_OPERATIONS, type LockResult } from './result';
import type { IpcResult } from './ipcResult';
import { type Infer, array, integer, none, object, oneOf, optional, string } from './schema';

// The renderer imports these from here; ipcResult.ts imports nothing, so this makes no circle.
export { IPC_ERROR_CODES, type IpcError, type IpcErrorCode, type IpcResult } from './ipcResult';

export const CHANNEL_PREFIX = 'lockAdmin:';

const lockIdArg = string({ min: 1, max: LOCK_ID_MAX + 64 });
const requestTagArg = string({
  min: 1,
  max: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  patternHint: 'is letters, digits, dash or underscore',
});
const moduleCodeArg = string({ min: 1, max: 8, pattern: /^\d+$/, patternHint: 'is digits only' });
/** The end user of an operation (X-User-Id); checked in full by the lock service, which says what is wrong. */
const userIdArg = string({ min: 1, max: 64 });
/** Sign with the server-corrected time (diagnostics' clock check): milliseconds added to the local clock. */
const clockOffsetArg = optional(integer(-86_400_000, 86_400_000));
const batchIdArg = string({
  min: 1,
  max: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  patternHint: 'is letters, digits, dash or underscore',
});
const historyFilterArg = object({
  lockId: optional(string({ min: 1, max: LOCK_ID_MAX })),
  userId: optional(string({ min: 1, max: 64 })),
  batchId: optional(string({ min: 1, max: 64 })),
  profile: optional(string({ min: 1, max: 64 })),
  outcome: optional(oneOf(HISTORY_OUTCOMES)),
  from: optional(string({ min: 1, max: 40 })),
  to: optional(string({ min: 1, max: 40 })),
});

export const argSchemas = {
  listProfiles: none(),
  saveProfile: profileInputSchema,
  deleteProfile: object({ profileId: profileIdSchema }),
  secretStatus: object({ profileId: profileIdSchema }),
  setSecret: object({ profileId: profileIdSchema, secret: string({ min: 1, max: 4096 }) }),
  clearSecret: object({ profileId: profileIdSchema }),
  releaseLock: object({
    profileId: profileIdSchema,
    lockId: lockIdArg,
    userId: optional(userIdArg),
    requestTag: optional(requestTagArg),
    clockOffsetMs: clockOffsetArg,
  }),
  renewLock: object({
    profileId: profileIdSchema,
    lockId: lockIdArg,
    userId: optional(userIdArg),
    requestTag: optional(requestTagArg),
    clockOffsetMs: clockOffsetArg,
  }),
  createLock: object({
    profileId: profileIdSchema,
    moduleCode: optional(moduleCodeArg),
    userId: optional(userIdArg),
    requestTag: optional(requestTagArg),
    clockOffsetMs: clockOffsetArg,
  }),
  cancelRequest: object({ requestTag: requestTagArg }),
  startSandbox: none(),
  stopSandbox: none(),
  sandboxStatus: none(),
  startBatch: object({
    profileId: profileIdSchema,
    /** (user, lock) pairs; a row without a user acts for `userId`, else for the profile's default user. */
    rows: array(object({ userId: optional(userIdArg), lockId: lockIdArg }), BATCH_MAX_LOCKS),
    userId: optional(userIdArg),
    concurrency: integer(1, BATCH_MAX_CONCURRENCY),
    clockOffsetMs: clockOffsetArg,
  }),
  batchStatus: object({ batchId: batchIdArg, since: integer(0, BATCH_MAX_LOCKS) }),
  cancelBatch: object({ batchId: batchIdArg }),
  queryHistory: object({ filter: historyFilterArg, offset: integer(0, 10_000_000), limit: integer(1, 1000) }),
  exportHistory: object({ filter: historyFilterArg }),
  verifyAudit: none(),
  previewRequest: object({
    profileId: profileIdSchema,
    operation: oneOf(LOCK_OPERATIONS),
    lockId: optional(lockIdArg),
    moduleCode: optional(moduleCodeArg),
    userId: optional(userIdArg),
    clockOffsetMs: clockOffsetArg,
  }),
  checkClock: object({ profileId: profileIdSchema }),
  checkConnection: object({ profileId: profileIdSchema, userId: optional(userIdArg) }),
} as const;

export interface SecretStatus {
  stored: boolean;
  /**
   * A secret is stored, but for another destination than the profile's current one (base URL, auth mode,
   * App ID, prefix, proxy or CA changed since): it will not be used until it is entered again.
   */
  destinationChanged: boolean;
  /** Human name of the store, e.g. "Secret Service (GNOME Keyring / KWallet)". */
  store: string;
}

export interface SandboxInfo {
  running: boolean;
  baseUrl: string | null;
  /** The Sandbox profile that the first-run flow creates. */
  profileId: string | null;
  /** Locks currently held in the sandbox (the seeded stuck ones and any created since). */
  activeLockIds: string[];
  /** The same locks with the user each belongs to (a lock is released only for its own user). */
  activeLocks: { userId: string; lockId: string }[];
}

export interface MethodResults {
  listProfiles: Profile[];
  /** secretCleared: the save changed where the secret goes, so the stored secret was removed (enter it again). */
  saveProfile: Profile & { secretCleared: boolean };
  deleteProfile: { deleted: boolean };
  secretStatus: SecretStatus;
  setSecret: SecretStatus;
  clearSecret: SecretStatus;
  releaseLock: LockResult;
  renewLock: LockResult;
  createLock: LockResult;
  cancelRequest: { cancelled: boolean };
  startSandbox: SandboxInfo;
  stopSandbox: SandboxInfo;
  sandboxStatus: SandboxInfo;
  startBatch: { batchId: string; total: number };
  batchStatus: BatchStatus;
  cancelBatch: { cancelled: boolean };
  queryHistory: HistoryPage;
  /** CSV text (RFC 4180, cells guarded against spreadsheet formula injection). */
  exportHistory: { csv: string; rows: number };
  /** The audit log's hash chain checked end to end: intact, or where it first breaks (file name and line). */
  verifyAudit: AuditIntegrity;
  previewRequest: RequestPreview;
  checkClock: ClockCheck;
  checkConnection: ConnectionReport;
}

export type MethodName = keyof typeof argSchemas & keyof MethodResults;
export type ArgOf<M extends MethodName> = Infer<(typeof argSchemas)[M]>;
export type ResultOf<M extends MethodName> = MethodResults[M];

export const METHOD_NAMES = Object.keys(argSchemas) as MethodName[];

export function channelFor(method: MethodName): string {
  return `${CHANNEL_PREFIX}${method}`;
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(argSchemas, value);
}

/** What `window.lockAdmin` offers the renderer. Calls never throw; failures come back as IpcError. */
export type LockAdminApi = {
  [M in MethodName]: (arg: ArgOf<M>) => Promise<IpcResult<ResultOf<M>>>;
};

/** Handler implementations in main: validated argument in, result out (may throw AppError). */
export type Handlers = {
  [M in MethodName]: (arg: ArgOf<M>) => Promise<ResultOf<M>>;
};
