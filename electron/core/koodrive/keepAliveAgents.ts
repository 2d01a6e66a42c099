/**
 * Keep-alive agents whose sockets time out only while idle in the pool. Node's `timeout` agent
 * option would also arm a socket timeout on every request (a listener added and removed per
 * request); the request deadline is the transport's own, so only idle sockets need one.
 */
import http from 'node:http';
import https from 'node:https';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** Below the 5 s keep-alive of a default Node server, so the client drops an idle socket first. */
export const IDLE_SOCKET_MS = 4000;

const KEEP_ALIVE = { keepAlive: true, scheduling: 'lifo', noDelay: true } as const;

/** Called after Node's keepSocketAlive, which applies a Keep-Alive timeout the server announced, else none. */
function armIdleTimeout(socket: Duplex): void {
  if (socket instanceof Socket && !socket.timeout) socket.setTimeout(IDLE_SOCKET_MS);
}

class IdleTimeoutHttpAgent extends http.Agent {
  override keepSocketAlive(socket: Duplex): void {
    const kept = super.keepSocketAlive(socket);
    armIdleTimeout(socket);
    return kept;
  }
}

class IdleTimeoutHttpsAgent extends https.Agent {
  override keepSocketAlive(socket: Duplex): void {
    const kept = super.keepSocketAlive(socket);
    armIdleTimeout(socket);
    return kept;
  }
}

export function createKeepAliveHttpAgent(): http.Agent {
  return new IdleTimeoutHttpAgent(KEEP_ALIVE);
}

export function createKeepAliveHttpsAgent(options: https.AgentOptions = {}): https.Agent {
  return new IdleTimeoutHttpsAgent({ ...options, ...KEEP_ALIVE });
}
