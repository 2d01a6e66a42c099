import { useCallback, useRef, useState } from 'react';
import type { IpcError, IpcResult } from '../../../../shared/ipcResult';
import type { LockResult } from '../../../../shared/result';
import { lockAdmin } from '../../api/lockAdmin';
import { newRequestTag } from '../../api/requestTag';
import { useIpcCall } from '../../api/useIpcCall';
import { mapResult } from '../../api/ipcCallState';
import { clockOffsetFor } from '../diagnostics/diagnosticsClockOffset';
import { recordSecretOutcome } from './secretOutcome';
import type { CompletedOperation, InFlightOperation, OperationContext, OperationRequest } from '../../lib/operation';

export interface LockOperationState {
  inFlight: InFlightOperation | null;
  completed: CompletedOperation | null;
  error: IpcError | null;
  run: (request: OperationRequest, context: OperationContext) => Promise<void>;
  cancel: () => Promise<void>;
}

function sendOperation(request: OperationRequest, requestTag: string): Promise<IpcResult<LockResult>> {
  const api = lockAdmin();
  const { profileId, userId } = request;
  // "Sign with server time" from the Diagnostics screen, when the user switched it on for this profile.
  const clockOffsetMs = clockOffsetFor(profileId);
  const offset = clockOffsetMs === undefined ? {} : { clockOffsetMs };
  switch (request.operation) {
    case 'release':
      return api.releaseLock({ profileId, userId, lockId: request.lockId, requestTag, ...offset });
    case 'renew':
      return api.renewLock({ profileId, userId, lockId: request.lockId, requestTag, ...offset });
    case 'create':
      return api.createLock({ profileId, userId, moduleCode: request.moduleCode, requestTag, ...offset });
  }
}

/** One lock operation at a time: a second run while one is in flight is ignored. */
export function useLockOperation(): LockOperationState {
  const [inFlight, setInFlight] = useState<InFlightOperation | null>(null);
  const { value: completed, error, run: send, fail, reset } = useIpcCall<CompletedOperation>();
  const current = useRef<InFlightOperation | null>(null);

  const run = useCallback(
    async (request: OperationRequest, context: OperationContext) => {
      if (current.current) return;
      const started: InFlightOperation = {
        operation: request.operation,
        requestTag: newRequestTag(),
        cancelling: false,
      };
      current.current = started;
      setInFlight(started);
      reset();
      try {
        const outcome = await send(async () =>
          mapResult(await sendOperation(request, started.requestTag), (result) => ({
            ...context,
            result,
            finishedAt: new Date(),
          })),
        );
        if (outcome.ok) recordSecretOutcome(request.profileId, outcome.value.result, outcome.value.finishedAt);
      } finally {
        current.current = null;
        setInFlight(null);
      }
    },
    [reset, send],
  );

  const cancel = useCallback(async () => {
    const running = current.current;
    if (!running || running.cancelling) return;
    const cancelling = { ...running, cancelling: true };
    current.current = cancelling;
    setInFlight(cancelling);
    const result = await lockAdmin().cancelRequest({ requestTag: running.requestTag });
    if (!result.ok) fail(result.error);
  }, [fail]);

  return { inFlight, completed, error, run, cancel };
}
