import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Clock } from '../../electron/core/clock';
import { formatXDate } from '../../electron/core/koodrive/xdate';
import { startSandbox } from '../../electron/sandbox/server';
import type { RunningSandbox, SandboxOptions } from '../../electron/sandbox/server';
import { LOCK_PATH, lockCall, manualClock, rawRequest } from '../support/sandboxHttp';

const LOCK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@(\d+)$/;
const MINUTE = 60_000;

interface PausedRead {
  status: number;
  contentLength: string | undefined;
  bytes: number;
  rssGrowthWhilePaused: number;
}

/** Reads the first chunk, pauses 400 ms to measure what the server allocated meanwhile, then drains. */
function readPausedHugeBody(sandbox: RunningSandbox, clock: Clock): Promise<PausedRead> {
  const url = new URL(sandbox.url);
  const rssBefore = process.memoryUsage().rss;
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'DELETE',
        path: LOCK_PATH,
        agent: false,
        headers: {
          Host: url.host,
          'X-Date': formatXDate(clock.now()),
          'X-User-Id': sandbox.credentials.userId,
          'x-backup-lock-id': sandbox.seededLockIds[0],
          Authorization: `Bearer ${sandbox.credentials.token}`,
        },
      },
      (res) => {
        let bytes = 0;
        let rssGrowthWhilePaused = -1;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (rssGrowthWhilePaused >= 0) return;
          rssGrowthWhilePaused = 0;
          res.pause();
          setTimeout(() => {
            rssGrowthWhilePaused = process.memoryUsage().rss - rssBefore;
            res.resume();
          }, 400);
        });
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            contentLength: res.headers['content-length'],
            bytes,
            rssGrowthWhilePaused,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end();
  });
}

const running: RunningSandbox[] = [];

async function start(options: SandboxOptions = {}) {
  const { clock, advance } = manualClock();
  const sandbox = await startSandbox({ clock, ...options });
  running.push(sandbox);
  return { sandbox, clock, advance };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.stop()));
});

