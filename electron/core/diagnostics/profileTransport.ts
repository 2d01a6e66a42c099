import type { Profile } from '../../../shared/profile';
import type { HttpRequest } from '../koodrive/transport';

export const DEFAULT_STEP_TIMEOUT_MS = 5000;
/** Diagnostics only read status and headers (and a small JSON body); anything bigger is not KooDrive. */
export const DIAGNOSTIC_MAX_BODY_BYTES = 64 * 1024;

/**
 * The profile's connection settings for the transport: its extra CA and the proxy its requests use
 * (`proxyFor`: the profile's own, else the environment's; without it, the profile's own only).
 */
export function connectionSettings(
  profile: Profile,
  proxyFor?: (profile: Profile) => string | undefined,
): Pick<HttpRequest, 'tls' | 'proxyUrl'> {
  const proxyUrl = proxyFor ? proxyFor(profile) : profile.proxyUrl;
  return {
    ...(profile.caPem ? { tls: { caPem: profile.caPem } } : {}),
    ...(proxyUrl ? { proxyUrl } : {}),
  };
}
