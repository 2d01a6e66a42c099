/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1 for tests, as a corporate proxy would be. It records every
 * CONNECT target and tunnels only to loopback: loopback targets, and the names in `hosts`, which it
 * maps to loopback itself (so a client can reach e.g. koodrive.invalid without any DNS). Anything else
 * is refused with 403; plain (non-CONNECT) requests get 405, so a client that forgot to tunnel is noticed.
 * With `credentials`, every CONNECT must carry them as Basic Proxy-Authorization, else it gets 407.
 */
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface ConnectProxy {
  /** http://127.0.0.1:<port>, or https:// with `tls` */
  url: string;
  /** Every CONNECT request target (host:port), in arrival order. */
  connects: string[];
  /** Requests that were not CONNECT (method and URL). */
  plainRequests: string[];
  /** Per CONNECT with `credentials` set: how its Proxy-Authorization compared. */
  authentications: ProxyAuthentication[];
  /** Every Proxy-Authorization value received, as sent. */
  authorizationHeaders: string[];
  /** Total bytes relayed from the client to the targets (the TLS records, never readable plaintext). */
  bytesUp(): number;
  close(): Promise<void>;
}

type ProxyAuthentication = 'missing' | 'wrong' | 'accepted';

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|::1)$/;

export interface ConnectProxyOptions {
  /** Host names the proxy resolves itself, to loopback addresses only. */
  hosts?: Readonly<Record<string, string>>;
  /** Demand these credentials (Basic) on every CONNECT. */
  credentials?: { user: string; password: string };
  /** The schemes offered in Proxy-Authenticate with a 407; default Basic. ['NTLM', 'Negotiate'] mimics a Windows proxy. */
  offeredSchemes?: readonly string[];
  /** Serve the proxy itself over TLS (an https:// proxy) with this key and certificate. */
  tls?: { keyPem: string; certPem: string };
}

function authenticationOf(
  header: string | undefined,
  credentials: { user: string; password: string },
): ProxyAuthentication {
  if (!header) return 'missing';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return 'wrong';
  const expected = `${credentials.user}:${credentials.password}`;
  return Buffer.from(match[1], 'base64').toString('utf8') === expected ? 'accepted' : 'wrong';
}

/** The loopback address and port to tunnel to, or null to refuse. */
function tunnelTarget(target: string, hosts: Readonly<Record<string, string>>): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(target);
  if (!match) return null;
  const name = match[1].replace(/^\[|\]$/g, '').toLowerCase();
  const host = Object.hasOwn(hosts, name) ? hosts[name] : name;
  return LOOPBACK.test(host) ? { host, port: Number(match[2]) } : null;
}

export async function startConnectProxy(options: ConnectProxyOptions = {}): Promise<ConnectProxy> {
  const hosts = options.hosts ?? {};
  const connects: string[] = [];
  const plainRequests: string[] = [];
  const authentications: ProxyAuthentication[] = [];
  const authorizationHeaders: string[] = [];
  const sockets = new Set<Duplex>();
  let up = 0;
  const track = (socket: Duplex): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };

  const refusePlain = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    plainRequests.push(`${req.method} ${req.url}`);
    res.writeHead(405, { 'Content-Type': 'text/plain', Connection: 'close' });
    res.end('This test proxy only tunnels (CONNECT).\n');
  };
  const server = options.tls
    ? https.createServer({ key: options.tls.keyPem, cert: options.tls.certPem }, refusePlain)
    : http.createServer(refusePlain);
  server.on('connection', track);
  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    const header = req.headers['proxy-authorization'];
    if (header) authorizationHeaders.push(header);
    if (options.credentials) {
      const verdict = authenticationOf(header, options.credentials);
      authentications.push(verdict);
      if (verdict !== 'accepted') {
        const challenges = (options.offeredSchemes ?? ['Basic'])
          .map((scheme) => `Proxy-Authenticate: ${scheme}${scheme === 'Basic' ? ' realm="test proxy"' : ''}\r\n`)
          .join('');
        client.end(`HTTP/1.1 407 Proxy Authentication Required\r\n${challenges}Content-Length: 0\r\n\r\n`);
        return;
      }
    }
    const tunnel = tunnelTarget(target, hosts);
    if (!tunnel) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(tunnel.port, tunnel.host);
    track(upstream);
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.on('data', (chunk: Buffer) => (up += chunk.length));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    const drop = (): void => {
      upstream.destroy();
      client.destroy();
    };
    upstream.once('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      drop();
    });
    client.once('error', drop);
    client.once('close', drop);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    connects,
    plainRequests,
    authentications,
    authorizationHeaders,
    bytesUp: () => up,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