describe('sandbox server: lock operations', () => {
  it('starts on 127.0.0.1 with a random port, random credentials and 3 stuck locks of modules 100/101/102', async () => {
    const { sandbox } = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.credentials.userId).toMatch(/^[1-9]\d{18}$/);
    expect(sandbox.seededLockIds).toHaveLength(3);
    expect(sandbox.seededLockIds.map((id) => LOCK_ID.exec(id)?.[1])).toEqual(['100', '101', '102']);
    expect(sandbox.activeLockIds()).toEqual(sandbox.seededLockIds);
    const other = await start({ seedLocks: 0 });
    expect(other.sandbox.credentials.token).not.toBe(sandbox.credentials.token);
    expect(other.sandbox.url).not.toBe(sandbox.url);
    expect(other.sandbox.activeLockIds()).toEqual([]);
  });

  it('releases a lock with a bearer token', async () => {
    const { sandbox, clock } = await start();
    const lockId = sandbox.seededLockIds[1];
    const answer = await lockCall(sandbox, clock, { lockId });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ code: 0, msg: 'success' });
    expect(answer.headers.date).toBe(clock.now().toUTCString());
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
    expect(sandbox.received()).toEqual([
      { method: 'DELETE', path: LOCK_PATH, lockId, at: clock.now().toISOString(), outcome: 'released' },
    ]);
  });

  it('releases a lock with HMAC-SHA256 app authentication', async () => {
    const { sandbox, clock } = await start();
    const lockId = sandbox.seededLockIds[2];
    const answer = await lockCall(sandbox, clock, { lockId, auth: 'app' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ code: 0, msg: 'success' });
    expect(sandbox.activeLockIds()).toEqual(sandbox.seededLockIds.slice(0, 2));
  });

  it('creates a lock (signed body), then refuses a second one for the same module with 409', async () => {
    const { sandbox, clock } = await start({ seedLocks: 0 });
    const created = await lockCall(sandbox, clock, { method: 'POST', auth: 'app', body: '{"moduleCode":"101"}' });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ code: 0, msg: 'success' });
    const lockId = (created.json?.data as { lockId: string }).lockId;
    expect(LOCK_ID.exec(lockId)?.[1]).toBe('101');
    expect(sandbox.activeLockIds()).toEqual([lockId]);

    const conflict = await lockCall(sandbox, clock, { method: 'POST', body: '{"moduleCode":"101"}' });
    expect(conflict.status).toBe(409);
    expect(conflict.json).toMatchObject({ code: 13000501 });
    expect(sandbox.received().map((r) => [r.outcome, r.lockId])).toEqual([
      ['created', lockId],
      ['rejected:conflict', null],
    ]);
    const otherModule = await lockCall(sandbox, clock, { method: 'POST', body: '{"moduleCode":"100"}' });
    expect(otherModule.status).toBe(200);
  });

  it('rejects a malformed create body with 400 PARAMETER_INVALID', async () => {
    const { sandbox, clock } = await start();
    for (const body of ['{"moduleCode":102}', '{}', 'moduleCode=102', '{"moduleCode":"1a"}']) {
      const answer = await lockCall(sandbox, clock, { method: 'POST', body });
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ code: 13000102, msg: expect.stringMatching(/^PARAMETER_INVALID: /) });
    }
    const noType = await lockCall(sandbox, clock, { method: 'POST', after: { 'Content-Type': undefined } });
    expect(noType.json?.msg).toBe('PARAMETER_INVALID: Content-Type must be application/json');
  });

  it('answers 400 13000309 for an unknown lock and for one already released', async () => {
    const { sandbox, clock } = await start();
    const unknown = await lockCall(sandbox, clock, { lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102' });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      code: 13000309,
      msg: 'Resource not found: backup lock 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 (unknown or expired)',
    });
    const lockId = sandbox.seededLockIds[0];
    expect((await lockCall(sandbox, clock, { lockId })).status).toBe(200);
    expect((await lockCall(sandbox, clock, { lockId })).json).toMatchObject({ code: 13000309 });
    expect(sandbox.received().map((r) => r.outcome)).toEqual([
      'rejected:unknown-lock',
      'released',
      'rejected:unknown-lock',
    ]);
  });

  it('expires a lock 10 minutes after creation (clock advanced)', async () => {
    const { sandbox, clock, advance } = await start();
    advance(10 * MINUTE);
    expect(sandbox.activeLockIds()).toEqual([]);
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0], auth: 'app' });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 13000309 });
    expect(sandbox.received()[0].outcome).toBe('rejected:expired-lock');
  });

  it('renew resets the expiry to 10 minutes', async () => {
    const { sandbox, clock, advance } = await start();
    const [renewed, untouched] = sandbox.seededLockIds;
    advance(9 * MINUTE);
    const renewal = await lockCall(sandbox, clock, { method: 'PATCH', lockId: renewed, auth: 'app' });
    expect(renewal.status).toBe(200);
    expect(renewal.json).toEqual({ code: 0, msg: 'success' });
    advance(9 * MINUTE);
    expect(sandbox.activeLockIds()).toEqual([renewed]);
    expect((await lockCall(sandbox, clock, { method: 'PATCH', lockId: untouched })).json).toMatchObject({
      code: 13000309,
    });
    expect((await lockCall(sandbox, clock, { lockId: renewed })).status).toBe(200);
  });

  it('answers other paths and methods with a 404 gateway error', async () => {
    const { sandbox, clock } = await start();
    for (const call of [
      { path: `${LOCK_PATH}/` },
      { path: '/koodrive/ose/v1/backup/record' },
      { method: 'GET' as const },
    ]) {
      const answer = await lockCall(sandbox, clock, { ...call, lockId: sandbox.seededLockIds[0] });
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0101', request_id: answer.headers['x-request-id'] });
      expect(answer.headers.date).toBeDefined();
    }
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });

  it('refuses a body over 64 KiB with 413 before reading it', async () => {
    const { sandbox, clock } = await start();
    const answer = await lockCall(sandbox, clock, {
      method: 'POST',
      body: JSON.stringify({ moduleCode: '102', padding: 'x'.repeat(70_000) }),
    });
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error_code: 'APIGW.0201' });
    expect(sandbox.received()[0].outcome).toBe('rejected:too-large');
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });

  it('refuses a chunked body as soon as it passes 64 KiB', async () => {
    const { sandbox, clock } = await start();
    const url = new URL(sandbox.url);
    const status = await new Promise<number>((resolveStatus, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: LOCK_PATH,
          agent: false,
          headers: {
            Authorization: `Bearer ${sandbox.credentials.token}`,
            'X-User-Id': sandbox.credentials.userId,
            'X-Date': formatXDate(clock.now()),
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolveStatus(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 5; i += 1) req.write(Buffer.alloc(16 * 1024, 'x'));
      req.end();
    });
    expect(status).toBe(413);
    expect(sandbox.received()[0].outcome).toBe('rejected:too-large');
  });
});

