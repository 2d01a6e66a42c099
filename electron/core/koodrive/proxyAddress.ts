/**
 * A proxy URL read once for the transport and the diagnostics: where to connect, what to show, and the
 * Basic Proxy-Authorization value when the URL carries a user name and password. Credentials are given
 * at run time only (HTTPS_PROXY, the CLI's --proxy), are used as given and are never shown: `shown` is
 * the URL without them. See docs/faults-and-safeguards.md, "Proxy authentication".
 */
export interface ProxyAddress {
  /** https:// proxy: TLS to the proxy itself (verified with the same trust as KooDrive), then CONNECT inside it. */
  secure: boolean;
  hostname: string;
  port: number;
  /** http(s)://host:port, without credentials: the only form of the proxy put in a message. */
  shown: string;
  /** host:port, for messages. */
  host: string;
  /** `Basic …` when the URL has credentials. */
  authorization: string | null;
  /** The decoded password, so that output can be scrubbed of it; null without one. */
  password: string | null;
}

export class ProxyAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyAddressError';
  }
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ProxyAddressError(
      'The user name or password in the proxy URL is not valid URL encoding; write special characters as %XX (for example @ as %40).',
    );
  }
}

export function parseProxyAddress(proxyUrl: string): ProxyAddress {
  let url: URL;
  try {
    url = new URL(proxyUrl);
  } catch {
    throw new ProxyAddressError('The proxy address is not a valid URL; use http://host:port.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ProxyAddressError(
      `Only http:// and https:// proxies are supported (the proxy address starts with ${url.protocol}//); HTTPS to KooDrive is tunnelled through them.`,
    );
  }
  const secure = url.protocol === 'https:';
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (secure ? 443 : 80));
  const host = url.host;
  const hasCredentials = url.username !== '' || url.password !== '';
  const user = hasCredentials ? decoded(url.username) : '';
  const password = hasCredentials ? decoded(url.password) : null;
  const authorization = hasCredentials
    ? `Basic ${Buffer.from(`${user}:${password ?? ''}`, 'utf8').toString('base64')}`
    : null;
  return { secure, hostname, port, host, shown: `${url.protocol}//${host}`, authorization, password: password || null };
}

/** The proxy URL without user name and password, for output; the text unchanged when it is not a URL. */
export function proxyForDisplay(proxyUrl: string): string {
  try {
    const url = new URL(proxyUrl);
    if (url.username === '' && url.password === '') return `${url.protocol}//${url.host}`;
    return `${url.protocol}//${url.host} (with a user name and password, not shown)`;
  } catch {
    return '(not a valid URL)';
  }
}

/** Cause codes the transport gives proxy failures (TransportError.causeCode), so they can be told apart. */
export const PROXY_CAUSE = {
  /** The proxy could not be reached (refused, unreachable, unknown name, reset before answering) or its address is unusable. */
  unreachable: 'EPROXYCONNECT',
  /** The proxy answered the CONNECT with 407: it wants (other) credentials. */
  auth: 'EPROXYAUTH',
  /** The proxy answered the CONNECT with another non-200 status. */
  refused: 'EPROXY',
  /** The system proxy settings or the PAC file failed, or named only proxies this client cannot use: nothing sent. */
  decision: 'EPROXYDECISION',
} as const;
