/**
 * The real Transport over node:http / node:https. One deadline covers the whole exchange (proxy
 * tunnel, connect, TLS, headers, body); the body is capped while it streams; headers go out exactly
 * as given (Host included). Direct requests reuse connections through one keep-alive agent per
 * transport (and per extra CA); tunnelled ones use a fresh CONNECT tunnel each time.
 * Idle pooled sockets time out (keepAliveAgents.ts); a request's own deadline is a timer of its own.
 * Certificates are always verified: rejectUnauthorized is set explicitly on every agent and on the
 * tunnel's TLS socket, and nothing is sent while NODE_TLS_REJECT_UNAUTHORIZED=0 (tlsEnvironment.ts).
 *
 * Per-request code avoids `{ ...object, key: value }` literals (on Node 20's V8 they take microseconds
 * each) and shares one 'abort' listener per signal among the requests using it.
 */
import http from 'node:http';
import type https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { createKeepAliveHttpAgent, createKeepAliveHttpsAgent } from './keepAliveAgents';
import { errorCode, transportErrorFrom } from './nodeErrors';
import { PROXY_CAUSE, type ProxyAddress, ProxyAddressError, parseProxyAddress } from './proxyAddress';
import { ExtraCaError, trustContext } from './trustStore';
import { TLS_OVERRIDE_MESSAGE, TLS_OVERRIDE_VARIABLE, tlsVerificationDisabled } from './tlsEnvironment';
import { type HttpRequest, type HttpResponse, type Transport, TransportError } from './transport';

export interface HttpTransport extends Transport {
  /** Closes pooled connections; the transport stays usable and opens new ones on demand. */
  close(): void;
}

const MAX_CA_AGENTS = 8;

/** node:https (with node:tls under it) loads on the first https:// request: an http:// run never needs it. */
function loadHttps(): typeof https {
  return process.getBuiltinModule('node:https');
}

class AgentPool {
  readonly http = createKeepAliveHttpAgent();
  private readonly httpsAgents = new Map<string, https.Agent>();

  /** The default trust (bundled roots, OS store, NODE_EXTRA_CA_CERTS) plus caPem: trustStore.ts. */
  contextFor(caPem: string | undefined): tls.SecureContext {
    try {
      return trustContext(caPem);
    } catch (error) {
      if (error instanceof ExtraCaError) throw new TransportError('tls', error.message, error.causeCode);
      throw error;
    }
  }

  https(caPem: string | undefined): https.Agent {
    const key = caPem ?? '';
    let agent = this.httpsAgents.get(key);
    if (!agent) {
      agent = createKeepAliveHttpsAgent({ secureContext: this.contextFor(caPem) });
      // Evicted agents are only forgotten: their idle sockets time out, requests in flight finish.
      if (this.httpsAgents.size >= MAX_CA_AGENTS) this.httpsAgents.clear();
      this.httpsAgents.set(key, agent);
    }
    return agent;
  }

  destroy(): void {
    this.http.destroy();
    for (const agent of this.httpsAgents.values()) agent.destroy();
    this.httpsAgents.clear();
  }
}

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

/** What a request needs from its URL, read once per URL object (a batch sends thousands to one URL). */
interface Target {
  href: string;
  hostname: string;
  /** host[:port], for messages. */
  host: string;
  port: string | number;
  path: string;
  secure: boolean;
}

const targets = new WeakMap<URL, Target>();

function targetOf(url: URL): Target {
  const href = url.href;
  let target = targets.get(url);
  if (!target || target.href !== href) {
    const secure = url.protocol === 'https:';
    target = {
      href,
      hostname: bare(url.hostname),
      host: url.host,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      secure,
    };
    targets.set(url, target);
  }
  return target;
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/** The name TLS verifies: the Host header's host when one is given (as Node's agent does), else the URL's. */
function tlsHostFor(request: HttpRequest): string {
  const host = headerValue(request.headers, 'host');
  if (!host) return bare(request.url.hostname);
  const match = /^\[([^\]]+)\]|^([^:]+)/.exec(host.trim());
  return match?.[1] ?? match?.[2] ?? bare(request.url.hostname);
}

/** The proxy to use, with the keychain's credentials when its URL carries none (keychain: true then). */
function proxyAddress(proxyUrl: string, storedAuthorization: string | undefined): ProxyAddress & { keychain: boolean } {
  try {
    const address = parseProxyAddress(proxyUrl);
    if (address.authorization || !storedAuthorization) return Object.assign(address, { keychain: false });
    return Object.assign(address, { authorization: storedAuthorization, keychain: true });
  } catch (error) {
    if (error instanceof ProxyAddressError) throw new TransportError('network', error.message, PROXY_CAUSE.unreachable);
    throw error;
  }
}