describe('sandbox server: authentication', () => {
  it('rejects a wrong bearer token with 401 APIGW.0301', async () => {
    const { sandbox, clock } = await start();
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0], token: 'sbx_wrong' });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error_code: 'APIGW.0301', request_id: answer.headers['x-request-id'] });
    expect(answer.text).not.toContain(sandbox.credentials.token);
    expect(sandbox.activeLockIds()).toHaveLength(3);
    expect(sandbox.received()[0].outcome).toBe('rejected:bad-token');
  });

  it('rejects a signature when a signed header is changed after signing, with 401 APIGW.0303', async () => {
    const { sandbox, clock } = await start();
    const lockId = sandbox.seededLockIds[0];
    const earlier = formatXDate(new Date(clock.now().getTime() - 5000));
    for (const after of [{ 'X-Date': earlier }, { Host: `localhost:${new URL(sandbox.url).port}` }]) {
      const answer = await lockCall(sandbox, clock, { lockId, auth: 'app', after });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0303' });
      expect(String(answer.json?.error_msg)).toMatch(/signature verification failed/);
    }
    expect(sandbox.activeLockIds()).toContain(lockId);
    expect(sandbox.received().map((r) => r.outcome)).toEqual(['rejected:bad-signature', 'rejected:bad-signature']);
  });

  it('rejects a wrong AppId and a wrong AppSecret with 401 APIGW.0303', async () => {
    const { sandbox, clock } = await start();
    const lockId = sandbox.seededLockIds[0];
    const wrongId = await lockCall(sandbox, clock, { lockId, auth: 'app', appId: 'f'.repeat(64) });
    const wrongSecret = await lockCall(sandbox, clock, { lockId, auth: 'app', appSecret: 'not-the-secret' });
    for (const answer of [wrongId, wrongSecret]) {
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0303' });
    }
    expect(sandbox.received().map((r) => r.outcome)).toEqual(['rejected:bad-app-id', 'rejected:bad-signature']);
  });

  it.each([
    ['20 minutes old', -20 * MINUTE, 'rejected:stale-x-date'],
    ['2 minutes ahead', 2 * MINUTE, 'rejected:future-x-date'],
  ])('rejects an X-Date %s with 401 APIGW.0303', async (_label, offset, outcome) => {
    const { sandbox, clock } = await start();
    for (const auth of ['bearer', 'app'] as const) {
      const signedAt = new Date(clock.now().getTime() + offset);
      const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0], auth, signedAt });
      expect(answer.status).toBe(401);
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0303' });
      expect(String(answer.json?.error_msg)).toContain(
        `X-Date ${formatXDate(signedAt)} is outside the accepted window (at most 15 minutes before server time and not after it)`,
      );
    }
    expect(sandbox.received().map((r) => r.outcome)).toEqual([outcome, outcome]);
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });

  it('accepts an X-Date 14 minutes old', async () => {
    const { sandbox, clock } = await start();
    const signedAt = new Date(clock.now().getTime() - 14 * MINUTE);
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0], auth: 'app', signedAt });
    expect(answer.status).toBe(200);
  });

  it('rejects a request without X-User-Id with 400 PARAMETER_INVALID', async () => {
    const { sandbox, clock } = await start();
    const answer = await lockCall(sandbox, clock, {
      lockId: sandbox.seededLockIds[0],
      after: { 'X-User-Id': undefined },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ code: 13000102, msg: 'PARAMETER_INVALID: missing header X-User-Id' });
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });

  it("rejects, in token mode, a user ID other than the token's with 401", async () => {
    const { sandbox, clock } = await start();
    const answer = await lockCall(sandbox, clock, {
      lockId: sandbox.seededLockIds[0],
      after: { 'X-User-Id': '1111111111111111111' },
    });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error_code: 'APIGW.0301' });
  });

  it('honours fixed credentials', async () => {
    const credentials = { userId: '1505084218764547200', token: 'tok', appId: 'app-1', appSecret: 'secret-1' };
    const { sandbox, clock } = await start({ credentials });
    expect(sandbox.credentials).toEqual(credentials);
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] })).status).toBe(200);
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[1], auth: 'app' })).status).toBe(200);
  });
});

