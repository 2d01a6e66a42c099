import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResult, SandboxInfo } from '../../../shared/contract';
import { lockAdmin } from '../api/lockAdmin';

export interface SandboxState {
  info: SandboxInfo | null;
  busy: boolean;
  error: IpcError | null;
  start: () => Promise<SandboxInfo | null>;
  stop: () => Promise<SandboxInfo | null>;
  refresh: () => Promise<SandboxInfo | null>;
}

export function useSandbox(): SandboxState {
  const [info, setInfo] = useState<SandboxInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const apply = useCallback((result: IpcResult<SandboxInfo>) => {
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    setInfo(result.value);
    return result.value;
  }, []);

  const refresh = useCallback(async () => apply(await lockAdmin().sandboxStatus()), [apply]);

  const change = useCallback(
    async (call: () => Promise<IpcResult<SandboxInfo>>) => {
      setBusy(true);
      try {
        return apply(await call());
      } finally {
        setBusy(false);
      }
    },
    [apply],
  );

  const start = useCallback(() => change(() => lockAdmin().startSandbox()), [change]);
  const stop = useCallback(() => change(() => lockAdmin().stopSandbox()), [change]);

  useEffect(() => {
    let live = true;
    void lockAdmin()
      .sandboxStatus()
      .then((result) => {
        if (live) apply(result);
      });
    return () => {
      live = false;
    };
  }, [apply]);

  return { info, busy, error, start, stop, refresh };
}
