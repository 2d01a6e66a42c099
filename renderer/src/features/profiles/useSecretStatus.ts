import { useCallback, useEffect, useState } from 'react';
import type { SecretStatus } from '../../../../shared/contract';
import type { IpcError, IpcResult } from '../../../../shared/ipcResult';
import { mapResult } from '../../api/ipcCallState';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { forgetSecretOutcome } from '../locks/secretOutcome';
import { asChange, createStatusReadOrder } from './statusReadOrder';

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

const knownFor = (profileId: string) => (status: SecretStatus) => ({ profileId, status });

/** Whether the keychain holds a secret for a profile. The secret itself never comes back. */
export function useSecretStatus(profileId: string | null): SecretStatusState {
  const { value: known, error, busy, run, settle } = useIpcCall<Known>({ keepValueOnError: true });
  const [order] = useState(createStatusReadOrder);

  useEffect(() => {
    if (!profileId) return;
    let current = true;
    const mayShow = order.readSent();
    void lockAdmin()
      .secretStatus({ profileId })
      .then((result) => {
        if (current && mayShow()) settle(mapResult(result, knownFor(profileId)));
      });
    return () => {
      current = false;
    };
  }, [profileId, settle, order]);

  const change = useCallback(
    async (id: string, call: () => Promise<IpcResult<SecretStatus>>) => {
      const result = await asChange(order, () => run(async () => mapResult(await call(), knownFor(id))));
      return result.ok;
    },
    [run, order],
  );

  /** A secret stored or removed has not been tried yet: the badge forgets the last call's outcome. */
  const replace = useCallback(
    async (id: string, call: () => Promise<IpcResult<SecretStatus>>) => {
      const changed = await change(id, call);
      if (changed) forgetSecretOutcome(id);
      return changed;
    },
    [change],
  );

  const store = useCallback(
    (id: string, secret: string) => replace(id, () => lockAdmin().setSecret({ profileId: id, secret })),
    [replace],
  );
  const clear = useCallback((id: string) => replace(id, () => lockAdmin().clearSecret({ profileId: id })), [replace]);
  const refresh = useCallback((id: string) => change(id, () => lockAdmin().secretStatus({ profileId: id })), [change]);

  const status = known && known.profileId === profileId ? known.status : null;
  return { status, error, busy, store, clear, refresh };
}
