import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import type { AuditEntry, AuditSink } from '../../electron/core/audit/auditEntry';
import { type Clock, systemClock } from '../../electron/core/clock';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { SecretStoreError } from '../../electron/core/secrets/secretStore';
import {
  AuditWriteError,
  type LockServiceDeps,
  createLockService,
  invalidInputResult,
} from '../../electron/core/lockService';

const TOKEN = 'tok-lockservice-5d8e2c7a9f';
const APP_ID = 'a378c0de96a1';
const APP_SECRET = 'app-secret-lockservice-0b4f6e1d';
const USER_ID = '1505084218764547200';
const PREFIX = '/gw';
const LOCK_PATH = `${PREFIX}/koodrive/ose/v1/backup/lock`;
const WINDOW_MS = 15 * 60 * 1000;

/** Events in arrival order, to check that the pending audit entry is written before the server sees anything. */
const events: string[] = [];

// An independent implementation of app authentication (docs/koodrive-protocol.md#app-authentication-hmac-sha256), so the server does not trust the client's signing code.
function expectedSignature(req: http.IncomingMessage, body: Buffer, signedHeaders: string[]): string {
  const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const uri = path.endsWith('/') ? path : `${path}/`;
  const headerBlock = signedHeaders.map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`).join('');
  const canonical = [req.method, uri, '', headerBlock, signedHeaders.join(';'), sha(body)].join('\n');
  return createHmac('sha256', APP_SECRET)
    .update(`HMAC-SHA256\n${sha(canonical)}`)
    .digest('hex');
}

function authProblem(req: http.IncomingMessage, body: Buffer): string | null {
  const auth = req.headers.authorization ?? '';
  if (auth.startsWith('Bearer ')) return auth === `Bearer ${TOKEN}` ? null : 'token';
  const match = /^HMAC-SHA256 AppId=([^,]+),SignedHeaders=([a-z;-]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match || match[1] !== APP_ID) return 'app';
  const signed = match[2].split(';');
  if (!['host', 'x-date', 'x-user-id'].every((name) => signed.includes(name))) return 'app';
  return match[3] === expectedSignature(req, body, signed) ? null : 'signature';
}

function xDateProblem(value: string | undefined): boolean {
  const m = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(value ?? '');
  if (!m) return true;
  const sent = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const now = Date.now();
  return sent > now || sent < now - WINDOW_MS;
}

interface FakeServer {
  baseUrl: string;
  locks: Set<string>;
  requests: number;
  close(): Promise<void>;
}

async function startFakeKooDrive(): Promise<FakeServer> {
  const locks = new Set<string>();
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      state.requests += 1;
      events.push(`server:${req.method}`);
      const body = Buffer.concat(chunks);
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'x-request-id': randomUUID(), ...headers });
        res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      const lockId = req.headers['x-backup-lock-id'];
      if (lockId === 'hang@102') return;
      if (lockId === 'echo@102') {
        send(400, { code: 13000102, msg: `bad header: ${req.headers.authorization}` });
        return;
      }
      if (lockId === 'gateway@102') {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
        res.end('{"error_code":"APIGW.0308","error_msg":"throttled","request_id":"gw-req-1"}');
        return;
      }
      if (req.url !== LOCK_PATH) return send(404, '<html>no such page</html>');
      if (req.headers.host !== `127.0.0.1:${port}`) return send(400, { code: 13000102, msg: 'host' });
      if (req.headers['x-user-id'] !== USER_ID) return send(400, { code: 13000102, msg: 'user' });
      if (xDateProblem(req.headers['x-date'] as string | undefined)) {
        return send(401, { error_code: 'APIGW.0303', error_msg: 'Incorrect app authentication information' });
      }
      const problem = authProblem(req, body);
      if (problem) return send(401, { error_code: 'APIGW.0303', error_msg: `Incorrect authentication (${problem})` });

      if (req.method === 'POST') {
        if (req.headers['content-type'] !== 'application/json') return send(400, { code: 13000102, msg: 'type' });
        let moduleCode: unknown;
        try {
          moduleCode = (JSON.parse(body.toString('utf8')) as { moduleCode?: unknown }).moduleCode;
        } catch {
          return send(400, { code: 13000102, msg: 'json' });
        }
        if (typeof moduleCode !== 'string') return send(400, { code: 13000102, msg: 'moduleCode' });
        const id = `${randomUUID()}@${moduleCode}`;
        locks.add(id);
        return send(200, { data: { lockId: id }, code: 0, msg: 'success' });
      }
      if ((req.method !== 'DELETE' && req.method !== 'PATCH') || body.length > 0) {
        return send(400, { code: 13000102, msg: 'method' });
      }
      if (typeof lockId !== 'string' || !locks.has(lockId)) return send(404, { code: 13000309, msg: 'not found' });
      if (req.method === 'DELETE') locks.delete(lockId);
      return send(200, '{"code":"0","msg":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}${PREFIX}`,
    locks,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

class MemoryAudit implements AuditSink {
  readonly entries: AuditEntry[] = [];
  failOn: AuditEntry['phase'] | null = null;
  async append(entry: AuditEntry): Promise<void> {
    if (this.failOn === entry.phase) throw new Error('disk full');
    events.push(`audit:${entry.phase}`);
    this.entries.push(structuredClone(entry));
  }
}

let fake: FakeServer;
let audit: MemoryAudit;
let secretCalls: number;
const transport = createHttpTransport();
const results: LockResult[] = [];

beforeAll(async () => {
  fake = await startFakeKooDrive();
});
afterAll(async () => {
  transport.close();
  await fake.close();
});
beforeEach(() => {
  audit = new MemoryAudit();
  secretCalls = 0;
  events.length = 0;
});
afterEach(() => {
  const everything = JSON.stringify({ results: results.splice(0), audit: audit.entries });
  expect(everything).not.toContain(TOKEN);
  expect(everything).not.toContain(APP_SECRET);
});

function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'sandbox',
    name: 'Sandbox',
    environment: 'sandbox',
    baseUrl: fake.baseUrl,
    userId: USER_ID,
    authMode: 'bearer',
    moduleCode: '102',
    ...overrides,
  };
}
const appProfile = (): Profile => profile({ id: 'sandbox-app', authMode: 'app', appId: APP_ID });

