import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResult, SecretStatus } from '../../../shared/contract';
import { lockAdmin } from '../api/lockAdmin';

interface Known {
  profileId: string;
  status: SecretStatus;
}

export interface SecretStatusState {
  /** null while unknown, and for a profile that is not saved yet. */
  status: SecretStatus | null;
  error: IpcError | null;
  busy: boolean;
  store: (profileId: string, secret: string) => Promise<boolean>;
  clear: (profileId: string) => Promise<boolean>;
  /** Asks main again (after a save that may have removed the secret). */
  refresh: (profileId: string) => Promise<boolean>;
}

/** Whether the keychain holds a secret for a profile. The secret itself never comes back. */
export function useSecretStatus(profileId: string | null): SecretStatusState {
  const [known, setKnown] = useState<Known | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!profileId) return;
    let current = true;
    void lockAdmin()
      .secretStatus({ profileId })
      .then((result) => {
        if (!current) return;
        if (result.ok) setKnown({ profileId, status: result.value });
        setError(result.ok ? null : result.error);
      });
    return () => {
      current = false;
    };
  }, [profileId]);

  const change = useCallback(async (id: string, call: () => Promise<IpcResult<SecretStatus>>) => {
    setBusy(true);
    try {
      const result = await call();
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      setError(null);
      setKnown({ profileId: id, status: result.value });
      return true;
    } finally {
      setBusy(false);
    }
  }, []);

  const store = useCallback(
    (id: string, secret: string) => change(id, () => lockAdmin().setSecret({ profileId: id, secret })),
    [change],
  );
  const clear = useCallback((id: string) => change(id, () => lockAdmin().clearSecret({ profileId: id })), [change]);
  const refresh = useCallback((id: string) => change(id, () => lockAdmin().secretStatus({ profileId: id })), [change]);

  const status = known && known.profileId === profileId ? known.status : null;
  return { status, error, busy, store, clear, refresh };
}
