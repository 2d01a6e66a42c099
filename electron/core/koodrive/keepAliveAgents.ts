/**
 * Keep-alive agents whose sockets time out only while idle in the pool. Node's `timeout` agent
 * option would also arm a socket timeout on every request (a listener added and removed per
 * request); the request deadline is the transport's own, so only idle sockets need one.
 */
import http from 'node:http';
import type https from 'node:https';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** Below the 5 s keep-alive of a default Node server, so the client drops an idle socket first. */
export const IDLE_SOCKET_MS = 4000;

const KEEP_ALIVE = { keepAlive: true, scheduling: 'lifo', noDelay: true } as const;

/**
 * Makes `agent` give every socket it pools an idle timeout, unless the socket already has one (Node
 * sets one when its agent has a `timeout` option or reads a server's Keep-Alive hint).
 */
function closingIdleSockets<A extends http.Agent>(agent: A): A {
  const keepSocketAlive = agent.keepSocketAlive.bind(agent);
  agent.keepSocketAlive = (socket: Duplex): void => {
    const kept = keepSocketAlive(socket);
    if (socket instanceof Socket && !socket.timeout) socket.setTimeout(IDLE_SOCKET_MS);
    return kept;
  };
  return agent;
}

export function createKeepAliveHttpAgent(): http.Agent {
  return closingIdleSockets(new http.Agent(KEEP_ALIVE));
}

/** Always verifies the server's certificate, whatever NODE_TLS_REJECT_UNAUTHORIZED says. */
export function createKeepAliveHttpsAgent(options: https.AgentOptions = {}): https.Agent {
  // Loaded here, on the first https:// request: node:https and node:tls cost an http:// run (the sandbox) nothing.
  const { Agent } = process.getBuiltinModule('node:https');
  return closingIdleSockets(new Agent({ ...options, ...KEEP_ALIVE, rejectUnauthorized: true }));
}
