/**
 * The TLS and proxy policy of every KooDrive request (the window's lock service, the CLI, batches and the
 * diagnostics): the default trust store plus the profile's CA (trustStore.ts), and the profile's own proxy,
 * else HTTPS_PROXY unless NO_PROXY exempts the host (proxyFromEnv.ts).
 */
import type { Profile } from '../../../shared/profile';
import { type ProxyEnv, proxyFromEnv } from './proxyFromEnv';
import type { HttpRequest } from './transport';

export type ConnectionSettings = Pick<HttpRequest, 'tls' | 'proxyUrl'>;

export function connectionFor(profile: Profile, env: ProxyEnv): ConnectionSettings {
  const proxyUrl = profile.proxyUrl ?? proxyFromEnv(profile.baseUrl, env);
  return {
    ...(profile.caPem ? { tls: { caPem: profile.caPem } } : {}),
    ...(proxyUrl ? { proxyUrl } : {}),
  };
}
