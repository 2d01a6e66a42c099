/**
 * The one IPC contract: one entry per method, its argument schema and its result type side by side
 * (`satisfies ContractShape` refuses an entry that lacks either). The preload builds `window.lockAdmin`
 * from METHOD_NAMES, main registers one validated handler per method, and the end-to-end tests build
 * the same API in a browser page. Add a method here and every end gets it.
 */
import { BATCH_MAX_CONCURRENCY, BATCH_MAX_LOCKS, type BatchStatus } from './batch';
import type { ClockCheck, ConnectionReport, RequestPreview } from './diagnostics';
import { type AuditIntegrity, HISTORY_OUTCOMES, type HistoryPage } from './history';
import { LOCK_ID_MAX } from './identifiers';
import type { Profile } from './profile';
import { profileIdSchema, profileInputSchema } from './profile';
import {
  RECORD_CURSOR_MAX,
  RECORD_LIST_MAX_LIMIT,
  type RecordDetailsResult,
  type RecordFilesPage,
  type RecordListResult,
} from './records';
import { MESSAGE_LOCALES } from './messages/locales';
import { LOCK_OPERATIONS, type LockResult, RESULT_KINDS } from './result';
import type { IpcResult } from './ipcResult';
import { type ArgsOf, type ContractShape, type ResultTypeOf, returns } from './ipcMethod';
import { array, integer, none, object, oneOf, optional, string } from './schema';

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
  kind: optional(oneOf(RESULT_KINDS)),
  operation: optional(oneOf(LOCK_OPERATIONS)),
  from: optional(string({ min: 1, max: 40 })),
  to: optional(string({ min: 1, max: 40 })),
});

export interface SecretStatus {
  stored: boolean;
  /**
   * A secret is stored, but for another destination than the profile's current one (base URL, auth mode,
   * App ID, prefix, proxy or CA changed since): it will not be used until it is entered again.
   */
  destinationChanged: boolean;
  /** Human name of the store, e.g. "Secret Service (GNOME Keyring / KWallet)". */
  store: string;
  /**
   * Set when the keychain could not look (locked, or no keychain service): `stored` is then unknown and false.
   * Linux tells these apart from "absent" (docs/security.md#a-locked-keychain); macOS and Windows report them as
   * an error.
   */
  keychain?: 'locked' | 'unavailable';
}

/** Whether the window holds edits that closing it would lose (main asks before closing or quitting). */
export const UNSAVED_EDIT_STATES = ['unsaved', 'none'] as const;