function service(overrides: Partial<LockServiceDeps> = {}) {
  const locks = createLockService({
    transport,
    clock: systemClock,
    secretFor: async (p) => {
      secretCalls += 1;
      return p.authMode === 'app' ? APP_SECRET : TOKEN;
    },
    audit,
    source: 'cli',
    osUser: 'tester',
    ...overrides,
  });
  const keep = async (promise: Promise<LockResult>) => {
    const result = await promise;
    results.push(result);
    return result;
  };
  return {
    run: (...args: Parameters<typeof locks.run>) => keep(locks.run(...args)),
    release: (...args: Parameters<typeof locks.release>) => keep(locks.release(...args)),
    renew: (...args: Parameters<typeof locks.renew>) => keep(locks.renew(...args)),
    create: (...args: Parameters<typeof locks.create>) => keep(locks.create(...args)),
  };
}

function seedLock(): string {
  const id = `${randomUUID()}@102`;
  fake.locks.add(id);
  return id;
}

describe('release against a strict server', () => {
  it('releases a stuck lock (bearer) and audits before sending', async () => {
    const lockId = seedLock();
    const result = await service().release(profile(), `  ${lockId}\n`);
    expect(result).toMatchObject({
      ok: true,
      kind: 'success',
      operation: 'release',
      host: new URL(fake.baseUrl).host,
      httpStatus: 200,
      code: '0',
      msg: 'success',
      lockId,
    });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(result.serverDate ?? '')).not.toBeNaN();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(fake.locks.has(lockId)).toBe(false);

    expect(events).toEqual(['audit:pending', 'server:DELETE', 'audit:result']);
    const [pending, done] = audit.entries;
    expect(pending).toMatchObject({ phase: 'pending', source: 'cli', osUser: 'tester', profile: 'sandbox', lockId });
    expect(done).toMatchObject({ phase: 'result', ok: true, kind: 'success', httpStatus: 200, code: '0' });
    expect(done.operationId).toBe(pending.operationId);
    expect(done.requestId).toBe(result.requestId);
  });

  it('reports an already released lock as not-found, without retrying', async () => {
    const lockId = seedLock();
    const locks = service();
    await locks.release(profile(), lockId);
    const before = fake.requests;
    const again = await locks.release(profile(), lockId);
    expect(again).toMatchObject({ ok: false, kind: 'not-found', httpStatus: 404, code: '13000309', lockId });
    expect(again.remedy).toMatch(/already gone/);
    expect(fake.requests - before).toBe(1);
  });

  it('creates, renews and releases with app (HMAC) authentication', async () => {
    const locks = service();
    const created = await locks.create(appProfile(), '101');
    expect(created).toMatchObject({ ok: true, kind: 'success', operation: 'create' });
    expect(created.lockId).toMatch(/@101$/);
    expect(fake.locks.has(created.lockId ?? '')).toBe(true);

    const renewed = await locks.renew(appProfile(), created.lockId ?? '');
    expect(renewed).toMatchObject({ ok: true, kind: 'success', operation: 'renew', lockId: created.lockId });

    const released = await locks.run({ operation: 'release', profile: appProfile(), lockId: created.lockId ?? '' });
    expect(released.ok).toBe(true);
    expect(fake.locks.has(created.lockId ?? '')).toBe(false);
    expect(audit.entries.map((e) => `${e.operation}:${e.phase}`)).toEqual([
      'create:pending',
      'create:result',
      'renew:pending',
      'renew:result',
      'release:pending',
      'release:result',
    ]);
    expect(audit.entries[1].lockId).toBe(created.lockId);
  });

  it('uses the profile module code for create by default', async () => {
    const created = await service().create(profile());
    expect(created.lockId).toMatch(/@102$/);
  });
});