describe('sandbox server: faults', () => {
  it('delay: answers normally after the delay', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'delay', ms: 300 }, 1);
    const began = performance.now();
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] });
    expect(performance.now() - began).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
    expect(sandbox.received()[0]).toMatchObject({ outcome: 'released', fault: 'delay' });
    const next = performance.now();
    await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[1] });
    expect(performance.now() - next).toBeLessThan(250);
  });

  it('status: sends 429 with Retry-After and leaves the lock alone; `times` limits it', async () => {
    const { sandbox, clock } = await start();
    const lockId = sandbox.seededLockIds[0];
    sandbox.setFault({ kind: 'status', status: 429, retryAfterSeconds: 3 }, 2);
    for (let i = 0; i < 2; i += 1) {
      const answer = await lockCall(sandbox, clock, { lockId });
      expect(answer.status).toBe(429);
      expect(answer.headers['retry-after']).toBe('3');
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0308', request_id: answer.headers['x-request-id'] });
      expect(answer.headers.date).toBeDefined();
    }
    expect(sandbox.activeLockIds()).toContain(lockId);
    expect((await lockCall(sandbox, clock, { lockId })).status).toBe(200);
    expect(sandbox.received().map((r) => r.outcome)).toEqual(['fault:status', 'fault:status', 'released']);
  });

  it('status: 503 until cleared, in the gateway shape', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'status', status: 503 });
    for (let i = 0; i < 3; i += 1) {
      const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] });
      expect(answer.status).toBe(503);
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0201' });
      expect(answer.headers['retry-after']).toBeUndefined();
    }
    sandbox.setFault(null);
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] })).status).toBe(200);
  });

  it('non-json: a 200 whose body is plain text', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'non-json' }, 1);
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.json).toBeNull();
    expect(answer.text.length).toBeGreaterThan(0);
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });

  it('html: a 502 proxy error page', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'html' }, 1);
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] });
    expect(answer.status).toBe(502);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toContain('<html>');
    expect(answer.headers['x-request-id']).toBeDefined();
  });

  it('huge: streams exactly N bytes without holding them', async () => {
    const { sandbox, clock } = await start();
    const bytes = 50 * 1024 * 1024;
    sandbox.setFault({ kind: 'huge', bytes }, 1);
    const answer = await readPausedHugeBody(sandbox, clock);
    expect(answer.status).toBe(200);
    expect(answer.contentLength).toBe(String(bytes));
    expect(answer.bytes).toBe(bytes);
    // While the client reads nothing, a streaming server stops at the socket buffers; one that
    // built the whole body would already have allocated all of it.
    expect(answer.rssGrowthWhilePaused).toBeLessThan(bytes / 2);
    expect(sandbox.activeLockIds()).toHaveLength(3);
    expect(sandbox.received()[0].outcome).toBe('fault:huge');
  });

  it('reset: the connection breaks after the headers; the release itself went through', async () => {
    const { sandbox, clock } = await start();
    const lockId = sandbox.seededLockIds[0];
    sandbox.setFault({ kind: 'reset' }, 1);
    await expect(lockCall(sandbox, clock, { lockId })).rejects.toThrow();
    expect(sandbox.received()[0]).toMatchObject({ outcome: 'released', fault: 'reset' });
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('slow-body: headers at once, the body spread over the given time', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'slow-body', ms: 600 }, 1);
    const url = new URL(sandbox.url);
    const began = performance.now();
    const timing = await new Promise<{ headersAt: number; endAt: number; body: string }>((resolveTiming, reject) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: 'DELETE',
          path: LOCK_PATH,
          agent: false,
          headers: {
            Authorization: `Bearer ${sandbox.credentials.token}`,
            'X-User-Id': sandbox.credentials.userId,
            'X-Date': formatXDate(clock.now()),
            'x-backup-lock-id': sandbox.seededLockIds[0],
          },
        },
        (res) => {
          const headersAt = performance.now() - began;
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolveTiming({ headersAt, endAt: performance.now() - began, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(timing.headersAt).toBeLessThan(300);
    expect(timing.endAt).toBeGreaterThanOrEqual(500);
    expect(JSON.parse(timing.body)).toEqual({ code: 0, msg: 'success' });
  });

  it('hang: never answers, and stop() still closes promptly', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'hang' });
    const pending = lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0], timeoutMs: 20_000 });
    const settled = pending.then(
      () => 'answered',
      () => 'failed',
    );
    const early = await Promise.race([settled, new Promise((r) => setTimeout(() => r('still waiting'), 400))]);
    expect(early).toBe('still waiting');
    expect(sandbox.received()[0].outcome).toBe('fault:hang');
    const began = performance.now();
    await sandbox.stop();
    expect(performance.now() - began).toBeLessThan(2000);
    expect(await settled).toBe('failed');
    await expect(rawRequest(sandbox.url, { method: 'GET', path: '/', headers: {}, timeoutMs: 2000 })).rejects.toThrow();
  });

  it('stop() also cancels a pending delay', async () => {
    const { sandbox, clock } = await start();
    sandbox.setFault({ kind: 'delay', ms: 60_000 });
    const settled = lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 200));
    const began = performance.now();
    await sandbox.stop();
    expect(performance.now() - began).toBeLessThan(2000);
    expect(await settled).toBe('failed');
    expect(sandbox.activeLockIds()).toHaveLength(3);
  });
});

