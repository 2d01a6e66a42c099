/** Requests to the KooDrive sandbox exactly as given, for the sandbox's own integration tests. */
import http from 'node:http';
import https from 'node:https';
import type { Clock } from '../../electron/core/clock';
import { DEFAULT_SIGNED_HEADERS, signAppRequest } from '../../electron/core/koodrive/sign';
import { formatXDate } from '../../electron/core/koodrive/xdate';
import type { RunningSandbox } from '../../electron/sandbox/server';

export const LOCK_PATH = '/koodrive/ose/v1/backup/lock';

/** A clock that moves only when told to, starting now. */
export function manualClock() {
  let now = Date.now();
  const clock: Clock = { now: () => new Date(now), monotonicMs: () => now };
  return { clock, advance: (ms: number) => (now += ms) };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown> | null;
  /** Body bytes counted, not kept, beyond the first 1 MiB. */
  bytes: number;
}

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  ca?: string;
  timeoutMs?: number;
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** One request exactly as given (no headers added but Content-Length), over a fresh connection. */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  const transport = url.protocol === 'https:' ? https : http;
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise((resolvePromise, reject) => {
    const req = transport.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        headers: { ...request.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
        agent: false,
        ca: request.ca,
        timeout: request.timeoutMs ?? 10_000,
      },
      (res) => {
        const kept: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          if (bytes < 1024 * 1024) kept.push(chunk);
          bytes += chunk.length;
        });
        res.on('end', () => {
          const text = Buffer.concat(kept).toString('utf8');
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text), bytes });
        });
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

export interface LockCall {
  method?: 'POST' | 'DELETE' | 'PATCH' | 'GET';
  path?: string;
  lockId?: string;
  body?: string;
  auth?: 'bearer' | 'app';
  signedAt?: Date;
  /** Changes applied after signing (tampering, removal: value undefined). */
  after?: Record<string, string | undefined>;
  token?: string;
  /** X-User-Id; default the sandbox user. */
  userId?: string;
  appId?: string;
  appSecret?: string;
  timeoutMs?: number;
}

/** Builds and signs a lock request the way a client must (docs/koodrive-protocol.md#app-authentication-hmac-sha256), then sends it. */
export function lockCall(sandbox: RunningSandbox, clock: Clock, call: LockCall = {}): Promise<Answer> {
  const method = call.method ?? 'DELETE';
  const path = call.path ?? LOCK_PATH;
  const body = call.body ?? (method === 'POST' ? '{"moduleCode":"102"}' : '');
  const url = new URL(sandbox.url);
  const headers: Record<string, string> = {
    Host: url.host,
    'X-Date': formatXDate(call.signedAt ?? clock.now()),
    'X-User-Id': call.userId ?? sandbox.credentials.userId,
  };
  if (call.lockId !== undefined) headers['x-backup-lock-id'] = call.lockId;
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  if ((call.auth ?? 'bearer') === 'bearer') {
    headers.Authorization = `Bearer ${call.token ?? sandbox.credentials.token}`;
  } else {
    headers.Authorization = signAppRequest({
      method,
      path,
      query: [],
      headers,
      signedHeaders: DEFAULT_SIGNED_HEADERS,
      body,
      appId: call.appId ?? sandbox.credentials.appId,
      appSecret: call.appSecret ?? sandbox.credentials.appSecret,
    }).authorization;
  }
  const changed = Object.entries({ ...headers, ...call.after }).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return rawRequest(sandbox.url, {
    method,
    path,
    headers: Object.fromEntries(changed),
    body: body.length > 0 ? body : undefined,
    ca: sandbox.caPem,
    timeoutMs: call.timeoutMs,
  });
}
