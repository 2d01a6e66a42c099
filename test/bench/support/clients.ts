/**
 * The two clients compared: the product's core (LockService over the real HTTP transport) and the
 * floor (node:http DELETE with headers signed before the clock starts, over one keep-alive agent).
 */
import http from 'node:http';
import type { SocketConstructorOpts } from 'node:net';
import { systemClock } from '../../../electron/core/clock';
import type { AuditSink } from '../../../electron/core/audit/auditEntry';
import { createHttpTransport, type HttpTransport } from '../../../electron/core/koodrive/httpTransport';
import { prepareLockRequest } from '../../../electron/core/koodrive/lockRequests';
import type { Transport } from '../../../electron/core/koodrive/transport';
import { createLockService, type LockService } from '../../../electron/core/lockService';
import type { SecretSource } from '../../../electron/core/lockRequest';
import type { Profile } from '../../../shared/profile';
import type { SandboxProcess } from './sandboxProcess';

/** App (HMAC) authentication: the core signs every request, the floor signs before timing. */
export function sandboxProfile(sandbox: SandboxProcess): Profile {
  return {
    environment: 'other',
    id: 'bench-sandbox',
    name: 'Bench sandbox',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'app',
    appId: sandbox.credentials.appId,
    moduleCode: '102',
  };
}

export interface CoreClient {
  service: LockService;
  transport: HttpTransport;
}

/** When the core's last request was handed to the transport, and when the transport answered. */
export interface TransportMarks {
  sentAt: number;
  answeredAt: number;
}

/**
 * The core over the real transport. With `marks`, every transport call records its start and end
 * (performance.now()), so a release can be split into work before sending, the exchange, and work after.
 */
export function coreClient(audit: AuditSink, secretFor: SecretSource, marks?: TransportMarks): CoreClient {
  const transport = createHttpTransport();
  const timed: Transport = marks
    ? async (request) => {
        marks.sentAt = performance.now();
        try {
          return await transport(request);
        } finally {
          marks.answeredAt = performance.now();
        }
      }
    : transport;
  const service = createLockService({
    transport: timed,
    clock: systemClock,
    secretFor,
    audit,
    source: 'cli',
    osUser: 'bench',
  });
  return { service, transport };
}

export interface SignedRelease {
  path: string;
  headers: Record<string, string>;
}

/** Everything the floor sends, built (and signed, with a fresh X-Date) ahead of time. */
export function signedRelease(profile: Profile, secret: string, lockId: string): SignedRelease {
  const prepared = prepareLockRequest({ profile, operation: 'release', lockId, secret, now: systemClock.now() });
  return { path: `${prepared.url.pathname}${prepared.url.search}`, headers: prepared.headers };
}

export interface RawFloor {
  agent: http.Agent;
  /** Resolves with the HTTP status once the whole answer has arrived. */
  send(request: SignedRelease): Promise<number>;
}

export function rawFloor(baseUrl: string): RawFloor {
  const url = new URL(baseUrl);
  // http.Agent hands noDelay on to each socket; @types/node 24 lists it under the socket's options only.
  const agentOptions: http.AgentOptions & Pick<SocketConstructorOpts, 'noDelay'> = {
    keepAlive: true,
    scheduling: 'lifo',
    noDelay: true,
  };
  const agent = new http.Agent(agentOptions);
  const hostname = url.hostname;
  const port = Number(url.port);
  const send = (request: SignedRelease) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({
        hostname,
        port,
        path: request.path,
        method: 'DELETE',
        headers: request.headers,
        agent,
      });
      req.on('error', reject);
      req.on('response', (res) => {
        res.on('error', reject);
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.end();
    });
  return { agent, send };
}
