/**
 * The one IPC contract: method name -> argument schema -> result type. The preload builds
 * `window.lockAdmin` from METHOD_NAMES, main registers one validated handler per method, and the
 * end-to-end tests build the same API in a browser page. Add a method here and every end gets it.
 */
import { LOCK_ID_MAX } from './identifiers';
import type { Profile } from './profile';
import { profileIdSchema, profileInputSchema } from './profile';
import type { LockResult } from './result';
import { type Infer, none, object, optional, string } from './schema';

export const CHANNEL_PREFIX = 'lockAdmin:';

const lockIdArg = string({ min: 1, max: LOCK_ID_MAX + 64 });
const requestTagArg = string({
  min: 1,
  max: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  patternHint: 'is letters, digits, dash or underscore',
});
const moduleCodeArg = string({ min: 1, max: 8, pattern: /^\d+$/, patternHint: 'is digits only' });

export const argSchemas = {
  listProfiles: none(),
  saveProfile: profileInputSchema,
  deleteProfile: object({ profileId: profileIdSchema }),
  secretStatus: object({ profileId: profileIdSchema }),
  setSecret: object({ profileId: profileIdSchema, secret: string({ min: 1, max: 4096 }) }),
  clearSecret: object({ profileId: profileIdSchema }),
  releaseLock: object({ profileId: profileIdSchema, lockId: lockIdArg, requestTag: optional(requestTagArg) }),
  renewLock: object({ profileId: profileIdSchema, lockId: lockIdArg, requestTag: optional(requestTagArg) }),
  createLock: object({
    profileId: profileIdSchema,
    moduleCode: optional(moduleCodeArg),
    requestTag: optional(requestTagArg),
  }),
  cancelRequest: object({ requestTag: requestTagArg }),
  startSandbox: none(),
  stopSandbox: none(),
  sandboxStatus: none(),
} as const;

export interface SecretStatus {
  stored: boolean;
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
}

export interface MethodResults {
  listProfiles: Profile[];
  saveProfile: Profile;
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

export const IPC_ERROR_CODES = [
  'invalid-argument',
  'forbidden-sender',
  'unknown-method',
  'not-found',
  'keychain-unavailable',
  'storage',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  /** Safe to show: says what is wrong and what to do. Never contains a secret. */
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What `window.lockAdmin` offers the renderer. Calls never throw; failures come back as IpcError. */
export type LockAdminApi = {
  [M in MethodName]: (arg: ArgOf<M>) => Promise<IpcResult<ResultOf<M>>>;
};

/** Handler implementations in main: validated argument in, result out (may throw AppError). */
export type Handlers = {
  [M in MethodName]: (arg: ArgOf<M>) => Promise<ResultOf<M>>;
};
