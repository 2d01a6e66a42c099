import type { ConnectionReport } from '../../../../shared/diagnostics';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';

/** "Test connection": the Diagnostics screen's connection check (checkConnection) for a saved profile. */
export function useConnectionTest() {
  const call = useIpcCall<ConnectionReport>();
  async function test(profileId: string) {
    if (call.busy) return;
    call.dismissError();
    await call.run(() => lockAdmin().checkConnection({ profileId }));
  }
  return { busy: call.busy, error: call.error, report: call.value, dismissError: call.dismissError, test };
}
