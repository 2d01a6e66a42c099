import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profile';
import type { AuditEntry } from '../../../electron/core/audit/auditEntry';
import type { Clock } from '../../../electron/core/clock';
import type { HttpRequest, HttpResponse, Transport } from '../../../electron/core/koodrive/transport';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  type LockServiceDeps,
  createLockService,
} from '../../../electron/core/lockService';

const SECRET = 'tok-unit-9a8b7c6d5e';
const profile: Profile = {
  environment: 'other',
  id: 'p1',
  name: 'P1',
  baseUrl: 'https://gw.example.com:8443/prefix',
  userId: '1505084218764547200',
  authMode: 'bearer',
  moduleCode: '102',
};

/** A clock whose monotonic time advances 12.34 ms per read after the first. */
function steppingClock(): Clock {
  let reads = 0;
  return {
    now: () => new Date(Date.UTC(2025, 0, 15, 8, 30, 0)),
    monotonicMs: () => 1000 + 12.34 * reads++,
  };
}

function setup(answer: (request: HttpRequest) => Promise<HttpResponse>, overrides: Partial<LockServiceDeps> = {}) {
  const sent: HttpRequest[] = [];
  const audit: AuditEntry[] = [];
  const transport: Transport = (request) => {
    sent.push(request);
    return answer(request);
  };
  const service = createLockService({
    transport,
    clock: steppingClock(),
    secretFor: async () => SECRET,
    audit: { append: async (entry) => void audit.push(entry) },
    source: 'gui',
    osUser: 'alice',
    ...overrides,
  });
  return { service, sent, audit };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Promise<HttpResponse> =>
  Promise.resolve({ status, headers, body: Buffer.from(JSON.stringify(body)) });

describe('createLockService with an injected transport', () => {
  it('sends one signed request with the defaults and fresh X-Date', async () => {
    const { service, sent } = setup(() => json(200, { code: 0, msg: 'success' }));
    const result = await service.release(profile, 'abc@102');
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request.method).toBe('DELETE');
    expect(request.url.href).toBe('https://gw.example.com:8443/prefix/koodrive/ose/v1/backup/lock');
    expect(request.timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(request.maxBodyBytes).toBe(DEFAULT_MAX_BODY_BYTES);
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000);
    expect(DEFAULT_MAX_BODY_BYTES).toBe(1_048_576);
    expect(request.headers).toMatchObject({
      Host: 'gw.example.com:8443',
      'X-Date': '20250115T083000Z',
      Authorization: `Bearer ${SECRET}`,
    });
    expect(result).toMatchObject({ ok: true, kind: 'success', host: 'gw.example.com:8443', durationMs: 12.3 });
  });

  it('passes timeout, size cap, TLS and proxy settings (connectionFor) through', async () => {
    const { service, sent } = setup(() => json(200, { code: 0 }), {
      timeoutMs: 1234,
      maxBodyBytes: 99,
      env: { HTTPS_PROXY: 'http://127.0.0.1:3128' },
    });
    await service.renew({ ...profile, caPem: 'PEM' }, 'abc@102');
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      timeoutMs: 1234,
      maxBodyBytes: 99,
      tls: { caPem: 'PEM' },
      proxyUrl: 'http://127.0.0.1:3128',
    });
  });

  it('takes the created lock ID from data and the request ID from the header first, then the body', async () => {
    const { service, audit } = setup(() =>
      json(200, { code: '0', data: { lockId: 'new@101' }, request_id: 'body-id' }, { 'x-request-id': 'hdr-id' }),
    );
    const created = await service.create(profile, '101');
    expect(created).toMatchObject({ kind: 'success', lockId: 'new@101', requestId: 'hdr-id' });
    expect(audit[0].lockId).toBeNull();
    expect(audit[1]).toMatchObject({ phase: 'result', lockId: 'new@101', requestId: 'hdr-id' });

    const second = setup(() => json(401, { error_code: 'APIGW.0303', error_msg: 'x', request_id: 'gw-7' }));
    const rejected = await second.service.create(profile);
    expect(rejected).toMatchObject({ kind: 'auth', lockId: null, requestId: 'gw-7', code: 'APIGW.0303' });
  });

  it('reports the server Date and uses it for the clock check', async () => {
    const { service } = setup(() =>
      json(401, { code: 401, msg: 'unauthorized' }, { date: 'Wed, 15 Jan 2025 08:10:00 GMT' }),
    );
    const result = await service.release(profile, 'abc@102');
    expect(result.kind).toBe('clock');
    expect(result.serverDate).toBe('Wed, 15 Jan 2025 08:10:00 GMT');
  });

  it('treats a non-TransportError from the transport as a network failure, never retrying', async () => {
    const { service, sent } = setup(() => Promise.reject(new Error(`boom ${SECRET}`)));
    const result = await service.release(profile, 'abc@102');
    expect(result).toMatchObject({ ok: false, kind: 'network', httpStatus: null });
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('never puts the secret into the remedy message, even when the server echoes it in its code', async () => {
    const { service } = setup(() => json(409, { code: `busy-${SECRET}`, msg: `held ${SECRET}` }));
    const result = await service.release(profile, 'abc@102');
    expect(result.kind).toBe('conflict');
    expect(result.remedyMessage.key).toBe('operation.release.conflict');
    expect(JSON.stringify(result.remedyMessage)).not.toContain(SECRET);
    expect(result.remedy).not.toContain(SECRET);
  });

  it('audits pending then result with the same operation ID and no secret', async () => {
    const { service, audit } = setup(() => json(404, { code: 13000309, msg: `no lock for ${SECRET}` }));
    const result = await service.release(profile, 'abc@102');
    expect(result.kind).toBe('not-found');
    expect(result.msg).toBe('no lock for <redacted>');
    expect(audit.map((e) => e.phase)).toEqual(['pending', 'result']);
    expect(audit[0].operationId).toBe(audit[1].operationId);
    expect(audit[0]).toMatchObject({ source: 'gui', osUser: 'alice', profile: 'p1', host: 'gw.example.com:8443' });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });
});

