/**
 * The clock check: one unauthenticated GET to the lock endpoint (any answer carries the server's Date
 * header), through the TLS and proxy settings a lock operation uses (connectionFor), compared with the local clock at the midpoint
 * of the round trip.
 */
import type { ClockCheck } from '../../../shared/diagnostics';
import type { Profile } from '../../../shared/profile';
import type { Clock } from '../clock';
import { lockUrlFor } from '../koodrive/endpointUrl';
import { connectionFor } from '../koodrive/connectionFor';
import type { ProxyEnv } from '../koodrive/proxyFromEnv';
import { type Transport, TransportError } from '../koodrive/transport';
import { judgeClock, unknownClock } from './clockVerdict';
import { DEFAULT_STEP_TIMEOUT_MS, DIAGNOSTIC_MAX_BODY_BYTES } from './stepLimits';

export interface ClockCheckDeps {
  transport: Transport;
  clock: Clock;
  timeoutMs?: number;
  /** Where HTTPS_PROXY and NO_PROXY are read, as for a lock operation; default none (the profile's own proxy only). */
  env?: ProxyEnv;
}

export async function checkServerClock(profile: Profile, deps: ClockCheckDeps): Promise<ClockCheck> {
  const lockUrl = lockUrlFor(profile.baseUrl);
  if (!lockUrl.ok) return unknownClock(deps.clock.now().getTime(), lockUrl.problem);
  const { url } = lockUrl;
  const sentAtMs = deps.clock.now().getTime();
  const started = deps.clock.monotonicMs();
  try {
    const response = await deps.transport({
      method: 'GET',
      url,
      headers: { Host: url.host },
      timeoutMs: deps.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
      maxBodyBytes: DIAGNOSTIC_MAX_BODY_BYTES,
      ...connectionFor(profile, deps.env ?? {}),
    });
    const roundTripMs = Math.max(0, deps.clock.monotonicMs() - started);
    return judgeClock({ sentAtMs, roundTripMs, serverDate: response.headers.date });
  } catch (error) {
    const reason = error instanceof TransportError ? error.message : 'The request failed inside the HTTP client.';
    return unknownClock(sentAtMs, `The server could not be reached: ${reason}`);
  }
}
