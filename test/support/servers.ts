/** Small real servers on 127.0.0.1 for the connection-check tests. Each returns its port and a close function. */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TestCertificate } from './certificates';

export interface LocalServer {
  port: number;
  close(): Promise<void>;
}

async function listening(server: net.Server): Promise<LocalServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** HTTPS server answering every request with 404 and a JSON body. */
export function startHttpsServer(certificate: TestCertificate): Promise<LocalServer> {
  const server = https.createServer({ key: certificate.keyPem, cert: certificate.certPem }, (_req, res) => {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error_code":"APIGW.0101","error_msg":"not found"}');
  });
  return listening(server);
}

/** HTTP server with a custom handler. */
export function startHttpServer(handler: http.RequestListener): Promise<LocalServer> {
  return listening(http.createServer(handler));
}

/** Accepts TCP connections and never says anything (a TLS handshake against it times out). */
export function startSilentServer(): Promise<LocalServer> {
  return listening(net.createServer(() => {}));
}

/** A port that was just free: nothing listens on it. */
export async function closedPort(): Promise<number> {
  const server = await listening(net.createServer());
  await server.close();
  return server.port;
}

/** An HTTP CONNECT proxy that only tunnels to 127.0.0.1, and records the authorities asked for. */
export async function startConnectProxy(): Promise<LocalServer & { tunnels: string[] }> {
  const tunnels: string[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const authority = req.url ?? '';
    tunnels.push(authority);
    const match = /^127\.0\.0\.1:(\d+)$/.exec(authority);
    if (!match) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(match[1]), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const local = await listening(server);
  return { ...local, tunnels };
}
