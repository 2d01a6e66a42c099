/** What every IPC call answers: a value, or an IpcError that is safe to show. Imports nothing. */
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