describe('failures are classified, never retried, and never leak the secret', () => {
  it('reports a wrong token as auth', async () => {
    const result = await service({ secretFor: async () => 'tok-wrong' }).release(profile(), seedLock());
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401, code: 'APIGW.0303' });
    expect(result.remedy).toMatch(/access token/);
  });

  it('reports a wrong app secret as auth', async () => {
    const result = await service({ secretFor: async () => 'not-the-app-secret' }).release(appProfile(), seedLock());
    expect(result.kind).toBe('auth');
    expect(result.msg).toMatch(/signature/);
  });

  it('reports a clock an hour ahead as clock', async () => {
    const ahead: Clock = { now: () => new Date(Date.now() + 3_600_000), monotonicMs: () => performance.now() };
    const result = await service({ clock: ahead }).release(appProfile(), seedLock());
    expect(result.kind).toBe('clock');
    expect(result.remedy).toMatch(/60 minutes ahead/);
  });

  it('reports a missing route (wrong prefix) as invalid-response', async () => {
    const result = await service().release(profile({ baseUrl: fake.baseUrl.replace(PREFIX, '/wrong') }), seedLock());
    expect(result).toMatchObject({ kind: 'invalid-response', httpStatus: 404 });
    expect(result.remedy).toMatch(/path prefix/);
  });

  it('reports throttling with Retry-After and the gateway request ID', async () => {
    const result = await service().release(profile(), 'gateway@102');
    expect(result).toMatchObject({ kind: 'throttled', httpStatus: 429, code: 'APIGW.0308', requestId: 'gw-req-1' });
    expect(result.remedy).toMatch(/7 seconds/);
  });

  it('times out on a server that never answers and audits the timeout', async () => {
    const started = Date.now();
    const result = await service({ timeoutMs: 300 }).release(profile(), 'hang@102');
    expect(result).toMatchObject({ ok: false, kind: 'timeout', httpStatus: null, lockId: 'hang@102' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(audit.entries.map((e) => e.phase)).toEqual(['pending', 'result']);
    expect(audit.entries[1].kind).toBe('timeout');
  });

  it('reports a cancelled request as cancelled', async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100);
    const result = await service().release(profile(), 'hang@102', { signal: controller.signal });
    clearTimeout(timer);
    expect(result.kind).toBe('cancelled');
  });

  it('scrubs the secret from a server message that echoes the Authorization header', async () => {
    const result = await service().release(profile(), 'echo@102');
    expect(result.kind).toBe('invalid-input');
    expect(result.msg).toBe('bad header: Bearer <redacted>');
    expect(audit.entries[1].msg).toBe('bad header: Bearer <redacted>');
  });

  it('reports a refused connection as network', async () => {
    const closed = await startFakeKooDrive();
    await closed.close();
    const result = await service().release(profile({ baseUrl: closed.baseUrl }), seedLock());
    expect(result).toMatchObject({ kind: 'network', httpStatus: null, code: null });
    expect(result.msg).toMatch(/ECONNREFUSED/);
  });
});

