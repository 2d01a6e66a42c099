/**
 * The clock check: one unauthenticated GET to the lock endpoint (any answer carries the server's Date
 * header), through the profile's CA and proxy settings, compared with the local clock at the midpoint
 * of the round trip.
 */
import type { ClockCheck } from '../../../shared/diagnostics';
import type { Profile } from '../../../shared/profile';
import type { Clock } from '../clock';
import { lockUrlFor } from '../koodrive/endpointUrl';
import { type Transport, TransportError } from '../koodrive/transport';
import { judgeClock, unknownClock } from './clockVerdict';
import { DEFAULT_STEP_TIMEOUT_MS, DIAGNOSTIC_MAX_BODY_BYTES, connectionSettings } from './profileTransport';

export interface ClockCheckDeps {
  transport: Transport;
  clock: Clock;
  timeoutMs?: number;
  /** The proxy the profile's requests use (its own, else the environment's); default: the profile's own. */
  proxyFor?: (profile: Profile) => string | undefined;
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
      ...connectionSettings(profile, deps.proxyFor),
    });
    const roundTripMs = Math.max(0, deps.clock.monotonicMs() - started);
    return judgeClock({ sentAtMs, roundTripMs, serverDate: response.headers.date });
  } catch (error) {
    const reason = error instanceof TransportError ? error.message : 'The request failed inside the HTTP client.';
    return unknownClock(sentAtMs, `The server could not be reached: ${reason}`);
  }
}
