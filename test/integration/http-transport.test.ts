import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { type HttpRequest, TransportError } from '../../electron/core/koodrive/transport';

const SECRET = 'Bearer tok-integration-7c1e9d2a5b';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Running {
  port: number;
  url: string;
  /** Requests seen, with the raw header list. */
  seen: Array<{ method: string; url: string; rawHeaders: string[]; body: string; remotePort: number }>;
  connections: number;
  close(): Promise<void>;
}

async function listen(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<Running> {
  const running: Running = { port: 0, url: '', seen: [], connections: 0, close: async () => {} };
  const sockets = new Set<net.Socket>();
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => (running.connections += 1));
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  running.port = (server.address() as AddressInfo).port;
  running.url = `${scheme}://127.0.0.1:${running.port}`;
  running.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return running;
}

function recording(running: () => Running, handler: Handler): Handler {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      running().seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort ?? 0,
      });
      handler(req, res);
    });
  };
}

async function startHttp(handler: Handler): Promise<Running> {
  const holder: { running?: Running } = {};
  const server = http.createServer(recording(() => holder.running as Running, handler));
  holder.running = await listen(server, 'http');
  return holder.running;
}

async function startHttps(handler: Handler, pems: { private: string; cert: string }): Promise<Running> {
  const holder: { running?: Running } = {};
  const server = https.createServer(
    { key: pems.private, cert: pems.cert },
    recording(() => holder.running as Running, handler),
  );
  holder.running = await listen(server, 'https');
  return holder.running;
}