/** The profile's proxy user name and password in the keychain: never the password itself. */
export interface ProxyPasswordStatus {
  stored: boolean;
  /** The proxy origin (scheme://host:port) the password is used for, only that one; null when none is stored. */
  proxy: string | null;
  /** The proxy user name (not secret); null when none is stored. */
  user: string | null;
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

/** A backup record ID: checked in full by the record reader, which says what is wrong. */
const recordIdArg = string({ min: 1, max: 64 });
const deviceIdArg = string({ min: 1, max: 128 });

/** The arguments of a release or renew: a lock that exists, acted on for one user. */
const existingLockArgs = object({
  profileId: profileIdSchema,
  lockId: lockIdArg,
  userId: optional(userIdArg),
  requestTag: optional(requestTagArg),
  clockOffsetMs: clockOffsetArg,
});

export const contract = {
  listProfiles: { args: none(), result: returns<Profile[]>() },
  saveProfile: {
    args: profileInputSchema,
    /** secretCleared: the save changed where the secret goes, so the stored secret was removed (enter it again). */
    result: returns<Profile & { secretCleared: boolean }>(),
  },
  deleteProfile: { args: object({ profileId: profileIdSchema }), result: returns<{ deleted: boolean }>() },
  secretStatus: { args: object({ profileId: profileIdSchema }), result: returns<SecretStatus>() },
  setSecret: {
    args: object({ profileId: profileIdSchema, secret: string({ min: 1, max: 4096 }) }),
    result: returns<SecretStatus>(),
  },
  clearSecret: { args: object({ profileId: profileIdSchema }), result: returns<SecretStatus>() },
  proxyPasswordStatus: { args: object({ profileId: profileIdSchema }), result: returns<ProxyPasswordStatus>() },
  /** proxyUrl: the proxy the password is for; default the profile's proxy. The password never comes back. */
  setProxyPassword: {
    args: object({
      profileId: profileIdSchema,
      proxyUrl: optional(string({ min: 1, max: 2048, trim: true })),
      user: string({ min: 1, max: 256 }),
      password: string({ min: 1, max: 1024 }),
    }),
    result: returns<ProxyPasswordStatus>(),
  },
  clearProxyPassword: { args: object({ profileId: profileIdSchema }), result: returns<ProxyPasswordStatus>() },
  releaseLock: { args: existingLockArgs, result: returns<LockResult>() },
  renewLock: { args: existingLockArgs, result: returns<LockResult>() },
  createLock: {
    args: object({
      profileId: profileIdSchema,
      moduleCode: optional(moduleCodeArg),
      userId: optional(userIdArg),
      requestTag: optional(requestTagArg),
      clockOffsetMs: clockOffsetArg,
    }),
    result: returns<LockResult>(),
  },
  cancelRequest: { args: object({ requestTag: requestTagArg }), result: returns<{ cancelled: boolean }>() },
  startSandbox: { args: none(), result: returns<SandboxInfo>() },
  stopSandbox: { args: none(), result: returns<SandboxInfo>() },
  sandboxStatus: { args: none(), result: returns<SandboxInfo>() },
  startBatch: {
    args: object({
      profileId: profileIdSchema,
      /** (user, lock) pairs; a row without a user acts for `userId`, else for the profile's default user. */
      rows: array(object({ userId: optional(userIdArg), lockId: lockIdArg }), BATCH_MAX_LOCKS),
      userId: optional(userIdArg),
      concurrency: integer(1, BATCH_MAX_CONCURRENCY),
      clockOffsetMs: clockOffsetArg,
    }),
    result: returns<{ batchId: string; total: number }>(),
  },
  batchStatus: {
    args: object({ batchId: batchIdArg, since: integer(0, BATCH_MAX_LOCKS) }),
    result: returns<BatchStatus>(),
  },
  cancelBatch: { args: object({ batchId: batchIdArg }), result: returns<{ cancelled: boolean }>() },
  queryHistory: {
    args: object({ filter: historyFilterArg, offset: integer(0, 10_000_000), limit: integer(1, 1000) }),
    result: returns<HistoryPage>(),
  },
  exportHistory: {
    args: object({ filter: historyFilterArg }),
    /** CSV text (RFC 4180, cells guarded against spreadsheet formula injection). */
    result: returns<{ csv: string; rows: number }>(),
  },
  /** The audit log's hash chain checked end to end: intact, or where it first breaks (file name and line). */
  verifyAudit: { args: none(), result: returns<AuditIntegrity>() },
  previewRequest: {
    args: object({
      profileId: profileIdSchema,
      operation: oneOf(LOCK_OPERATIONS),
      lockId: optional(lockIdArg),
      moduleCode: optional(moduleCodeArg),
      userId: optional(userIdArg),
      clockOffsetMs: clockOffsetArg,
    }),
    result: returns<RequestPreview>(),
  },
  /**
   * A user's backup records for one module, every page (100 each) up to `limit` (default 1,000); cancel with
   * cancelRequest({ requestTag }). A status filter is the caller's: the API has none.
   */
  listRecords: {
    args: object({
      profileId: profileIdSchema,
      userId: optional(userIdArg),
      moduleCode: moduleCodeArg,
      deviceId: optional(deviceIdArg),
      limit: optional(integer(1, RECORD_LIST_MAX_LIMIT)),
      requestTag: optional(requestTagArg),
    }),
    result: returns<RecordListResult>(),
  },
  viewRecord: {
    args: object({
      profileId: profileIdSchema,
      userId: optional(userIdArg),
      moduleCode: optional(moduleCodeArg),
      recordId: recordIdArg,
      requestTag: optional(requestTagArg),
    }),
    result: returns<RecordDetailsResult>(),
  },
  /** One page (up to 100) of a record's files; pass the page's nextCursor back as `cursor` for the next. */
  listRecordFiles: {
    args: object({
      profileId: profileIdSchema,
      userId: optional(userIdArg),
      recordId: recordIdArg,
      cursor: optional(string({ min: 1, max: RECORD_CURSOR_MAX })),
      requestTag: optional(requestTagArg),
    }),
    result: returns<RecordFilesPage>(),
  },
  checkClock: { args: object({ profileId: profileIdSchema }), result: returns<ClockCheck>() },
  /** The renderer says whether unsaved profile edits exist; main then asks "Discard?" on close or quit. */
  setUnsavedChanges: {
    args: object({ edits: oneOf(UNSAVED_EDIT_STATES) }),
    result: returns<{ guarded: boolean }>(),
  },
  /** The window's language (Settings, else the system's); main then speaks it in the menu, notifications, dialogs. */
  setWindowLanguage: {
    args: object({ language: oneOf(MESSAGE_LOCALES) }),
    result: returns<{ applied: boolean }>(),
  },
  checkConnection: {
    args: object({ profileId: profileIdSchema, userId: optional(userIdArg) }),
    result: returns<ConnectionReport>(),
  },
} satisfies ContractShape;

type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgOf<M extends MethodName> = ArgsOf<Contract[M]>;
export type ResultOf<M extends MethodName> = ResultTypeOf<Contract[M]>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function channelFor(method: MethodName): string {
  return `${CHANNEL_PREFIX}${method}`;
}

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}

/** What `window.lockAdmin` offers the renderer. Calls never throw; failures come back as IpcError. */
export type LockAdminApi = {
  [M in MethodName]: (arg: ArgOf<M>) => Promise<IpcResult<ResultOf<M>>>;
};

/** Handler implementations in main: validated argument in, result out (may throw AppError). */
export type Handlers = {
  [M in MethodName]: (arg: ArgOf<M>) => Promise<ResultOf<M>>;
};
