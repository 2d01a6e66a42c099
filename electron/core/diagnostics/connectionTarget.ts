/**
 * Where the connection check connects: the KooDrive host from the base URL, or, when the profile has a
 * proxy, the proxy (DNS and TCP then test the proxy, and TLS goes through its CONNECT tunnel).
 */
import { checkBaseUrl } from '../../../shared/identifiers';
import type { Profile } from '../../../shared/profile';

export interface ConnectionTarget {
  /** The KooDrive server. */
  url: URL;
  /** Host name without IPv6 brackets. */
  hostname: string;
  port: number;
  secure: boolean;
  /** The proxy the profile tunnels through, if any. */
  proxy: { url: URL; hostname: string; port: number } | null;
}

export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

export function connectionTarget(
  profile: Profile,
): { ok: true; target: ConnectionTarget } | { ok: false; problem: string } {
  const base = checkBaseUrl(profile.baseUrl);
  if (!base.ok) return { ok: false, problem: base.problem };
  const { url } = base;
  const secure = url.protocol === 'https:';
  let proxy: ConnectionTarget['proxy'] = null;
  if (profile.proxyUrl) {
    let proxyUrl: URL;
    try {
      proxyUrl = new URL(profile.proxyUrl);
    } catch {
      return { ok: false, problem: 'The proxy in the profile is not a valid URL; use http://host:port.' };
    }
    proxy = { url: proxyUrl, hostname: bareHost(proxyUrl.hostname), port: Number(proxyUrl.port || 80) };
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