describe('sandbox server: HTTPS', () => {
  it('serves a generated certificate that a client trusting caPem accepts', async () => {
    const { sandbox, clock } = await start({ https: true });
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const answer = await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0], auth: 'app' });
    expect(answer.status).toBe(200);

    const untrusted = rawRequest(sandbox.url, { method: 'GET', path: '/', headers: {} });
    await expect(untrusted).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('is valid for localhost too', async () => {
    const { sandbox, clock } = await start({ https: true, host: 'localhost' });
    expect(sandbox.url).toMatch(/^https:\/\/localhost:\d+$/);
    expect((await lockCall(sandbox, clock, { lockId: sandbox.seededLockIds[0] })).status).toBe(200);
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('sandbox server: admin endpoints', () => {
  const json = { 'Content-Type': 'application/json' };

  it('lists, creates and faults over HTTP', async () => {
    const { sandbox, clock } = await start();
    const host = { Host: new URL(sandbox.url).host };
    const listed = await rawRequest(sandbox.url, { method: 'GET', path: '/_sandbox/locks', headers: host });
    expect(listed.status).toBe(200);
    expect(listed.json?.locks).toEqual(
      sandbox.seededLocks.map(({ userId, lockId, moduleCode }) => ({
        userId,
        lockId,
        moduleCode,
        createdAt: clock.now().toISOString(),
        expiresAt: new Date(clock.now().getTime() + 10 * MINUTE).toISOString(),
      })),
    );
    expect(listed.text).not.toContain(sandbox.credentials.token);

    const created = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/locks',
      headers: { ...host, ...json },
      body: '{"moduleCode":"101"}',
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({
      userId: sandbox.credentials.userId,
      lockId: expect.stringMatching(LOCK_ID),
      moduleCode: '101',
    });
    expect(sandbox.activeLockIds()).toContain(created.json?.lockId);

    const forUser = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/locks',
      headers: { ...host, ...json },
      body: '{"userId":"1505084218764547200","lockId":"ticket-4711@102"}',
    });
    expect(forUser.json).toMatchObject({ userId: '1505084218764547200', lockId: 'ticket-4711@102', moduleCode: '102' });
    expect(sandbox.activeLocks()).toContainEqual({
      userId: '1505084218764547200',
      lockId: 'ticket-4711@102',
      moduleCode: '102',
    });
    const again = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/locks',
      headers: { ...host, ...json },
      body: '{"lockId":"ticket-4711@102"}',
    });
    expect(again).toMatchObject({ status: 409, json: { error: expect.stringMatching(/already exists/) } });
    for (const bad of ['{"userId":1505084218764547200}', '{"userId":"12a"}', '{"lockId":"has space"}']) {
      const refused = await rawRequest(sandbox.url, {
        method: 'POST',
        path: '/_sandbox/locks',
        headers: { ...host, ...json },
        body: bad,
      });
      expect(refused.status).toBe(400);
    }

    const fault = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/fault',
      headers: { ...host, ...json },
      body: '{"kind":"status","status":500,"times":1}',
    });
    expect(fault.json).toEqual({ fault: { kind: 'status', status: 500 }, remaining: 1 });
    const failed = await lockCall(sandbox, clock, { lockId: String(created.json?.lockId) });
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ code: 13000201 });
    expect((await lockCall(sandbox, clock, { lockId: String(created.json?.lockId) })).status).toBe(200);
    expect(sandbox.received().map((r) => r.outcome)).toEqual(['fault:status', 'released']);
  });

  it('refuses non-JSON posts, bad faults and foreign Host names', async () => {
    const { sandbox } = await start();
    const host = { Host: new URL(sandbox.url).host };
    const form = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/fault',
      headers: { ...host, 'Content-Type': 'text/plain' },
      body: '{"kind":"hang"}',
    });
    expect(form.status).toBe(415);
    const bad = await rawRequest(sandbox.url, {
      method: 'POST',
      path: '/_sandbox/fault',
      headers: { ...host, ...json },
      body: '{"kind":"explode"}',
    });
    expect(bad.status).toBe(400);
    const rebound = await rawRequest(sandbox.url, {
      method: 'GET',
      path: '/_sandbox/locks',
      headers: { Host: 'attacker.example:80' },
    });
    expect(rebound.status).toBe(403);
    const unknown = await rawRequest(sandbox.url, { method: 'GET', path: '/_sandbox/nothing', headers: host });
    expect(unknown.status).toBe(404);
    expect(sandbox.received()).toEqual([]);
  });
});

