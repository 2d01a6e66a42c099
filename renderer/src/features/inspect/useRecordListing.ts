import { useCallback, useRef, useState } from 'react';
import type { IpcError } from '../../../../shared/ipcResult';
import type { RecordListResult } from '../../../../shared/records';
import { lockAdmin } from '../../api/lockAdmin';
import { newRequestTag } from '../../api/requestTag';

export interface ListingRequest {
  profileId: string;
  profileName: string;
  userId: string;
  moduleCode: string;
  limit: number;
}

export interface RecordListing {
  request: ListingRequest;
  result: RecordListResult;
  /** When the answer arrived: ages and "possibly stuck" are counted from here. */
  readAtMs: number;
}

export interface RecordListingState {
  running: { request: ListingRequest; cancelling: boolean } | null;
  listing: RecordListing | null;
  /** The call itself failed (refused by main), not the listing: nothing was read. */
  error: IpcError | null;
  show: (request: ListingRequest) => Promise<void>;
  cancel: () => Promise<void>;
}

/** One listing at a time (a second while one runs is ignored), cancellable through its request tag. */
export function useRecordListing(): RecordListingState {
  const [running, setRunning] = useState<RecordListingState['running']>(null);
  const [listing, setListing] = useState<RecordListing | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const tag = useRef<string | null>(null);

  const show = useCallback(async (request: ListingRequest) => {
    if (tag.current) return;
    const requestTag = newRequestTag();
    tag.current = requestTag;
    setRunning({ request, cancelling: false });
    setError(null);
    try {
      const { profileId, userId, moduleCode, limit } = request;
      const reply = await lockAdmin().listRecords({ profileId, userId, moduleCode, limit, requestTag });
      if (reply.ok) setListing({ request, result: reply.value, readAtMs: Date.now() });
      else {
        setListing(null);
        setError(reply.error);
      }
    } finally {
      tag.current = null;
      setRunning(null);
    }
  }, []);

  const cancel = useCallback(async () => {
    const requestTag = tag.current;
    if (!requestTag) return;
    setRunning((current) => (current ? { ...current, cancelling: true } : current));
    const reply = await lockAdmin().cancelRequest({ requestTag });
    if (!reply.ok) setError(reply.error);
  }, []);

  return { running, listing, error, show, cancel };
}