async function certificate(altNames: Array<{ type: 2; value: string } | { type: 7; ip: string }>) {
  const notBeforeDate = new Date(Date.now() - 60_000);
  return generate([{ name: 'commonName', value: 'koodrive-test' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
}

function request(url: string, overrides: Partial<HttpRequest> = {}): HttpRequest {
  const target = new URL(url);
  return {
    method: 'DELETE',
    url: target,
    headers: { Host: target.host, Authorization: SECRET, 'x-backup-lock-id': 'a@102' },
    timeoutMs: 5000,
    maxBodyBytes: 1024,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError);
    const transportError = error as TransportError;
    expect(transportError.message).not.toContain('tok-integration');
    return transportError;
  }
  throw new Error('expected the request to fail');
}

function headerCount(rawHeaders: string[], name: string): number {
  return rawHeaders.filter((value, index) => index % 2 === 0 && value.toLowerCase() === name).length;
}

const transport = createHttpTransport();
const servers: Running[] = [];
afterEach(async () => {
  transport.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function track(running: Promise<Running>): Promise<Running> {
  const server = await running;
  servers.push(server);
  return server;
}

describe('plain HTTP', () => {
  it('sends exactly the given headers, Host included, and returns status, headers and body', async () => {
    const server = await track(
      startHttp((_req, res) => {
        res.setHeader('x-multi', ['a', 'b']);
        res.setHeader('Content-Type', 'application/json');
        res.end('{"code":0,"msg":"success"}');
      }),
    );
    const body = Buffer.from('{"moduleCode":"102"}');
    const response = await transport(
      request(`${server.url}/prefix/koodrive/ose/v1/backup/lock`, {
        method: 'POST',
        headers: { Host: 'koodrive.example:8443', 'X-Date': '20250115T083000Z', Authorization: SECRET },
        body,
      }),
    );
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString()).toBe('{"code":0,"msg":"success"}');
    expect(response.headers['x-multi']).toBe('a, b');
    expect(response.headers['content-type']).toBe('application/json');

    const seen = server.seen[0];
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/prefix/koodrive/ose/v1/backup/lock');
    expect(seen.body).toBe('{"moduleCode":"102"}');
    expect(headerCount(seen.rawHeaders, 'host')).toBe(1);
    const raw = new Map<string, string>();
    for (let i = 0; i < seen.rawHeaders.length; i += 2) raw.set(seen.rawHeaders[i], seen.rawHeaders[i + 1]);
    expect(raw.get('Host')).toBe('koodrive.example:8443');
    expect(raw.get('X-Date')).toBe('20250115T083000Z');
    expect(raw.get('Authorization')).toBe(SECRET);
    expect(raw.get('Content-Length')).toBe('20');
  });

  it('reuses one keep-alive connection for a batch', async () => {
    const server = await track(startHttp((_req, res) => res.end('{"code":0}')));
    for (let i = 0; i < 5; i += 1) {
      const response = await transport(request(`${server.url}/lock`));
      expect(response.status).toBe(200);
    }
    expect(server.seen).toHaveLength(5);
    expect(server.connections).toBe(1);
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const server = await track(startHttp((_req, res) => res.end('x'.repeat(1024))));
    const response = await transport(request(`${server.url}/lock`));
    expect(response.body.byteLength).toBe(1024);
  });
});

describe('failures', () => {
  it('times out on a server that never answers', async () => {
    const server = await track(startHttp(() => {}));
    const started = Date.now();
    const error = await failure(transport(request(`${server.url}/lock`, { timeoutMs: 300 })));
    const elapsed = Date.now() - started;
    expect(error.failure).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(3000);
  });

  it('times out when the body trickles past the deadline (the deadline covers the whole exchange)', async () => {
    const timers: NodeJS.Timeout[] = [];
    const server = await track(
      startHttp((_req, res) => {
        res.writeHead(200, { 'Content-Length': '100' });
        res.write('{');
        timers.push(setTimeout(() => res.write('"'), 150));
      }),
    );
    const error = await failure(transport(request(`${server.url}/lock`, { timeoutMs: 300 })));
    timers.forEach(clearTimeout);
    expect(error.failure).toBe('timeout');
  });

  it('reports a reset in the middle of the answer, with the status that had arrived', async () => {
    const server = await track(
      startHttp((req, res) => {
        res.writeHead(200, { 'Content-Length': '100' });
        res.write('{"code":', () => setTimeout(() => req.socket.destroy(), 20));
      }),
    );
    const error = await failure(transport(request(`${server.url}/lock`)));
    expect(error.failure).toBe('reset');
    expect(error.httpStatus).toBe(200);
  });

  it('reports a connection closed before any answer as reset', async () => {
    const server = await track(startHttp((req) => req.socket.destroy()));
    const error = await failure(transport(request(`${server.url}/lock`)));
    expect(error.failure).toBe('reset');
    expect(error.causeCode).toBe('ECONNRESET');
  });

  it('stops reading and closes the connection when the body exceeds the cap', async () => {
    let serverSawClose = false;
    let written = 0;
    const server = await track(
      startHttp((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.on('close', () => (serverSawClose = true));
        const chunk = Buffer.alloc(16 * 1024, 0x61);
        const pump = (): void => {
          while (written < 50 * 1024 * 1024 && !res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          res.end();
        };
        pump();
      }),
    );
    const error = await failure(transport(request(`${server.url}/lock`, { maxBodyBytes: 64 * 1024 })));
    expect(error.failure).toBe('too-large');
    expect(error.httpStatus).toBe(200);
    await expect.poll(() => serverSawClose, { timeout: 2000 }).toBe(true);
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('rejects a declared Content-Length over the cap before reading', async () => {
    const server = await track(
      startHttp((_req, res) => {
        res.writeHead(404, { 'Content-Length': String(10 * 1024) });
        res.end('x'.repeat(10 * 1024));
      }),
    );
    const error = await failure(transport(request(`${server.url}/lock`)));
    expect(error.failure).toBe('too-large');
    expect(error.httpStatus).toBe(404);
  });

  it('maps a refused connection to network', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await failure(transport(request(`http://127.0.0.1:${port}/lock`)));
    expect(error.failure).toBe('network');
    expect(error.causeCode).toBe('ECONNREFUSED');
  });

  it('maps an unresolvable host to dns', async () => {
    const error = await failure(transport(request('http://lock-admin-test.invalid/lock', { timeoutMs: 10_000 })));
    expect(error.failure).toBe('dns');
    expect(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']).toContain(error.causeCode);
  });

  it('cancels a request in flight, and sends nothing when already cancelled', async () => {
    const server = await track(startHttp(() => {}));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(transport(request(`${server.url}/lock`, { signal: controller.signal })));
    clearTimeout(timer);
    expect(error.failure).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);

    const before = server.connections;
    const early = await failure(transport(request(`${server.url}/lock`, { signal: AbortSignal.abort() })));
    expect(early.failure).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.connections).toBe(before);
  });
});

describe('TLS and proxies', () => {
  let pems: Awaited<ReturnType<typeof certificate>>;
  let otherHostPems: Awaited<ReturnType<typeof certificate>>;
  beforeAll(async () => {
    pems = await certificate([
      { type: 2, value: 'localhost' },
      { type: 7, ip: '127.0.0.1' },
    ]);
    otherHostPems = await certificate([{ type: 2, value: 'other.example' }]);
  });

  const answer: Handler = (_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end('{"code":0,"msg":"success"}');
  };

  it('rejects a self-signed certificate as tls', async () => {
    const server = await track(startHttps(answer, pems));
    const error = await failure(transport(request(`${server.url}/lock`)));
    expect(error.failure).toBe('tls');
    expect(error.causeCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(server.seen).toHaveLength(0);
  });

  it('accepts it when its PEM is given as caPem, on top of the default store', async () => {
    const server = await track(startHttps(answer, pems));
    const response = await transport(request(`${server.url}/lock`, { tls: { caPem: pems.cert } }));
    expect(response.status).toBe(200);
    expect(server.seen[0].rawHeaders).toContain(`127.0.0.1:${server.port}`);
    // The same transport still distrusts it for requests without the PEM.
    expect((await failure(transport(request(`${server.url}/lock`)))).failure).toBe('tls');
  });

  it('reports an unreadable caPem as tls without sending anything', async () => {
    const server = await track(startHttps(answer, pems));
    const error = await failure(transport(request(`${server.url}/lock`, { tls: { caPem: 'not a certificate' } })));
    expect(error.failure).toBe('tls');
    expect(error.message).toMatch(/CA certificate/);
    expect(server.connections).toBe(0);
  });

  it('rejects a trusted certificate for another host name', async () => {
    const server = await track(startHttps(answer, otherHostPems));
    const error = await failure(transport(request(`${server.url}/lock`, { tls: { caPem: otherHostPems.cert } })));
    expect(error.failure).toBe('tls');
    expect(error.causeCode).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('maps TLS spoken to a plain HTTP port to tls', async () => {
    const server = await track(startHttp(answer));
    const error = await failure(transport(request(`https://127.0.0.1:${server.port}/lock`)));
    expect(error.failure).toBe('tls');
  });

  async function startProxy(allow: (authority: string) => boolean) {
    const connects: string[] = [];
    const absolute: string[] = [];
    const proxy = http.createServer((req, res) => {
      absolute.push(req.url ?? '');
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ code: 0, msg: 'via proxy', data: { host: req.headers.host } }));
    });
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      const authority = req.url ?? '';
      connects.push(authority);
      client.on('error', () => {});
      const match = /^127\.0\.0\.1:(\d+)$/.exec(authority);
      if (!match || !allow(authority)) {
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const upstream = net.connect(Number(match[1]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    const running = await track(listen(proxy, 'http'));
    return { running, connects, absolute };
  }

  it('tunnels HTTPS through an HTTP CONNECT proxy', async () => {
    const server = await track(startHttps(answer, pems));
    const proxy = await startProxy(() => true);
    const response = await transport(
      request(`${server.url}/prefix/lock`, { tls: { caPem: pems.cert }, proxyUrl: proxy.running.url }),
    );
    expect(response.status).toBe(200);
    expect(proxy.connects).toEqual([`127.0.0.1:${server.port}`]);
    expect(server.seen[0].url).toBe('/prefix/lock');
    expect(headerCount(server.seen[0].rawHeaders, 'host')).toBe(1);
    expect(server.seen[0].rawHeaders).toContain(`127.0.0.1:${server.port}`);
  });

  it('verifies the certificate inside the tunnel', async () => {
    const server = await track(startHttps(answer, pems));
    const proxy = await startProxy(() => true);
    const error = await failure(transport(request(`${server.url}/lock`, { proxyUrl: proxy.running.url })));
    expect(error.failure).toBe('tls');
  });

  it('reports a proxy that refuses the tunnel as network', async () => {
    const server = await track(startHttps(answer, pems));
    const proxy = await startProxy(() => false);
    const error = await failure(
      transport(request(`${server.url}/lock`, { tls: { caPem: pems.cert }, proxyUrl: proxy.running.url })),
    );
    expect(error.failure).toBe('network');
    expect(error.message).toMatch(/HTTP 403/);
    expect(server.seen).toHaveLength(0);
  });

  it('sends plain HTTP through the proxy in absolute form with the given Host', async () => {
    const proxy = await startProxy(() => true);
    const response = await transport(
      request('http://127.0.0.1:9/koodrive/ose/v1/backup/lock', { proxyUrl: proxy.running.url }),
    );
    expect(proxy.absolute).toEqual(['http://127.0.0.1:9/koodrive/ose/v1/backup/lock']);
    expect(JSON.parse(Buffer.from(response.body).toString())).toMatchObject({ data: { host: '127.0.0.1:9' } });
  });

  it('times out inside a tunnel that never answers', async () => {
    const silent = await track(listen(net.createServer(() => {}) as unknown as http.Server, 'http'));
    const proxy = await startProxy(() => true);
    const error = await failure(
      transport(request(`https://127.0.0.1:${silent.port}/lock`, { proxyUrl: proxy.running.url, timeoutMs: 300 })),
    );
    expect(error.failure).toBe('timeout');
  });
});

afterAll(() => transport.close());
