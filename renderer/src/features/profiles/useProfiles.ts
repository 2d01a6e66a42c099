import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResult } from '../../../../shared/ipcResult';
import type { Profile } from '../../../../shared/profile';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';

export interface ProfilesState {
  profiles: Profile[];
  loaded: boolean;
  error: IpcError | null;
  reload: () => Promise<Profile[] | null>;
}

const NONE: Profile[] = [];

export function useProfiles(): ProfilesState {
  const { value, error, settle } = useIpcCall<Profile[]>({ keepValueOnError: true });
  const [loaded, setLoaded] = useState(false);

  const apply = useCallback(
    (result: IpcResult<Profile[]>) => {
      setLoaded(true);
      settle(result);
      return result.ok ? result.value : null;
    },
    [settle],
  );

  const reload = useCallback(async () => apply(await lockAdmin().listProfiles()), [apply]);

  useEffect(() => {
    let live = true;
    void lockAdmin()
      .listProfiles()
      .then((result) => {
        if (live) apply(result);
      });
    return () => {
      live = false;
    };
  }, [apply]);

  return { profiles: value ?? NONE, loaded, error, reload };
}
