import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveHttpAgent, IDLE_SOCKET_MS } from '../../electron/core/koodrive/keepAliveAgents';

interface Exchange {
  socket: Socket;
  /** Listeners for 'timeout' on the socket while the request was in flight. */
  timeoutListenersInFlight: number;
}

let server: http.Server | null = null;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(keepAliveTimeout: number): Promise<number> {
  server = http.createServer((_req, res) => res.end('ok'));
  server.keepAliveTimeout = keepAliveTimeout;
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function get(agent: http.Agent, port: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname: '127.0.0.1', port, path: '/', agent }, (res) => {
      const socket = req.socket as Socket;
      const timeoutListenersInFlight = socket.listenerCount('timeout');
      res.resume();
      res.on('end', () => setImmediate(() => resolve({ socket, timeoutListenersInFlight })));
    });
    req.on('error', reject);
  });
}

describe('keep-alive agents', () => {
  it('closes an idle socket after IDLE_SOCKET_MS when the server announces no Keep-Alive timeout', async () => {
    const port = await serve(0);
    const agent = createKeepAliveHttpAgent();
    try {
      const first = await get(agent, port);
      expect(first.socket.destroyed).toBe(false);
      expect(first.socket.timeout).toBe(IDLE_SOCKET_MS);
      const second = await get(agent, port);
      expect(second.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });

  it('destroys a pooled socket once it has been idle for IDLE_SOCKET_MS', async () => {
    const port = await serve(60_000);
    const agent = createKeepAliveHttpAgent();
    try {
      const { socket } = await get(agent, port);
      const closed = new Promise<number>((resolve) => {
        const idleSince = performance.now();
        socket.once('close', () => resolve(performance.now() - idleSince));
      });
      const idleMs = await Promise.race([
        closed,
        new Promise<number>((resolve) => setTimeout(() => resolve(-1), 8000)),
      ]);
      expect(idleMs).toBeGreaterThanOrEqual(IDLE_SOCKET_MS - 50);
      expect(idleMs).toBeLessThan(IDLE_SOCKET_MS + 2000);
    } finally {
      agent.destroy();
    }
  }, 15_000);

  it('adds no per-request socket timeout listener (the transport has its own deadline)', async () => {
    const port = await serve(0);
    const agent = createKeepAliveHttpAgent();
    const timed = new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
    try {
      await get(agent, port);
      const reused = await get(agent, port);
      await get(timed, port);
      const reusedTimed = await get(timed, port);
      expect(reusedTimed.timeoutListenersInFlight).toBeGreaterThan(reused.timeoutListenersInFlight);
    } finally {
      agent.destroy();
      timed.destroy();
    }
  });
});