/** A failure to reach the proxy itself, named as such (not as the KooDrive host). */
function proxyUnreachable(error: unknown, proxy: ProxyAddress): TransportError {
  const code = errorCode(error) ?? 'unknown error';
  const cause = transportErrorFrom(error, proxy.hostname, proxy.host);
  if (cause.failure === 'tls') {
    return new TransportError('tls', `TLS with the proxy ${proxy.host} failed (${code}).`, cause.causeCode);
  }
  return new TransportError(
    'network',
    `Could not connect to the proxy ${proxy.host} (${code}).`,
    PROXY_CAUSE.unreachable,
  );
}

/** The authentication schemes a 407 offers (Proxy-Authenticate), as safe words: "Basic", "NTLM", "Negotiate". */
function offeredSchemes(res: http.IncomingMessage): string[] {
  const schemes = new Set<string>();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i].toLowerCase() !== 'proxy-authenticate') continue;
    const scheme = /^\s*([A-Za-z][A-Za-z0-9-]{0,19})\b/.exec(raw[i + 1])?.[1];
    if (scheme) schemes.add(scheme);
  }
  return [...schemes].slice(0, 5);
}

function proxyAuthFailure(res: http.IncomingMessage, proxy: ProxyAddress & { keychain: boolean }): TransportError {
  const schemes = offeredSchemes(res);
  const offers = schemes.length > 0 ? `; it accepts ${schemes.join(', ')}` : '';
  const given = proxy.keychain ? "stored in the keychain for this profile's proxy" : 'in the proxy URL';
  const message = proxy.authorization
    ? `The proxy ${proxy.host} rejected the user name and password ${given} (HTTP 407${offers}).`
    : `The proxy ${proxy.host} requires a user name and password, and none were given (HTTP 407${offers}).`;
  return new TransportError('network', message, PROXY_CAUSE.auth);
}

