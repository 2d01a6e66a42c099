/**
 * What useIpcCall remembers of an IPC call: whether one is running, the last error, and the value of
 * the last call that succeeded. Pure, so the transitions can be tested without React.
 */
import type { IpcError, IpcResult } from '../../../shared/ipcResult';

export interface IpcCallState<T> {
  busy: boolean;
  error: IpcError | null;
  value: T | null;
}

export interface IpcCallOptions {
  /** Keep the last value when a later call fails (a list stays shown); by default a failure clears it. */
  keepValueOnError?: boolean;
}

export function idleCall<T>(): IpcCallState<T> {
  return { busy: false, error: null, value: null };
}

export function callStarted<T>(state: IpcCallState<T>): IpcCallState<T> {
  return { ...state, busy: true };
}

export function callFinished<T>(state: IpcCallState<T>): IpcCallState<T> {
  return { ...state, busy: false };
}

export function callSettled<T>(state: IpcCallState<T>, result: IpcResult<T>, options: IpcCallOptions): IpcCallState<T> {
  if (result.ok) return { ...state, error: null, value: result.value };
  return { ...state, error: result.error, value: options.keepValueOnError ? state.value : null };
}

/** The same result with its value changed (an error passes through). */
export function mapResult<T, U>(result: IpcResult<T>, change: (value: T) => U): IpcResult<U> {
  return result.ok ? { ok: true, value: change(result.value) } : result;
}
