import { useCallback, useEffect } from 'react';
import type { SandboxInfo } from '../../../../shared/contract';
import type { IpcError, IpcResult } from '../../../../shared/ipcResult';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';

export interface SandboxState {
  info: SandboxInfo | null;
  busy: boolean;
  error: IpcError | null;
  start: () => Promise<SandboxInfo | null>;
  stop: () => Promise<SandboxInfo | null>;
  refresh: () => Promise<SandboxInfo | null>;
}

const valueOf = (result: IpcResult<SandboxInfo>) => (result.ok ? result.value : null);

export function useSandbox(): SandboxState {
  const { value: info, busy, error, run, settle } = useIpcCall<SandboxInfo>({ keepValueOnError: true });

  const refresh = useCallback(async () => {
    const result = await lockAdmin().sandboxStatus();
    settle(result);
    return valueOf(result);
  }, [settle]);
  const start = useCallback(async () => valueOf(await run(() => lockAdmin().startSandbox())), [run]);
  const stop = useCallback(async () => valueOf(await run(() => lockAdmin().stopSandbox())), [run]);

  useEffect(() => {
    let live = true;
    void lockAdmin()
      .sandboxStatus()
      .then((result) => {
        if (live) settle(result);
      });
    return () => {
      live = false;
    };
  }, [settle]);

  return { info, busy, error, start, stop, refresh };
}
