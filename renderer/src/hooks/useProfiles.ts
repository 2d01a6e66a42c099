import { useCallback, useEffect, useState } from 'react';
import type { IpcError, IpcResult } from '../../../shared/contract';
import type { Profile } from '../../../shared/profile';
import { lockAdmin } from '../api/lockAdmin';

export interface ProfilesState {
  profiles: Profile[];
  loaded: boolean;
  error: IpcError | null;
  reload: () => Promise<Profile[] | null>;
}

export function useProfiles(): ProfilesState {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const apply = useCallback((result: IpcResult<Profile[]>) => {
    setLoaded(true);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    setProfiles(result.value);
    return result.value;
  }, []);

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

  return { profiles, loaded, error, reload };
}
