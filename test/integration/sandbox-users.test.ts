// Locks belong to users: the sandbox refuses another user's lock exactly as a lock that does not exist.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/sandbox-users.test.ts
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/core/clock';
import { startSandbox } from '../../electron/sandbox/server';
import type { RunningSandbox, SandboxOptions } from '../../electron/sandbox/server';
import { LOCK_PATH, lockCall, manualClock, rawRequest } from '../support/sandboxHttp';

const running: RunningSandbox[] = [];

async function start(options: SandboxOptions = {}, clock: Clock = manualClock().clock) {
  const sandbox = await startSandbox({ clock, ...options });
  running.push(sandbox);
  return { sandbox, clock };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.stop()));
});

const notFound = (lockId: string) => ({
  code: 13000309,
  msg: `Resource not found: backup lock ${lockId} (unknown or expired)`,
});

describe('sandbox: locks belong to users', () => {
  it("seeds 3 stuck locks for its own user and 3 for a second user; activeLockIds() lists its own user's", async () => {
    const { sandbox } = await start();
    const [own, second] = sandbox.users;
    expect(own).toBe(sandbox.credentials.userId);
    expect(second).toMatch(/^[1-9]\d{18}$/);
    expect(second).not.toBe(own);
    expect(sandbox.seededLocks.map((lock) => [lock.userId, lock.moduleCode])).toEqual([
      [own, '100'],
      [own, '101'],
      [own, '102'],
      [second, '100'],
      [second, '101'],
      [second, '102'],
    ]);
    expect(sandbox.seededLockIds).toEqual(sandbox.seededLocks.slice(0, 3).map((lock) => lock.lockId));
    expect(sandbox.activeLockIds()).toEqual(sandbox.seededLockIds);
    expect(sandbox.activeLocks()).toEqual(sandbox.seededLocks);
    const added = sandbox.addLock({ userId: second, moduleCode: '555' });
    expect(sandbox.activeLocks()).toContainEqual({ userId: second, lockId: added, moduleCode: '555' });
    expect(sandbox.activeLockIds()).not.toContain(added);
  });

  it("answers another user's lock exactly as an unknown one, and releases or renews nothing", async () => {
    const { sandbox, clock } = await start();
    const [own, second] = sandbox.users;
    const theirs = sandbox.seededLocks.find((lock) => lock.userId === second)?.lockId ?? '';
    const unknown = await lockCall(sandbox, clock, { auth: 'app', lockId: 'ffffffff-db02-4d55-85b3-8153e4fefd2e@100' });
    expect(unknown.status).toBe(400);

    for (const call of [
      { auth: 'app', method: 'DELETE' },
      { auth: 'app', method: 'PATCH' },
      { auth: 'bearer', method: 'DELETE' },
      { auth: 'bearer', method: 'PATCH' },
    ] as const) {
      const answer = await lockCall(sandbox, clock, { ...call, lockId: theirs, userId: own });
      expect(answer.status).toBe(unknown.status);
      expect(answer.json).toEqual(notFound(theirs));
      expect(Object.keys(answer.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    }
    expect(sandbox.activeLocks()).toContainEqual(expect.objectContaining({ userId: second, lockId: theirs }));
    expect(sandbox.received().map((r) => r.outcome)).toEqual([
      'rejected:unknown-lock',
      'rejected:unknown-lock',
      'rejected:unknown-lock',
      'rejected:unknown-lock',
      'rejected:unknown-lock',
    ]);

    const renewed = await lockCall(sandbox, clock, { auth: 'app', method: 'PATCH', lockId: theirs, userId: second });
    expect(renewed.json).toEqual({ code: 0, msg: 'success' });
    const released = await lockCall(sandbox, clock, { auth: 'app', lockId: theirs, userId: second });
    expect(released.json).toEqual({ code: 0, msg: 'success' });
    expect(sandbox.activeLocks().map((lock) => lock.lockId)).not.toContain(theirs);
    expect(sandbox.activeLockIds()).toEqual(sandbox.seededLockIds);
  });

  it("a token acts only for its own user, even on that user's lock", async () => {
    const { sandbox, clock } = await start();
    const second = sandbox.users[1];
    const theirs = sandbox.seededLocks.find((lock) => lock.userId === second)?.lockId ?? '';
    const answer = await lockCall(sandbox, clock, { lockId: theirs, userId: second });
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error_code: 'APIGW.0301' });
    expect(sandbox.activeLocks()).toContainEqual(expect.objectContaining({ lockId: theirs }));
  });

  it('holds one active lock per user and module: the conflict is per user', async () => {
    const { sandbox, clock } = await start({ seedLocks: 0 });
    const [own, second] = sandbox.users;
    const create = (userId: string) =>
      lockCall(sandbox, clock, { method: 'POST', auth: 'app', userId, body: '{"moduleCode":"101"}' });
    const mine = await create(own);
    expect(mine.status).toBe(200);
    const theirs = await create(second);
    expect(theirs.status).toBe(200);
    expect((await create(own)).status).toBe(409);
    expect((await create(second)).status).toBe(409);
    expect(sandbox.activeLocks()).toEqual([
      { userId: own, lockId: (mine.json?.data as { lockId: string }).lockId, moduleCode: '101' },
      { userId: second, lockId: (theirs.json?.data as { lockId: string }).lockId, moduleCode: '101' },
    ]);
  });
});