describe('nothing is sent when the input or the environment is wrong', () => {
  it.each([
    ['an empty lock ID', {}, '   ', /Enter a lock ID/],
    ['a lock ID with a line break', {}, 'abc@102\r\nX-Evil: 1', /printable ASCII/],
    ['plain http to a remote host', { baseUrl: 'http://koodrive.example.com' }, 'a@102', /only allowed/],
    ['a bad user ID', { userId: '12ab' }, 'a@102', /digits only/],
    ['app mode without an App ID', { authMode: 'app' as const }, 'a@102', /App ID/],
  ])('rejects %s', async (_label, overrides, lockId, problem) => {
    const before = fake.requests;
    const result = await service().release(profile(overrides), lockId);
    expect(result).toMatchObject({ ok: false, kind: 'invalid-input', httpStatus: null, durationMs: 0 });
    expect(result.remedy).toMatch(problem);
    expect(fake.requests).toBe(before);
    expect(secretCalls).toBe(0);
    expect(audit.entries).toHaveLength(0);
  });

  it('rejects a bad module code for create', async () => {
    const result = await service().create(profile(), '10x');
    expect(result.kind).toBe('invalid-input');
    expect(result.remedy).toMatch(/module code/);
  });

  it('rejects a stored secret with a line break without echoing it', async () => {
    const before = fake.requests;
    const result = await service({ secretFor: async () => `${TOKEN}\n` }).release(profile(), seedLock());
    expect(result.kind).toBe('invalid-input');
    expect(result.remedy).toMatch(/line breaks/);
    expect(fake.requests).toBe(before);
  });

  it('propagates a keychain error and sends nothing', async () => {
    const before = fake.requests;
    const locked = new SecretStoreError('locked', 'The keychain is locked; unlock it and try again.');
    await expect(
      service({
        secretFor: async () => {
          throw locked;
        },
      }).release(profile(), seedLock()),
    ).rejects.toBe(locked);
    expect(fake.requests).toBe(before);
    expect(audit.entries).toHaveLength(0);
  });

  it('does not send when the pending audit entry cannot be written', async () => {
    audit.failOn = 'pending';
    const before = fake.requests;
    const error = await service()
      .release(profile(), seedLock())
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AuditWriteError);
    expect((error as AuditWriteError).result).toBeNull();
    expect((error as Error).message).toMatch(/was not sent: disk full/);
    expect(fake.requests).toBe(before);
  });

  it('reports the outcome when only the result audit entry fails', async () => {
    audit.failOn = 'result';
    const lockId = seedLock();
    const error = await service()
      .release(profile(), lockId)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(AuditWriteError);
    expect((error as AuditWriteError).result).toMatchObject({ ok: true, kind: 'success', lockId });
    expect(fake.locks.has(lockId)).toBe(false);
  });

  it('returns cancelled without sending when the signal is already aborted', async () => {
    const before = fake.requests;
    const result = await service().release(profile(), seedLock(), { signal: AbortSignal.abort() });
    expect(result.kind).toBe('cancelled');
    expect(fake.requests).toBe(before);
    expect(secretCalls).toBe(0);
  });

  it('invalidInputResult builds the shared shape', () => {
    const problem = { key: 'validation.lockId.empty' } as const;
    expect(invalidInputResult({ operation: 'renew', host: 'h:1', lockId: 'x', problem })).toEqual({
      ok: false,
      kind: 'invalid-input',
      operation: 'renew',
      host: 'h:1',
      httpStatus: null,
      code: null,
      msg: null,
      lockId: 'x',
      userId: null,
      durationMs: 0,
      remedy: 'Enter a lock ID (for example 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102).',
      remedyMessage: problem,
    });
  });
});
