import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../../shared/contract';
import type { Profile } from '../../../shared/profile';
import type { LockResult } from '../../../shared/result';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { type MemorySecretStore, createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { readProfileSecret } from '../../../electron/core/secrets/boundSecret';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

const PROFILE = {
  name: 'Production',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
  userId: '1505084218764547200',
  authMode: 'bearer',
  moduleCode: '102',
};

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('IPC handlers over real core components', () => {
  let dataDir: string;
  let secrets: MemorySecretStore;
  let services: AppServices;
  let handlers: Handlers;
  let sandbox: RunningSandbox | null;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-handlers-'));
    secrets = createMemorySecretStore({ label: 'Test keychain' });
    sandbox = null;
    services = createAppServices({
      dataDir,
      secrets,
      launchSandbox: async () => {
        sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
        return sandbox;
      },
    });
    handlers = createHandlers(services);
  });

  afterEach(async () => {
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('profiles and secrets', () => {
    it('saves, lists and deletes a profile, and deleting also removes its keychain entry', async () => {
      expect(value(await call('listProfiles'))).toEqual([]);
      const { secretCleared, ...saved } = value<Profile & { secretCleared: boolean }>(
        await call('saveProfile', PROFILE),
      );
      expect(secretCleared).toBe(false);
      expect(saved).toMatchObject({ id: 'production', environment: 'production', ...PROFILE });
      expect(value(await call('listProfiles'))).toEqual([saved]);

      value(await call('setSecret', { profileId: 'production', secret: 'tok-123' }));
      expect(await readProfileSecret(secrets, saved)).toBe('tok-123');

      expect(value(await call('deleteProfile', { profileId: 'production' }))).toEqual({ deleted: true });
      expect(await secrets.get('production')).toBeNull();
      expect(value(await call('listProfiles'))).toEqual([]);
      expect(value(await call('deleteProfile', { profileId: 'production' }))).toEqual({ deleted: false });
    });

    it('refuses app authentication without an App ID', async () => {
      const result = await call('saveProfile', { ...PROFILE, authMode: 'app' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(!result.ok && result.error.message).toMatch(/App ID/);
    });

    it('stores, reports and clears a secret without ever returning it', async () => {
      value(await call('saveProfile', PROFILE));
      expect(value(await call('secretStatus', { profileId: 'production' }))).toEqual({
        stored: false,
        destinationChanged: false,
        store: 'Test keychain',
      });
      const set = await call('setSecret', { profileId: 'production', secret: '  sbx_VERY_SECRET  ' });
      expect(value(set)).toEqual({ stored: true, destinationChanged: false, store: 'Test keychain' });
      const [profile] = value<Profile[]>(await call('listProfiles'));
      expect(await readProfileSecret(secrets, profile)).toBe('sbx_VERY_SECRET');
      const status = await call('secretStatus', { profileId: 'production' });
      expect(value(status)).toEqual({ stored: true, destinationChanged: false, store: 'Test keychain' });
      expect(JSON.stringify([set, status])).not.toContain('VERY_SECRET');
      expect(value(await call('clearSecret', { profileId: 'production' }))).toEqual({
        stored: false,
        destinationChanged: false,
        store: 'Test keychain',
      });
      expect(await secrets.get('production')).toBeNull();
    });

    it('says not-found for the secret of an unknown profile, and stores nothing', async () => {
      const result = await call('setSecret', { profileId: 'nope', secret: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(secrets.size).toBe(0);
    });

    it('reports a failing keychain as keychain-unavailable, with its advice, and deletes nothing', async () => {
      value(await call('saveProfile', PROFILE));
      secrets.failure = new SecretStoreError('unavailable', 'No keychain: install gnome-keyring.');
      expect(await call('deleteProfile', { profileId: 'production' })).toEqual({
        ok: false,
        error: { code: 'keychain-unavailable', message: 'No keychain: install gnome-keyring.' },
      });
      secrets.failure = null;
      expect(value<unknown[]>(await call('listProfiles'))).toHaveLength(1);
    });

    it('reports a corrupt profiles file as a storage error', async () => {
      await import('node:fs/promises').then((fs) => fs.writeFile(join(dataDir, 'profiles.json'), '{broken'));
      expect(await call('listProfiles')).toMatchObject({ ok: false, error: { code: 'storage' } });
    });
  });

  describe('locks against the real sandbox', () => {
    it('starts the sandbox with its profile, releases a stuck lock and audits it', async () => {
      const info = value<{ running: boolean; baseUrl: string; profileId: string; activeLockIds: string[] }>(
        await call('startSandbox'),
      );
      expect(info.running).toBe(true);
      expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(info.profileId).toBe('sandbox');
      expect(info.activeLockIds).toHaveLength(3);

      const lockId = info.activeLockIds[0];
      const result = value<LockResult>(await call('releaseLock', { profileId: 'sandbox', lockId }));
      expect(result).toMatchObject({ ok: true, kind: 'success', operation: 'release', lockId, httpStatus: 200 });

      const after = value<{ activeLockIds: string[] }>(await call('sandboxStatus'));
      expect(after.activeLockIds).not.toContain(lockId);
      expect(after.activeLockIds).toHaveLength(2);

      const audit = await readFile(join(dataDir, 'audit.jsonl'), 'utf8');
      expect(audit).toContain(lockId);
      expect(audit).not.toContain(sandbox?.credentials.token ?? 'no-token');
    });

    it('creates and renews a lock', async () => {
      const info = value<{ activeLockIds: string[] }>(await call('startSandbox'));
      // The sandbox holds one lock per user and module: free module 101 first.
      const stuck = info.activeLockIds.find((id) => id.endsWith('@101'));
      expect(stuck).toBeDefined();
      value(await call('releaseLock', { profileId: 'sandbox', lockId: stuck }));
      const created = value<LockResult>(await call('createLock', { profileId: 'sandbox', moduleCode: '101' }));
      expect(created).toMatchObject({ ok: true, operation: 'create' });
      expect(created.lockId).toBeTruthy();
      const renewed = value<LockResult>(
        await call('renewLock', { profileId: 'sandbox', lockId: created.lockId, requestTag: 'renew-1' }),
      );
      expect(renewed).toMatchObject({ ok: true, operation: 'renew' });
    });

    it('says not-found for an unknown profile without sending anything', async () => {
      value(await call('startSandbox'));
      const before = sandbox?.received().length;
      const result = await call('releaseLock', { profileId: 'ghost', lockId: 'x@102' });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(sandbox?.received().length).toBe(before);
    });

    it('says how to fix a profile that has no stored token', async () => {
      const info = value<{ baseUrl: string }>(await call('startSandbox'));
      value(await call('saveProfile', { ...PROFILE, name: 'Local', baseUrl: info.baseUrl }));
      const result = await call('releaseLock', { profileId: 'local', lockId: 'x@102' });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(!result.ok && result.error.message).toMatch(/No access token is stored for the profile "Local"/);
    });

    it('cancelRequest aborts a request the server never answers', async () => {
      const info = value<{ activeLockIds: string[] }>(await call('startSandbox'));
      sandbox?.setFault({ kind: 'hang' });
      const started = Date.now();
      const pending = call('releaseLock', { profileId: 'sandbox', lockId: info.activeLockIds[0], requestTag: 'r-1' });
      await expect.poll(() => sandbox?.received().length ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
      expect(value(await call('cancelRequest', { requestTag: 'r-1' }))).toEqual({ cancelled: true });
      const result = value<LockResult>(await pending);
      expect(result).toMatchObject({ ok: false, kind: 'cancelled' });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(value(await call('cancelRequest', { requestTag: 'r-1' }))).toEqual({ cancelled: false });
      expect(services.inflight.size()).toBe(0);
    });

    it('cancelRequest sent right after the request cancels it before it leaves', async () => {
      const info = value<{ activeLockIds: string[] }>(await call('startSandbox'));
      const before = sandbox?.received().length;
      const pending = call('releaseLock', { profileId: 'sandbox', lockId: info.activeLockIds[0], requestTag: 'r-2' });
      const cancelled = call('cancelRequest', { requestTag: 'r-2' });
      expect(value(await cancelled)).toEqual({ cancelled: true });
      expect(value<LockResult>(await pending)).toMatchObject({ kind: 'cancelled' });
      expect(sandbox?.received().length).toBe(before);
      expect(value<{ activeLockIds: string[] }>(await call('sandboxStatus')).activeLockIds).toContain(
        info.activeLockIds[0],
      );
    });

    it('stops the sandbox, and dispose stops a running one', async () => {
      const info = value<{ baseUrl: string }>(await call('startSandbox'));
      expect(value(await call('stopSandbox'))).toEqual({
        running: false,
        baseUrl: null,
        profileId: null,
        activeLockIds: [],
        activeLocks: [],
      });
      await expect(fetch(info.baseUrl)).rejects.toThrow();

      const again = value<{ baseUrl: string }>(await call('startSandbox'));
      await services.dispose();
      await expect(fetch(again.baseUrl)).rejects.toThrow();
      expect(value<{ running: boolean }>(await call('sandboxStatus')).running).toBe(false);
    });
  });
});
