import { useCallback, useMemo } from 'react';
import type { ClockCheck, ConnectionReport } from '../../../../shared/diagnostics';
import type { IpcResult } from '../../../../shared/ipcResult';
import { lockAdmin } from '../../api/lockAdmin';
import { type IpcCall, useIpcCall } from '../../api/useIpcCall';
import { type CheckOutcome, type SummaryRow, summaryRows } from './diagnosticsSummary';

function outcomeOf<T>(result: IpcResult<T>): CheckOutcome<T> {
  return result.ok ? { value: result.value, error: null } : { value: null, error: result.error };
}

export interface DiagnosticsChecks {
  clock: IpcCall<ClockCheck>;
  connection: IpcCall<ConnectionReport>;
  busy: boolean;
  /** One row per check that has an outcome, from "Run all checks" or a section's own button. */
  rows: SummaryRow[];
  checkClock: () => Promise<IpcResult<ClockCheck> | null>;
  checkConnection: () => Promise<IpcResult<ConnectionReport> | null>;
  /** The clock check, then the connection check; resolves to their rows, or null when a check was running. */
  runAll: () => Promise<SummaryRow[] | null>;
}

/** The clock and connection checks of one profile (mount per profile), each on its own or all in order. */
export function useDiagnosticsChecks(profileId: string, userId: string | undefined): DiagnosticsChecks {
  const clock = useIpcCall<ClockCheck>();
  const connection = useIpcCall<ConnectionReport>();
  const busy = clock.busy || connection.busy;
  const { run: sendClock, dismissError: forgetClockError } = clock;
  const { run: sendConnection, dismissError: forgetConnectionError } = connection;

  const checkClock = useCallback(async () => {
    forgetClockError();
    return sendClock(() => lockAdmin().checkClock({ profileId }));
  }, [profileId, sendClock, forgetClockError]);

  const checkConnection = useCallback(async () => {
    forgetConnectionError();
    const user = userId === undefined ? {} : { userId };
    return sendConnection(() => lockAdmin().checkConnection({ profileId, ...user }));
  }, [profileId, userId, sendConnection, forgetConnectionError]);

  const runAll = useCallback(async () => {
    const clockResult = await checkClock();
    const connectionResult = await checkConnection();
    return summaryRows({ clock: outcomeOf(clockResult), connection: outcomeOf(connectionResult) });
  }, [checkClock, checkConnection]);

  const rows = useMemo(
    () =>
      summaryRows({
        clock: { value: clock.value, error: clock.error },
        connection: { value: connection.value, error: connection.error },
      }),
    [clock.value, clock.error, connection.value, connection.error],
  );

  return {
    clock,
    connection,
    busy,
    rows,
    checkClock: async () => (busy ? null : checkClock()),
    checkConnection: async () => (busy ? null : checkConnection()),
    runAll: async () => (busy ? null : runAll()),
  };
}
