import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError } from '../../../../shared/ipcResult';
import type { BackupFileView, RecordFilesPage } from '../../../../shared/records';
import { lockAdmin } from '../../api/lockAdmin';
import { newRequestTag } from '../../api/requestTag';

export interface RecordFilesTarget {
  profileId: string;
  userId: string;
  recordId: string;
}

export interface RecordFilesState {
  files: readonly BackupFileView[];
  /** Where the next page starts; null when every file has been read (or nothing was read yet). */
  nextCursor: string | null;
  /** The last page's outcome when it failed (the files read before it stay). */
  failure: RecordFilesPage | null;
  error: IpcError | null;
  loading: boolean;
  /** At least one page has arrived. */
  started: boolean;
  loadMore: () => void;
}

interface Loaded {
  files: readonly BackupFileView[];
  nextCursor: string | null;
  failure: RecordFilesPage | null;
  error: IpcError | null;
  started: boolean;
}

const NOTHING: Loaded = { files: [], nextCursor: null, failure: null, error: null, started: false };

/**
 * A record's files a page at a time (listRecordFiles with the cursor of the page before). Mount it
 * with a key per record: a request still running at unmount is cancelled and its answer dropped.
 */
export function useRecordFiles(target: RecordFilesTarget): RecordFilesState {
  const [loaded, setLoaded] = useState<Loaded>(NOTHING);
  const [loading, setLoading] = useState(false);
  const inFlight = useRef<string | null>(null);
  /** Counts mounts: an answer to a request of an earlier one is dropped. */
  const generation = useRef(0);
  const { profileId, userId, recordId } = target;

  const load = useCallback(
    async (cursor: string | undefined) => {
      if (inFlight.current) return;
      const requestTag = newRequestTag();
      const mine = generation.current;
      inFlight.current = requestTag;
      setLoading(true);
      const reply = await lockAdmin().listRecordFiles({
        profileId,
        userId,
        recordId,
        requestTag,
        ...(cursor === undefined ? {} : { cursor }),
      });
      if (generation.current !== mine) return;
      inFlight.current = null;
      setLoading(false);
      setLoaded((previous) => {
        if (!reply.ok) return { ...previous, error: reply.error, started: true };
        const page = reply.value;
        if (!page.ok) return { ...previous, failure: page, error: null, started: true };
        return {
          files: [...previous.files, ...page.files],
          nextCursor: page.nextCursor,
          failure: null,
          error: null,
          started: true,
        };
      });
    },
    [profileId, userId, recordId],
  );

  useEffect(() => {
    void load(undefined);
    return () => {
      generation.current += 1;
      const requestTag = inFlight.current;
      inFlight.current = null;
      if (requestTag) void lockAdmin().cancelRequest({ requestTag });
    };
  }, [load]);

  const loadMore = useCallback(() => {
    // After a failed page, "Load more" tries that page again.
    if (loaded.nextCursor !== null || loaded.failure || loaded.error) void load(loaded.nextCursor ?? undefined);
  }, [load, loaded]);

  return { ...loaded, loading, loadMore };
}