describe('the end user of each operation', () => {
  const appProfile: Profile = {
    ...profile,
    id: 'tenant',
    name: 'Tenant',
    authMode: 'app',
    appId: 'app-1',
    userId: undefined,
    environment: 'production',
  };
  const TICKET_USER = '1505084218764547200';

  it('app auth: sends the user chosen for the operation, and records it in the result and both audit entries', async () => {
    const { service, sent, audit } = setup(() => json(200, { code: 0 }));
    const result = await service.run({
      operation: 'release',
      profile: appProfile,
      lockId: 'a@102',
      userId: TICKET_USER,
    });
    expect(sent[0].headers['X-User-Id']).toBe(TICKET_USER);
    expect(sent[0].headers.Authorization).toMatch(/^HMAC-SHA256 /);
    expect(result).toMatchObject({ ok: true, userId: TICKET_USER, sentAt: '2025-01-15T08:30:00.000Z' });
    expect(audit.map((entry) => [entry.phase, entry.userId, entry.environment])).toEqual([
      ['pending', TICKET_USER, 'production'],
      ['result', TICKET_USER, 'production'],
    ]);
  });

  it('app auth: without a user for the operation or a default one, nothing is sent and the result says what to enter', async () => {
    const { service, sent, audit } = setup(() => json(200, { code: 0 }));
    const result = await service.run({ operation: 'release', profile: appProfile, lockId: 'a@102' });
    expect(sent).toEqual([]);
    expect(audit).toEqual([]);
    expect(result).toMatchObject({ ok: false, kind: 'invalid-input', userId: null });
    expect(result.remedy).toMatch(/Enter the user ID/);
  });

  it('app auth: the profile default applies when the operation names no user', async () => {
    const { service, sent } = setup(() => json(200, { code: 0 }));
    await service.release({ ...appProfile, userId: '42' }, 'a@102');
    expect(sent[0].headers['X-User-Id']).toBe('42');
  });

  it("bearer: another user than the token's is refused before sending; its own user is accepted", async () => {
    const { service, sent } = setup(() => json(200, { code: 0 }));
    const refused = await service.release(profile, 'a@102', { userId: '42' });
    expect(sent).toEqual([]);
    expect(refused).toMatchObject({ ok: false, kind: 'invalid-input', userId: '42' });
    expect(refused.remedy).toMatch(/acts only for its own user 1505084218764547200/);
    const own = await service.release(profile, 'a@102', { userId: profile.userId });
    expect(own.ok).toBe(true);
    expect(sent[0].headers['X-User-Id']).toBe(profile.userId);
  });

  it('a batch ID is written to both audit entries and the result', async () => {
    const { service, audit } = setup(() => json(200, { code: 0 }));
    const result = await service.run({ operation: 'release', profile, lockId: 'a@102', batchId: 'b-1' });
    expect(result.batchId).toBe('b-1');
    expect(audit.map((entry) => entry.batchId)).toEqual(['b-1', 'b-1']);
  });
});
