import { useCallback, useMemo, useState } from 'react';
import type { IpcError, IpcResult } from '../../../shared/ipcResult';
import {
  type IpcCallOptions,
  type IpcCallState,
  callFinished,
  callSettled,
  callStarted,
  idleCall,
} from './ipcCallState';

export interface IpcCall<T> extends IpcCallState<T> {
  /** Sends the call, busy while it runs; resolves to its result, which is also recorded. */
  run: (call: () => Promise<IpcResult<T>>) => Promise<IpcResult<T>>;
  /** Records a result fetched without showing busy (a load when the component mounts). */
  settle: (result: IpcResult<T>) => void;
  /** Shows an error that did not come from a call of this hook. */
  fail: (error: IpcError) => void;
  dismissError: () => void;
  /** Forgets the error and the value. */
  reset: () => void;
}

/**
 * The busy flag, error and value of one kind of IPC call. window.lockAdmin never throws, so the
 * result alone says how the call went. Guarding against a second run while busy is the caller's choice.
 */
export function useIpcCall<T>(options: IpcCallOptions = {}): IpcCall<T> {
  const [state, setState] = useState<IpcCallState<T>>(idleCall);
  const keepValueOnError = options.keepValueOnError === true;

  const settle = useCallback(
    (result: IpcResult<T>) => setState((previous) => callSettled(previous, result, { keepValueOnError })),
    [keepValueOnError],
  );
  const run = useCallback(
    async (call: () => Promise<IpcResult<T>>) => {
      setState(callStarted);
      try {
        const result = await call();
        settle(result);
        return result;
      } finally {
        setState(callFinished);
      }
    },
    [settle],
  );
  const fail = useCallback((error: IpcError) => setState((previous) => ({ ...previous, error })), []);
  const dismissError = useCallback(() => setState((previous) => ({ ...previous, error: null })), []);
  const reset = useCallback(() => setState((previous) => ({ ...idleCall<T>(), busy: previous.busy })), []);

  return useMemo(
    () => ({ ...state, run, settle, fail, dismissError, reset }),
    [state, run, settle, fail, dismissError, reset],
  );
}
