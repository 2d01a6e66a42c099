/**
 * The secret goes only where it was stored for (issue: trust boundary). A writer of profiles.json (or a
 * compromised renderer calling saveProfile) re-points a profile; the stored secret must reach no new
 * host and never change its role (an App secret is never sent as a bearer token).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult, SecretStatus } from '../../../shared/contract';
import type { Profile } from '../../../shared/profile';
import type { LockResult } from '../../../shared/result';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { type MemorySecretStore, createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('a stored secret is bound to its destination', () => {
  let dataDir: string;
  let secrets: MemorySecretStore;
  let services: AppServices;
  let handlers: Handlers;
  let home: RunningSandbox;
  let elsewhere: RunningSandbox;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-bind-'));
    secrets = createMemorySecretStore();
    services = createAppServices({ dataDir, secrets });
    handlers = createHandlers(services);
    home = await startSandbox({ seedLocks: 0 });
    // The attacker's server: it accepts the same credentials, so only the binding stops the request.
    elsewhere = await startSandbox({ seedLocks: 0, credentials: home.credentials });
  });

  afterEach(async () => {
    await services.dispose();
    await home.stop();
    await elsewhere.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function saveApp(): Promise<Profile> {
    const { secretCleared, ...saved } = value<Profile & { secretCleared: boolean }>(
      await call('saveProfile', {
        name: 'Tenant',
        baseUrl: home.url,
        userId: home.credentials.userId,
        authMode: 'app',
        appId: home.credentials.appId,
        moduleCode: '102',
      }),
    );
    expect(secretCleared).toBe(false);
    value(await call('setSecret', { profileId: saved.id, secret: home.credentials.appSecret }));
    return saved;
  }

  /** Edits profiles.json by hand, as anything running as the user could. */
  async function editProfilesFile(change: (profile: Record<string, unknown>) => void): Promise<void> {
    const file = join(dataDir, 'profiles.json');
    const data = JSON.parse(await readFile(file, 'utf8')) as { profiles: Record<string, unknown>[] };
    change(data.profiles[0]);
    await writeFile(file, JSON.stringify(data));
  }

  it('re-pointed through a profiles.json edit: nothing reaches the new host, and the result says why', async () => {
    const profile = await saveApp();
    const lockId = elsewhere.addLock({ userId: home.credentials.userId });
    await editProfilesFile((entry) => {
      entry.baseUrl = elsewhere.url;
    });
    const result = value<LockResult>(await call('releaseLock', { profileId: profile.id, lockId }));
    expect(result).toMatchObject({ ok: false, kind: 'destination-changed', httpStatus: null });
    expect(result.remedy).toContain('Enter the secret again for the new destination');
    expect(elsewhere.received()).toEqual([]);
    expect(value<SecretStatus>(await call('secretStatus', { profileId: profile.id }))).toMatchObject({
      stored: true,
      destinationChanged: true,
    });
    const batch = await call('startBatch', { profileId: profile.id, rows: [{ lockId }], concurrency: 1 });
    expect(batch).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const preview = await call('previewRequest', { profileId: profile.id, operation: 'release', lockId });
    expect(preview).toMatchObject({ ok: false });
    expect(elsewhere.received()).toEqual([]);
  });

  it('switched from app to bearer by hand: the App secret is never sent as a bearer token', async () => {
    const profile = await saveApp();
    await editProfilesFile((entry) => {
      entry.authMode = 'bearer';
      delete entry.appId;
    });
    const lockId = home.addLock();
    const result = value<LockResult>(await call('releaseLock', { profileId: profile.id, lockId }));
    expect(result.kind).toBe('destination-changed');
    expect(home.received()).toEqual([]);
  });

  it('a save through the app that changes the destination removes the secret and says so; other edits keep it', async () => {
    const profile = await saveApp();
    const renamed = value<Profile & { secretCleared: boolean }>(
      await call('saveProfile', { ...profile, name: 'Tenant EU', environment: 'staging' }),
    );
    expect(renamed.secretCleared).toBe(false);
    expect(await secrets.get(profile.id)).not.toBeNull();
    const moved = value<Profile & { secretCleared: boolean }>(
      await call('saveProfile', { ...profile, baseUrl: elsewhere.url }),
    );
    expect(moved.secretCleared).toBe(true);
    expect(await secrets.get(profile.id)).toBeNull();
  });

  it('a new profile never inherits an entry left under its id', async () => {
    await secrets.set('tenant', 'orphaned-secret-left-behind');
    const saved = value<Profile>(
      await call('saveProfile', {
        name: 'Tenant',
        baseUrl: home.url,
        userId: home.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
      }),
    );
    expect(saved.id).toBe('tenant');
    expect(await secrets.get('tenant')).toBeNull();
    expect(value<SecretStatus>(await call('secretStatus', { profileId: 'tenant' })).stored).toBe(false);
  });

  it('starting the sandbox never overwrites a profile of its own id that points elsewhere', async () => {
    const real = value<Profile>(
      await call('saveProfile', {
        name: 'Sandbox',
        baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
        userId: '1505084218764547200',
        authMode: 'bearer',
        moduleCode: '102',
      }),
    );
    expect(real.id).toBe('sandbox');
    value(await call('setSecret', { profileId: 'sandbox', secret: 'real-production-token' }));
    const info = value<{ profileId: string }>(await call('startSandbox'));
    expect(info.profileId).toBe('practice-sandbox');
    const profiles = value<Profile[]>(await call('listProfiles'));
    expect(profiles.find((p) => p.id === 'sandbox')).toMatchObject({
      baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
      authMode: 'bearer',
    });
    expect(value<SecretStatus>(await call('secretStatus', { profileId: 'sandbox' }))).toMatchObject({
      stored: true,
      destinationChanged: false,
    });
  });
});
