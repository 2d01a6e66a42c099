/**
 * The clock check: one unauthenticated GET to the lock endpoint (any answer carries the server's Date
 * header), through the TLS and proxy settings a lock operation uses (connectionFor), compared with the local clock at the midpoint
 * of the round trip.
 */
import type { ClockCheck } from '../../../shared/diagnostics';
import type { Profile } from '../../../shared/profile';
import type { Clock } from '../clock';
import { lockUrlFor, lockUrlProblemMessage } from '../koodrive/endpointUrl';
import { type ConnectionSettings, type Routing, connectionFor } from '../koodrive/connectionFor';
import { ProxyDecisionError } from '../koodrive/proxyDecision';
import { type Transport, TransportError } from '../koodrive/transport';
import { message } from '../../../shared/messages/message';
import { judgeClock, unknownClock } from './clockVerdict';
import { asReported } from './stepOutcome';
import { DEFAULT_STEP_TIMEOUT_MS, DIAGNOSTIC_MAX_BODY_BYTES } from './stepLimits';

/** Routing as for a lock operation (connectionFor.ts): env, system proxy or PAC, stored proxy password. */
export interface ClockCheckDeps extends Routing {
  transport: Transport;
  clock: Clock;
  timeoutMs?: number;
}

export async function checkServerClock(profile: Profile, deps: ClockCheckDeps): Promise<ClockCheck> {
  const lockUrl = lockUrlFor(profile.baseUrl);
  if (!lockUrl.ok) {
    const problem = lockUrlProblemMessage(profile.baseUrl) ?? asReported(lockUrl.problem);
    return unknownClock(deps.clock.now().getTime(), problem);
  }
  const { url } = lockUrl;
  let settings: ConnectionSettings;
  try {
    ({ settings } = await connectionFor(profile, deps));
  } catch (error) {
    if (!(error instanceof ProxyDecisionError)) throw error;
    return unknownClock(deps.clock.now().getTime(), message('clock.reason.nothingSent', { why: error.message }));
  }
  const sentAtMs = deps.clock.now().getTime();
  const started = deps.clock.monotonicMs();
  try {
    const response = await deps.transport({
      method: 'GET',
      url,
      headers: { Host: url.host },
      timeoutMs: deps.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
      maxBodyBytes: DIAGNOSTIC_MAX_BODY_BYTES,
      ...settings,
    });
    const roundTripMs = Math.max(0, deps.clock.monotonicMs() - started);
    return judgeClock({ sentAtMs, roundTripMs, serverDate: response.headers.date });
  } catch (error) {
    const why = error instanceof TransportError ? error.message : message('detail.http.internal');
    return unknownClock(sentAtMs, message('clock.reason.unreachable', { why }));
  }
}
