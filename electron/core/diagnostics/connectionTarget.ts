/**
 * Where the connection check connects: the KooDrive host from the base URL, or, when the profile has a
 * proxy, the proxy (DNS and TCP then test the proxy, and TLS goes through its CONNECT tunnel).
 */
import { checkBaseUrl } from '../../../shared/identifiers';
import type { Profile } from '../../../shared/profile';
import { type ProxyAddress, ProxyAddressError, parseProxyAddress } from '../koodrive/proxyAddress';

export interface ConnectionTarget {
  /** The KooDrive server. */
  url: URL;
  /** Host name without IPv6 brackets. */
  hostname: string;
  port: number;
  secure: boolean;
  /** The proxy the profile tunnels through, if any. */
  proxy: { url: URL; hostname: string; port: number; authorization: string | null; secure: boolean } | null;
}

export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/**
 * proxyUrl: the proxy this profile's requests use (koodrive/proxyDecision.ts), if any; storedAuthorization:
 * Basic credentials from the profile's keychain entry for exactly that proxy (used when the URL has none).
 */
export function connectionTarget(
  profile: Profile,
  proxyUrl: string | undefined = profile.proxyUrl,
  storedAuthorization?: string,
): { ok: true; target: ConnectionTarget } | { ok: false; problem: string } {
  const base = checkBaseUrl(profile.baseUrl);
  if (!base.ok) return { ok: false, problem: base.problem };
  const { url } = base;
  const secure = url.protocol === 'https:';
  let proxy: ConnectionTarget['proxy'] = null;
  if (proxyUrl) {
    let address: ProxyAddress;
    try {
      address = parseProxyAddress(proxyUrl);
    } catch (error) {
      return { ok: false, problem: error instanceof ProxyAddressError ? error.message : 'The proxy is not valid.' };
    }
    const { hostname, port, authorization, secure: tlsToProxy } = address;
    proxy = {
      url: new URL(address.shown),
      hostname,
      port,
      authorization: authorization ?? storedAuthorization ?? null,
      secure: tlsToProxy,
    };
  }
  return {
    ok: true,
    target: {
      url,
      hostname: bareHost(url.hostname),
      port: Number(url.port || (secure ? 443 : 80)),
      secure,
      proxy,
    },
  };
}

/** host:port for messages, with brackets around IPv6 addresses. */
export function hostPort(hostname: string, port: number): string {
  return `${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
}
