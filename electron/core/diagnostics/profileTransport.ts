import type { Profile } from '../../../shared/profile';
import type { HttpRequest } from '../koodrive/transport';

export const DEFAULT_STEP_TIMEOUT_MS = 5000;
/** Diagnostics only read status and headers (and a small JSON body); anything bigger is not KooDrive. */
export const DIAGNOSTIC_MAX_BODY_BYTES = 64 * 1024;

/** The profile's connection settings for the transport: its extra CA and its proxy. */
export function connectionSettings(profile: Profile): Pick<HttpRequest, 'tls' | 'proxyUrl'> {
  return {
    ...(profile.caPem ? { tls: { caPem: profile.caPem } } : {}),
    ...(profile.proxyUrl ? { proxyUrl: profile.proxyUrl } : {}),
  };
}
