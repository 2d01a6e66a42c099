// Network faults against the real LockService, HTTP transport and audit log (in a temp folder): for each,
// the right result kind and remedy, an end within the timeout (plus a margin), and both audit entries
// (pending, then result). The sandbox's own faults are used where it has them; raw node:net / node:http
// servers and CA-signed certificates (test/support/testCa.ts) cover the rest.
import fs from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/profile';
import type { LockResult, ResultKind } from '../../shared/result';
import { type AuditLog, createAuditLog } from '../../electron/core/audit/auditLog';
import type { AuditEntry } from '../../electron/core/audit/auditEntry';
import { systemClock } from '../../electron/core/clock';
import { type HttpTransport, createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { DEFAULT_MAX_BODY_BYTES, type LockService, createLockService } from '../../electron/core/lockService';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { type TestCa, createTestCa } from '../support/testCa';

const TIMEOUT_MS = 1500;
/** Time allowed past the timeout for tearing the connection down and writing the audit entries. */
const MARGIN_MS = 1000;
const HUGE_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

let sandbox: RunningSandbox;
let ca: TestCa;
let dataDir: string;
let audit: AuditLog;
let transport: HttpTransport;
let service: LockService;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
  ca = await createTestCa();
});

afterAll(async () => {
  await sandbox?.stop();
});

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-faults-'));
  audit = createAuditLog({ dataDir });
  transport = createHttpTransport();
  service = createLockService({
    transport,
    clock: systemClock,
    secretFor: async () => sandbox.credentials.token,
    audit,
    source: 'gui',
    osUser: 'fault-tester',
    timeoutMs: TIMEOUT_MS,
    // The same connection policy as the app (core/koodrive/connectionFor.ts), with no environment proxy.
    env: {},
  });
  sandbox.setFault(null);
});

afterEach(async () => {
  sandbox.setFault(null);
  transport.close();
  await audit.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function profileFor(baseUrl: string, extra: Partial<Profile> = {}): Profile {
  return {
    id: 'faults',
    name: 'Faults',
    environment: 'other',
    baseUrl,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
    ...extra,
  };
}

interface Timed {
  result: LockResult;
  elapsedMs: number;
}

async function release(profile: Profile, lockId = sandbox.addLock()): Promise<Timed> {
  const started = performance.now();
  const result = await service.release(profile, lockId);
  return { result, elapsedMs: performance.now() - started };
}

/** The pending and the result entry of the one operation in the audit log, checked against the result. */
async function expectAudited(result: LockResult): Promise<void> {
  const entries: AuditEntry[] = (await audit.read()).reverse();
  expect(entries.map((entry) => entry.phase)).toEqual(['pending', 'result']);
  const [pending, done] = entries;
  expect(done.operationId).toBe(pending.operationId);
  expect(pending).toMatchObject({ operation: 'release', profile: 'faults', host: result.host, source: 'gui' });
  expect(done).toMatchObject({ ok: result.ok, kind: result.kind, httpStatus: result.httpStatus });
  const text = await fs.readFile(audit.path, 'utf8');
  expect(text).not.toContain(sandbox.credentials.token);
}

function expectKind(timed: Timed, kind: ResultKind, remedy: RegExp, deadlineMs = TIMEOUT_MS + MARGIN_MS): void {
  expect(timed.result.kind, timed.result.msg ?? '').toBe(kind);
  expect(timed.result.ok).toBe(false);
  expect(timed.result.remedy).toMatch(remedy);
  expect(timed.elapsedMs).toBeLessThan(deadlineMs);
}

interface RawServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A raw TCP server on 127.0.0.1; `onSocket` writes whatever bytes the test wants. */
async function rawServer(onSocket: (socket: net.Socket) => void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads the request head, then answers with `reply` (status line and all). */
function answerWith(reply: string): (socket: net.Socket) => void {
  return (socket) => {
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) socket.end(reply);
    });
  };
}

const servers: RawServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function track(server: Promise<RawServer>): Promise<RawServer> {
  const running = await server;
  servers.push(running);
  return running;
}

describe('no connection', () => {
  it('connection refused: network, check the address', async () => {
    const closed = await rawServer(() => {});
    await closed.close();
    const timed = await release(profileFor(closed.url));
    expectKind(timed, 'network', /No connection to the server \(refused or unreachable\)/);
    expect(timed.result.httpStatus).toBeNull();
    expect(timed.result.msg).toContain('ECONNREFUSED');
    await expectAudited(timed.result);
  });

  it('DNS failure (.invalid): network, with the DNS remedy', async () => {
    const timed = await release(profileFor('https://koodrive-lock-admin-test.invalid'));
    expectKind(timed, 'network', /could not be resolved/);
    expect(timed.result.msg).toMatch(/ENOTFOUND|EAI_AGAIN/);
    await expectAudited(timed.result);
  });
});