describe('sandbox: seed N stuck locks at start', () => {
  it('spreads 2,000 locks round-robin over the users asked for, the two practice users first', async () => {
    const started = performance.now();
    const { sandbox } = await start({ seed: 2000, seedUsers: 50, seedLocks: 0 });
    const startMs = performance.now() - started;
    expect(sandbox.seededLocks).toHaveLength(2000);
    expect(sandbox.users).toHaveLength(50);
    expect(new Set(sandbox.users).size).toBe(50);
    expect(sandbox.users[0]).toBe(sandbox.credentials.userId);
    const perUser = new Map<string, number>();
    for (const lock of sandbox.activeLocks()) perUser.set(lock.userId, (perUser.get(lock.userId) ?? 0) + 1);
    expect([...perUser.keys()].sort()).toEqual([...sandbox.users].sort());
    expect(new Set(perUser.values())).toEqual(new Set([40]));
    expect(sandbox.activeLocks()).toEqual(sandbox.seededLocks);
    expect(sandbox.activeLockIds()).toHaveLength(40);
    expect(sandbox.seededLockIds).toEqual(sandbox.activeLockIds());
    expect(startMs).toBeLessThan(5000);
  });

  it("adds the seed to the practice locks; one seed user puts them all on the token's user", async () => {
    const { sandbox } = await start({ seed: 10, seedUsers: 1 });
    expect(sandbox.activeLocks()).toHaveLength(16);
    expect(sandbox.activeLockIds()).toHaveLength(13);
    const fewer = await start({ seed: 3 });
    expect(fewer.sandbox.users).toHaveLength(3);
  });

  it('refuses a seed that does not fit or is not a whole number', async () => {
    await expect(startSandbox({ seed: 9995 })).rejects.toThrow(/seed \(--seed\) must be a whole number 0-9994/);
    await expect(startSandbox({ seed: 1.5 })).rejects.toThrow(/seed/);
    await expect(startSandbox({ seed: 5, seedUsers: 0 })).rejects.toThrow(/seedUsers \(--seed-users\)/);
  });

  it('the admin listing names the user of every lock', async () => {
    const { sandbox } = await start({ seed: 6, seedUsers: 3, seedLocks: 0 });
    const host = { Host: new URL(sandbox.url).host };
    const listed = await rawRequest(sandbox.url, { method: 'GET', path: '/_sandbox/locks', headers: host });
    const locks = listed.json?.locks as Array<{ userId: string; lockId: string }>;
    expect(locks.map(({ userId, lockId }) => ({ userId, lockId }))).toEqual(
      sandbox.seededLocks.map(({ userId, lockId }) => ({ userId, lockId })),
    );
  });
});

describe('sandbox: signature vector A over HTTP (built by hand)', () => {
  const APP_ID = '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6';
  const LOCK_ID = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
  const SIGNATURE = '7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990';
  const headers = (signature: string) => ({
    Host: 'intl.myhuaweicloud-koodrive.com',
    'X-Date': '20250115T083000Z',
    'X-User-Id': '1234567890123456789',
    'x-backup-lock-id': LOCK_ID,
    Authorization: `HMAC-SHA256 AppId=${APP_ID},SignedHeaders=host;x-date;x-user-id,Signature=${signature}`,
  });

  it('releases the lock for the request as published, and refuses it with one byte of the signature changed', async () => {
    const at = Date.UTC(2025, 0, 15, 8, 30, 30);
    const clock: Clock = { now: () => new Date(at), monotonicMs: () => 0 };
    const { sandbox } = await start(
      { seedLocks: 0, credentials: { appId: APP_ID, appSecret: 'kd-test-secret-2f7c9e1a4b6d8f0c' } },
      clock,
    );
    sandbox.addLock({ userId: '1234567890123456789', lockId: LOCK_ID });

    const changed = await rawRequest(sandbox.url, {
      method: 'DELETE',
      path: LOCK_PATH,
      headers: headers(`${SIGNATURE.slice(0, -1)}1`),
    });
    expect(changed.status).toBe(401);
    expect(changed.json).toMatchObject({ error_code: 'APIGW.0303' });
    expect(sandbox.activeLocks()).toEqual([{ userId: '1234567890123456789', lockId: LOCK_ID, moduleCode: '102' }]);

    const published = await rawRequest(sandbox.url, { method: 'DELETE', path: LOCK_PATH, headers: headers(SIGNATURE) });
    expect(published.status).toBe(200);
    expect(published.json).toEqual({ code: 0, msg: 'success' });
    expect(sandbox.activeLocks()).toEqual([]);
    expect(sandbox.received().map((r) => r.outcome)).toEqual(['rejected:bad-signature', 'released']);
  });
});
