/**
 * The proxy a corporate environment asks for: HTTPS_PROXY (or https_proxy) for https:// targets,
 * unless NO_PROXY (or no_proxy) exempts the host. Loopback targets never go through it. The third step
 * of the proxy decision (proxyDecision.ts): after the profile's proxy and the system's settings or PAC.
 */
import { BlockList, isIP } from 'node:net';
import { isLoopbackHost } from '../../../shared/identifiers';

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/** The first variable that is set and not blank; the lower-case spelling wins, as in curl. */
function variable(env: ProxyEnv, name: string): string | undefined {
  for (const key of [name.toLowerCase(), name.toUpperCase()]) {
    const value = env[key]?.trim();
    if (value) return value;
  }
  return undefined;
}

function bare(host: string): string {
  return host
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function cidrMatches(entry: string, host: string): boolean {
  const slash = entry.lastIndexOf('/');
  const network = bare(entry.slice(0, slash));
  const prefix = Number(entry.slice(slash + 1));
  const family = isIP(network);
  if (family === 0 || isIP(host) !== family || !Number.isInteger(prefix)) return false;
  if (prefix < 0 || prefix > (family === 4 ? 32 : 128)) return false;
  const list = new BlockList();
  const type = family === 4 ? 'ipv4' : 'ipv6';
  list.addSubnet(network, prefix, type);
  return list.check(host, type);
}

/** Splits "host:port" or "[v6]:port" into its parts; a bare IPv6 address has no port. */
function entryParts(entry: string): { host: string; port: string | null } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (v6) return { host: v6[1], port: v6[2] ?? null };
  if (isIP(entry) === 6) return { host: entry, port: null };
  const withPort = /^(.*):(\d+)$/.exec(entry);
  return withPort ? { host: withPort[1], port: withPort[2] } : { host: entry, port: null };
}

/**
 * true when NO_PROXY exempts host:port. Entries are separated by commas or spaces: `*` (every host),
 * a domain (itself and its sub-domains; a leading `.` or `*.` is optional), an IP address, an IP
 * range in CIDR form, each optionally with `:port`.
 */
export function noProxyMatches(noProxy: string, hostname: string, port: string): boolean {
  const host = bare(hostname);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (cidrMatches(entry, host)) return true;
      continue;
    }
    const parts = entryParts(entry);
    if (parts.port !== null && parts.port !== port) continue;
    const domain = bare(parts.host).replace(/^\*?\./, '');
    if (domain === '') continue;
    if (host === domain || (isIP(host) === 0 && host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

/** The https:// target a proxy from the environment may serve (not loopback), or null. */
function proxiedTarget(baseUrl: string): URL | null {
  let target: URL;
  try {
    target = new URL(baseUrl);
  } catch {
    return null;
  }
  return target.protocol === 'https:' && !isLoopbackHost(target.hostname) ? target : null;
}

function exempted(target: URL, env: ProxyEnv): boolean {
  const noProxy = variable(env, 'no_proxy');
  return noProxy !== undefined && noProxyMatches(noProxy, target.hostname, target.port || '443');
}

/** HTTPS_PROXY for this base URL, as URL text (http:// or https://), or undefined for a direct connection. */
export function proxyFromEnv(baseUrl: string, env: ProxyEnv): string | undefined {
  const target = proxiedTarget(baseUrl);
  if (!target) return undefined;
  const proxy = variable(env, 'https_proxy');
  if (!proxy || exempted(target, env)) return undefined;
  // "proxy.corp:3128" without a scheme means http://, as in curl; credentials in it are used as given
  // (proxyAddress.ts); another scheme is left for the transport to refuse with its own message.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** true when HTTPS_PROXY is set but NO_PROXY exempts this base URL's host (for the reason text). */
export function noProxyExempts(baseUrl: string, env: ProxyEnv): boolean {
  const target = proxiedTarget(baseUrl);
  return target !== null && variable(env, 'https_proxy') !== undefined && exempted(target, env);
}