describe('broken and slow answers (sandbox faults)', () => {
  it('reset mid-response: network, and the remedy warns that the lock may already be released', async () => {
    sandbox.setFault({ kind: 'reset' }, 1);
    const lockId = sandbox.addLock();
    const timed = await release(profileFor(sandbox.url), lockId);
    expectKind(timed, 'network', /broke before the answer was complete, so the lock may already be released/);
    expect(timed.result.httpStatus).toBe(200);
    // The sandbox did release it: exactly the case the remedy is about.
    expect(sandbox.activeLockIds()).not.toContain(lockId);
    await expectAudited(timed.result);
  });

  it('headers slower than the timeout: timeout, ended at the deadline', async () => {
    sandbox.setFault({ kind: 'delay', ms: TIMEOUT_MS * 4 }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(timed, 'timeout', /No complete answer arrived in time/);
    expect(timed.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(timed.result.msg).toContain(`within ${TIMEOUT_MS} ms`);
    await expectAudited(timed.result);
  });

  it('a body that trickles in past the timeout: timeout (the deadline covers the whole answer)', async () => {
    sandbox.setFault({ kind: 'slow-body', ms: TIMEOUT_MS * 4 }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(timed, 'timeout', /No complete answer arrived in time/);
    expect(timed.elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    await expectAudited(timed.result);
  });

  it('a server that never answers: timeout', async () => {
    sandbox.setFault({ kind: 'hang' }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(timed, 'timeout', /No complete answer arrived in time/);
    await expectAudited(timed.result);
  });

  it('429 with Retry-After: throttled, and the remedy gives the wait from Retry-After', async () => {
    sandbox.setFault({ kind: 'status', status: 429, retryAfterSeconds: 42 }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(timed, 'throttled', /wait 42 seconds \(Retry-After\)/);
    expect(timed.result).toMatchObject({ httpStatus: 429, code: 'APIGW.0308' });
    await expectAudited(timed.result);
  });

  it.each([
    [500, '13000201'],
    [502, 'APIGW.0201'],
    [503, 'APIGW.0201'],
  ])('HTTP %i: server, with the code, and "may already be released"', async (status, code) => {
    sandbox.setFault({ kind: 'status', status }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(
      timed,
      'server',
      new RegExp(`failed internally \\(code ${code.replace('.', '\\.')}\\).*may already be released`),
    );
    expect(timed.result.httpStatus).toBe(status);
    expect(timed.result.requestId).toBeTruthy();
    await expectAudited(timed.result);
  });

  it('an HTML 502 page from a proxy: server (5xx), not success', async () => {
    sandbox.setFault({ kind: 'html' }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(
      timed,
      'server',
      /a proxy, firewall or load balancer\) answered HTTP 502 with a page that is not from KooDrive/,
    );
    expect(timed.result.code).toBeNull();
    await expectAudited(timed.result);
  });

  it('a 200 that is plain text, not JSON: invalid-response, never success', async () => {
    sandbox.setFault({ kind: 'non-json' }, 1);
    const timed = await release(profileFor(sandbox.url));
    expectKind(timed, 'invalid-response', /without a KooDrive JSON body/);
    await expectAudited(timed.result);
  });
});

describe('answers that are not KooDrive (raw servers)', () => {
  it('a 200 HTML login page (captive portal): invalid-response, check the base URL', async () => {
    const page = '<!DOCTYPE html><html><body><form>Sign in to the network</form></body></html>';
    const server = await track(
      rawServer(
        answerWith(
          `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${page.length}\r\nConnection: close\r\n\r\n${page}`,
        ),
      ),
    );
    const timed = await release(profileFor(server.url));
    expectKind(timed, 'invalid-response', /HTTP 200 without a KooDrive JSON body.*base URL/);
    await expectAudited(timed.result);
  });

  it('invalid JSON (cut off) labelled application/json: invalid-response, never success', async () => {
    const body = '{"code":0,"msg":"success","data":{"lockId":"';
    const server = await track(
      rawServer(
        answerWith(
          `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        ),
      ),
    );
    const timed = await release(profileFor(server.url));
    expectKind(timed, 'invalid-response', /without a KooDrive JSON body/);
    await expectAudited(timed.result);
  });

  it('a malformed status line: invalid-response (malformed HTTP)', async () => {
    const server = await track(rawServer(answerWith('HTTQ/9.9 banana\r\n\r\n')));
    const timed = await release(profileFor(server.url));
    expectKind(timed, 'invalid-response', /malformed HTTP answer/);
    await expectAudited(timed.result);
  });

  describe('a 50 MB body', () => {
    interface Streamed {
      written: number;
      closedEarly: boolean;
    }

    /** Streams `total` bytes of JSON-ish padding with back-pressure; records how much went out. */
    function streamer(total: number, declareLength: boolean, stats: Streamed): (socket: net.Socket) => void {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      return (socket) => {
        let started = false;
        socket.on('close', () => {
          if (stats.written < total) stats.closedEarly = true;
        });
        socket.on('data', () => {
          if (started) return;
          started = true;
          // Without a length the body runs until the connection closes.
          const length = declareLength ? `Content-Length: ${total}\r\n` : '';
          socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n${length}Connection: close\r\n\r\n`);
          const pump = (): void => {
            while (stats.written < total && !socket.destroyed) {
              const piece = total - stats.written >= chunk.length ? chunk : chunk.subarray(0, total - stats.written);
              stats.written += piece.length;
              if (!socket.write(piece)) {
                socket.once('drain', pump);
                return;
              }
            }
            if (stats.written >= total) socket.end();
          };
          pump();
        });
      };
    }

    it('streamed without a length: the client stops at the cap, memory stays bounded, the socket is closed early', async () => {
      const stats: Streamed = { written: 0, closedEarly: false };
      const server = await track(rawServer(streamer(HUGE_BYTES, false, stats)));
      const baseline = process.memoryUsage();
      let peakRss = baseline.rss;
      let peakBuffers = baseline.arrayBuffers;
      const sampler = setInterval(() => {
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
      }, 2);
      let timed: Timed;
      try {
        timed = await release(profileFor(server.url));
      } finally {
        clearInterval(sampler);
      }
      expectKind(timed, 'invalid-response', /larger than the size limit/);
      expect(timed.result.httpStatus).toBe(200);
      expect(timed.result.msg).toContain(`larger than ${DEFAULT_MAX_BODY_BYTES} bytes`);
      // The server sees the connection closed long before it could send 50 MB.
      for (let waited = 0; waited < 2000 && !stats.closedEarly; waited += 20) await sleep(20);
      expect(stats.closedEarly).toBe(true);
      expect(stats.written).toBeLessThan(10 * MB);
      // Memory: the 1 MB cap plus socket buffers, far from 50 MB.
      expect(peakBuffers - baseline.arrayBuffers).toBeLessThan(12 * MB);
      expect(peakRss - baseline.rss).toBeLessThan(30 * MB);
      await expectAudited(timed.result);
    });

    it('declared with Content-Length: refused before reading the body', async () => {
      const stats: Streamed = { written: 0, closedEarly: false };
      const server = await track(rawServer(streamer(HUGE_BYTES, true, stats)));
      const timed = await release(profileFor(server.url));
      expectKind(timed, 'invalid-response', /larger than the size limit/);
      for (let waited = 0; waited < 2000 && !stats.closedEarly; waited += 20) await sleep(20);
      expect(stats.closedEarly).toBe(true);
      expect(stats.written).toBeLessThan(10 * MB);
      await expectAudited(timed.result);
    });
  });
});

describe('TLS', () => {
  const tlsServers: RunningSandbox[] = [];
  afterEach(async () => {
    await Promise.all(tlsServers.splice(0).map((server) => server.stop()));
  });
  async function httpsSandbox(options: Parameters<typeof startSandbox>[0]): Promise<RunningSandbox> {
    const running = await startSandbox({ seedLocks: 0, credentials: sandbox.credentials, ...options });
    tlsServers.push(running);
    return running;
  }

  it('a self-signed certificate: tls, "not trusted", add the CA; nothing reaches the server', async () => {
    const server = await httpsSandbox({ https: true });
    const timed = await release(profileFor(server.url), server.addLock());
    expectKind(timed, 'tls', /certificate is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\).*CA certificate \(PEM\)/);
    expect(server.received()).toEqual([]);
    await expectAudited(timed.result);
  });

  it('the same self-signed certificate given as the profile CA: success (the control case)', async () => {
    const server = await httpsSandbox({ https: true });
    const timed = await release(profileFor(server.url, { caPem: server.caPem }), server.addLock());
    expect(timed.result).toMatchObject({ ok: true, kind: 'success' });
  });

  it('an expired certificate (from a trusted CA): tls, "not valid at this time", check the clock', async () => {
    const day = 24 * 60 * 60 * 1000;
    const leaf = await ca.issue({ notBefore: new Date(Date.now() - 60 * day), notAfter: new Date(Date.now() - day) });
    const server = await httpsSandbox({ certificate: leaf });
    const timed = await release(profileFor(server.url, { caPem: ca.certPem }), server.addLock());
    expectKind(timed, 'tls', /not valid at this time \(CERT_HAS_EXPIRED\).*date and time/);
    expect(server.received()).toEqual([]);
    await expectAudited(timed.result);
  });

  it('a certificate for another host name (from a trusted CA): tls, "for a different host name"', async () => {
    const leaf = await ca.issue({ dnsNames: ['some-other-host.example'] });
    const server = await httpsSandbox({ certificate: leaf });
    const timed = await release(profileFor(server.url, { caPem: ca.certPem }), server.addLock());
    expectKind(timed, 'tls', /certificate is for a different host name/);
    expect(timed.result.msg).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(server.received()).toEqual([]);
    await expectAudited(timed.result);
  });

  it('plain HTTP spoken to by an https:// profile is not mistaken for success', async () => {
    const url = sandbox.url.replace('http://', 'https://');
    const timed = await release(profileFor(url));
    expect(timed.result.ok).toBe(false);
    expect(['tls', 'network']).toContain(timed.result.kind);
    await expectAudited(timed.result);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