describe('sandbox standalone (npm run sandbox)', () => {
  let outDir = '';
  let entry = '';
  let cliEntry = '';

  /** Starts `npm run sandbox` with `args`; resolves once the banner is printed. */
  async function standalone(args: string[]) {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    for (let waited = 0; !out.includes('Press Ctrl+C') && waited < 15_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return { child, exited, output: () => out };
  }

  /** Runs one printed `VAR=value koodrive-lock ...` line with the CLI built above. */
  function runPrinted(line: string, dataDir: string): Promise<{ code: number | null; out: string }> {
    const words = line
      .trim()
      .split(/\s+/)
      .map((word) => word.replace(/^'(.*)'$/, '$1'));
    const env: Record<string, string> = {};
    while (/^[A-Z_]+=/.test(words[0])) {
      const [name, ...value] = words.shift()?.split('=') ?? [];
      env[name] = value.join('=');
    }
    expect(words[0]).toBe('koodrive-lock');
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KOODRIVE_')));
    const child = spawn(process.execPath, [cliEntry, ...words.slice(1)], {
      env: { ...inherited, KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    return new Promise((r) =>
      child.once('close', (code) => {
        clearTimeout(timer);
        r({ code, out });
      }),
    );
  }

  beforeAll(async () => {
    const root = resolve(import.meta.dirname, '../..');
    // inside the repository (under the git-ignored .tmp/), so the bundle finds node_modules/selfsigned
    await mkdir(join(root, '.tmp'), { recursive: true });
    outDir = await mkdtemp(join(root, '.tmp', 'sandbox-build-'));
    await build({
      configFile: false,
      logLevel: 'silent',
      root,
      build: {
        // The CLI too, to run the release commands the banner prints.
        ssr: true,
        outDir,
        emptyOutDir: true,
        rollupOptions: {
          input: {
            sandbox: resolve(root, 'electron/sandbox/standalone.ts'),
            cli: resolve(root, 'electron/cli/index.ts'),
          },
          output: { format: 'cjs', entryFileNames: '[name].js' },
        },
      },
    });
    entry = join(outDir, 'sandbox.js');
    cliEntry = join(outDir, 'cli.js');
  }, 120_000);

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('prints the URL and credentials, serves requests, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [entry, '--port', '0', '--https', '--token', 'fixed-token'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      for (let waited = 0; !out.includes('Press Ctrl+C') && waited < 15_000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const userId = /User ID\s+(\d{19})/.exec(out)?.[1];
      const caFile = /certificate is in (\S+);/.exec(out)?.[1];
      const lockId = /^\s+(\S+@100)$/m.exec(out)?.[1];
      expect(url && userId && caFile && lockId).toBeTruthy();
      expect(out).toContain('KOODRIVE_TOKEN=fixed-token koodrive-lock release');
      const ca = await readFile(String(caFile), 'utf8');
      const answer = await rawRequest(String(url), {
        method: 'DELETE',
        path: LOCK_PATH,
        ca,
        headers: {
          Authorization: 'Bearer fixed-token',
          'X-User-Id': String(userId),
          'X-Date': formatXDate(new Date()),
          'x-backup-lock-id': String(lockId),
        },
      });
      expect(answer.status).toBe(200);
      await new Promise((r) => setTimeout(r, 100));
      expect(out).toMatch(/DELETE \/koodrive\/ose\/v1\/backup\/lock -> 200 released/);
      // The release example and the stuck backup's curl: throwaway values, printed on purpose.
      expect(out.match(/fixed-token/g)).toHaveLength(3);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toContain('Sandbox stopped.');
      await expect(readFile(String(caFile), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it("the banner's release examples work as printed, token mode and then app mode, each for its own user", async () => {
    const { child, exited, output } = await standalone(['--port', '0']);
    const dataDir = await mkdtemp(join(resolve(import.meta.dirname, '../..'), '.tmp', 'banner-cli-'));
    try {
      const url = String(/listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1]);
      const commands = output()
        .split('\n')
        .filter((line) => line.includes('koodrive-lock release') && !line.includes('npm run'));
      expect(commands).toHaveLength(2);
      const [bearer, app] = commands.map((line) => ({
        line,
        userId: /--user-id (\d+)/.exec(line)?.[1],
        lockId: /(\S+@\d+)$/.exec(line)?.[1],
      }));
      expect(bearer.line).toContain('--auth bearer');
      expect(app.line).toContain('--auth app');
      expect(app.userId).not.toBe(bearer.userId);
      expect(app.lockId).not.toBe(bearer.lockId);

      const listLocks = async () => {
        const listed = await rawRequest(url, {
          method: 'GET',
          path: '/_sandbox/locks',
          headers: { Host: new URL(url).host },
        });
        return (listed.json?.locks as Array<{ userId: string; lockId: string }>).map((l) => `${l.userId} ${l.lockId}`);
      };
      expect(await listLocks()).toEqual(
        expect.arrayContaining([`${bearer.userId} ${bearer.lockId}`, `${app.userId} ${app.lockId}`]),
      );
      for (const example of [bearer, app]) {
        const run = await runPrinted(example.line, dataDir);
        expect({ code: run.code, out: run.out }).toMatchObject({ code: 0 });
        expect(await listLocks()).not.toContain(`${example.userId} ${example.lockId}`);
      }
      // 3 + 3 seeded, 1 of the stuck backup, 2 released.
      expect(await listLocks()).toHaveLength(5);
      expect(output().match(/DELETE \/koodrive\/ose\/v1\/backup\/lock -> 200 released/g)).toHaveLength(2);

      // The stuck backup's curl, as printed: its record comes first, in progress, and its lock is held.
      const stuckRecord = /backup record (\d{19}) in progress since/.exec(output())?.[1];
      const stuckLock = /and lock (\S+@102) still held\./.exec(output())?.[1];
      const curl = output()
        .split('\n')
        .find((line) => line.includes('curl -s -H'));
      const token = /'Authorization: Bearer (\S+)'/.exec(curl ?? '')?.[1];
      const userId = /'X-User-Id: (\d+)'/.exec(curl ?? '')?.[1];
      const target = new URL(/'(http[^']+)'$/.exec(curl ?? '')?.[1] ?? '');
      expect(await listLocks()).toContain(`${userId} ${stuckLock}`);
      const listed = await rawRequest(url, {
        method: 'GET',
        path: `${target.pathname}${target.search}`,
        headers: {
          Host: target.host,
          Authorization: `Bearer ${token}`,
          'X-User-Id': String(userId),
          'X-Date': formatXDate(new Date()),
        },
      });
      expect(listed.status).toBe(200);
      expect(listed.text).toContain(`{"recordId":"${stuckRecord}","moduleCode":"102","status":0,`);
      expect((listed.json?.data as unknown[]).length).toBe(5);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a non-loopback --host with exit code 2', async () => {
    const child = spawn(process.execPath, [entry, '--host', '0.0.0.0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(2);
    expect(err).toMatch(/not a loopback address/);
  });
});