/** Lower-cased names, repeated headers joined with ", "; read straight from rawHeaders (one pass). */
function responseHeaders(res: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${raw[i + 1]}` : raw[i + 1];
  }
  return out;
}

interface Destroyable {
  destroy(error?: Error): unknown;
}

interface AbortGroup {
  waiters: Set<() => void>;
  listener: () => void;
}

/**
 * The requests waiting on each signal, behind a single 'abort' listener. A batch hands one signal to
 * every request; one EventTarget listener per request costs more than the rest of the bookkeeping and
 * trips Node's MaxListenersExceededWarning once more than 10 requests are in flight.
 */
const abortGroups = new WeakMap<AbortSignal, AbortGroup>();

/** Calls onAbort (once) when signal aborts; the returned function stops waiting. */
function whenAborted(signal: AbortSignal, onAbort: () => void): () => void {
  let found = abortGroups.get(signal);
  if (!found) {
    const waiters = new Set<() => void>();
    const listener = (): void => {
      abortGroups.delete(signal);
      for (const waiter of waiters) waiter();
    };
    found = { waiters, listener };
    abortGroups.set(signal, found);
    signal.addEventListener('abort', listener, { once: true });
  }
  const group = found;
  group.waiters.add(onAbort);
  return () => {
    group.waiters.delete(onAbort);
    if (group.waiters.size === 0 && abortGroups.get(signal) === group) {
      abortGroups.delete(signal);
      signal.removeEventListener('abort', group.listener);
    }
  };
}

function exchange(request: HttpRequest, agents: AgentPool): Promise<HttpResponse> {
  const { url, signal } = request;
  const direct = targetOf(url);
  const { hostname, port, path } = direct;
  const target = direct.host;

  return new Promise<HttpResponse>((resolve, reject) => {
    if (tlsVerificationDisabled()) {
      reject(new TransportError('tls', TLS_OVERRIDE_MESSAGE, TLS_OVERRIDE_VARIABLE));
      return;
    }
    if (signal?.aborted) {
      reject(new TransportError('cancelled', `The request to ${target} was cancelled before it was sent.`));
      return;
    }
    let finished = false;
    /** Destroyed on failure: everything holding a socket. */
    const live: Destroyable[] = [];
    /** Destroyed on success too: tunnel sockets are never reused. */
    const oneShot: Destroyable[] = [];
    let stopWaiting: (() => void) | null = null;

    const finish = (error: TransportError | null, response?: HttpResponse): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      stopWaiting?.();
      if (error || !response) {
        for (const item of [...live, ...oneShot]) item.destroy();
        reject(error ?? new TransportError('network', `No answer from ${target}.`));
        return;
      }
      for (const item of oneShot) item.destroy();
      resolve(response);
    };
    const fail = (error: unknown): void => finish(transportErrorFrom(error, hostname, target));
    const onAbort = (): void => finish(new TransportError('cancelled', `The request to ${target} was cancelled.`));
    const timer = setTimeout(
      () => finish(new TransportError('timeout', `No complete answer from ${target} within ${request.timeoutMs} ms.`)),
      request.timeoutMs,
    );
    if (signal) stopWaiting = whenAborted(signal, onAbort);

    const tooLarge = (status: number): TransportError =>
      new TransportError(
        'too-large',
        `The answer from ${target} is larger than ${request.maxBodyBytes} bytes.`,
        undefined,
        status,
      );

    /** options carry the method and headers of the request as given. */
    const send = (options: http.RequestOptions, secure: boolean): void => {
      const req = (secure ? loadHttps() : http).request(options);
      live.push(req);
      req.on('error', fail);
      req.on('response', (res) => {
        live.push(res);
        const status = res.statusCode ?? 0;
        const headers = responseHeaders(res);
        const declared = Number(headers['content-length']);
        if (declared > request.maxBodyBytes) {
          finish(tooLarge(status));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBodyBytes) finish(tooLarge(status));
          else chunks.push(chunk);
        });
        res.on('error', (error) => {
          const cause = transportErrorFrom(error, hostname, target);
          finish(new TransportError(cause.failure, cause.message, cause.causeCode, status));
        });
        res.on('close', () => {
          if (!res.complete) {
            finish(new TransportError('reset', `The connection to ${target} closed mid-answer.`, 'ECONNRESET', status));
          }
        });
        res.on('end', () => finish(null, { status, headers, body: Buffer.concat(chunks, size) }));
      });
      req.end(request.body);
    };

    const { method, headers } = request;
    try {
      if (!request.proxyUrl) {
        const { secure } = direct;
        const agent = secure ? agents.https(request.tls?.caPem) : agents.http;
        send({ hostname, port, path, agent, method, headers }, secure);
        return;
      }
      const proxy = proxyAddress(request.proxyUrl, request.proxyAuthorization);
      const proxyHost = proxy.hostname;
      const proxyPort = proxy.port;
      if (url.protocol === 'http:') {
        const viaHeaders = proxy.authorization
          ? Object.assign({}, headers, { 'proxy-authorization': proxy.authorization })
          : headers;
        const agent = proxy.secure ? agents.https(request.tls?.caPem) : agents.http;
        send(
          { hostname: proxyHost, port: proxyPort, path: url.href, agent, method, headers: viaHeaders },
          proxy.secure,
        );
        return;
      }
      const authority = `${url.hostname}:${port}`;
      const connectHeaders: Record<string, string> = { host: authority };
      if (proxy.authorization) connectHeaders['proxy-authorization'] = proxy.authorization;
      const connectOptions: https.RequestOptions & { secureContext?: tls.SecureContext } = {
        hostname: proxyHost,
        port: proxyPort,
        method: 'CONNECT',
        path: authority,
        headers: connectHeaders,
        agent: false,
      };
      if (proxy.secure) {
        // TLS to the proxy itself, verified like KooDrive (default trust plus the profile's CA).
        connectOptions.secureContext = agents.contextFor(request.tls?.caPem);
        connectOptions.rejectUnauthorized = true;
        // Never the Host header's name (the KooDrive host), which Node's agent would otherwise use; '' = no SNI for an IP.
        connectOptions.servername = isIP(proxyHost) ? '' : proxyHost;
      }
      const connect = (proxy.secure ? loadHttps() : http).request(connectOptions);
      oneShot.push(connect);
      connect.on('error', (error) => finish(proxyUnreachable(error, proxy)));
      connect.on('connect', (res: http.IncomingMessage, socket: Duplex, head: Buffer) => {
        oneShot.push(socket);
        socket.on('error', fail);
        if (res.statusCode === 407) {
          finish(proxyAuthFailure(res, proxy));
          return;
        }
        if (res.statusCode !== 200) {
          finish(
            new TransportError(
              'network',
              `The proxy ${proxy.host} refused the tunnel to ${authority} (HTTP ${res.statusCode}).`,
              PROXY_CAUSE.refused,
            ),
          );
          return;
        }
        if (head.length > 0) socket.unshift(head);
        const tlsHost = tlsHostFor(request);
        const caPem = request.tls?.caPem;
        const secure = process.getBuiltinModule('node:tls').connect({
          socket,
          host: tlsHost,
          ...(isIP(tlsHost) ? {} : { servername: tlsHost }),
          secureContext: agents.contextFor(caPem),
          rejectUnauthorized: true,
          ALPNProtocols: ['http/1.1'],
        });
        oneShot.push(secure);
        secure.on('error', fail);
        secure.once('secureConnect', () => send({ path, createConnection: () => secure, method, headers }, false));
      });
      connect.end();
    } catch (error) {
      fail(error);
    }
  });
}

export function createHttpTransport(): HttpTransport {
  const agents = new AgentPool();
  const transport = (request: HttpRequest): Promise<HttpResponse> => exchange(request, agents);
  return Object.assign(transport, { close: () => agents.destroy() });
}
