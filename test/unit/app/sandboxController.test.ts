import { mkdtemp, rm } from 'node:fs/promises';
import { readProfileSecret } from '../../../electron/core/secrets/boundSecret';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileStore } from '../../../electron/core/profiles/profileStore';
import { createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import { AppError } from '../../../electron/ipc/appError';
import {
  SANDBOX_PROFILE_ID,
  type SandboxServer,
  createSandboxController,
} from '../../../electron/app/sandboxController';

function fakeServer(port: number): SandboxServer & { stop: ReturnType<typeof vi.fn> } {
  return {
    url: `http://127.0.0.1:${port}`,
    credentials: { userId: '1505084218764547200', token: `tok-${port}`, appId: 'app', appSecret: `shh-${port}` },
    activeLockIds: () => ['lock-a@102'],
    activeLocks: () => [{ userId: '1505084218764547200', lockId: 'lock-a@102', moduleCode: '102' }],
    stop: vi.fn(async () => {}),
  };
}

describe('sandbox controller', () => {
  let dataDir: string;
  let profiles: ProfileStore;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-sbx-'));
    profiles = new ProfileStore(dataDir);
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reports stopped before start', () => {
    const controller = createSandboxController({ profiles, secrets: createMemorySecretStore(), launch: vi.fn() });
    expect(controller.status()).toEqual({
      running: false,
      baseUrl: null,
      profileId: null,
      activeLockIds: [],
      activeLocks: [],
    });
  });

  it('creates the Sandbox profile (app auth, environment sandbox) and stores its App secret on start', async () => {
    const secrets = createMemorySecretStore();
    const controller = createSandboxController({ profiles, secrets, launch: async () => fakeServer(4001) });
    const info = await controller.start();
    expect(info).toEqual({
      running: true,
      baseUrl: 'http://127.0.0.1:4001',
      profileId: SANDBOX_PROFILE_ID,
      activeLockIds: ['lock-a@102'],
      activeLocks: [{ userId: '1505084218764547200', lockId: 'lock-a@102' }],
    });
    expect(await profiles.list()).toEqual([
      {
        id: 'sandbox',
        name: 'Sandbox',
        baseUrl: 'http://127.0.0.1:4001',
        userId: '1505084218764547200',
        authMode: 'app',
        appId: 'app',
        environment: 'sandbox',
        moduleCode: '102',
      },
    ]);
    const [profile] = await profiles.list();
    expect(await readProfileSecret(secrets, profile)).toBe('shh-4001');
  });

  it('updates the existing Sandbox profile on a later start', async () => {
    const secrets = createMemorySecretStore();
    let port = 4001;
    const controller = createSandboxController({ profiles, secrets, launch: async () => fakeServer(port++) });
    await controller.start();
    await controller.stop();
    const info = await controller.start();
    expect(info.baseUrl).toBe('http://127.0.0.1:4002');
    const saved = await profiles.list();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id: 'sandbox', baseUrl: 'http://127.0.0.1:4002' });
    expect(await readProfileSecret(secrets, saved[0])).toBe('shh-4002');
  });

  it('starts one server for concurrent starts, and stops it', async () => {
    const server = fakeServer(4001);
    const launch = vi.fn(async () => server);
    const controller = createSandboxController({ profiles, secrets: createMemorySecretStore(), launch });
    const [a, b] = await Promise.all([controller.start(), controller.start()]);
    expect(a).toEqual(b);
    expect(launch).toHaveBeenCalledTimes(1);
    expect(await controller.stop()).toMatchObject({ running: false, profileId: null });
    expect(server.stop).toHaveBeenCalledTimes(1);
    await controller.stop();
    expect(server.stop).toHaveBeenCalledTimes(1);
  });

  it('stops the server again when the keychain cannot take the token', async () => {
    const secrets = createMemorySecretStore();
    secrets.failure = new SecretStoreError('unavailable', 'No keychain.');
    const server = fakeServer(4001);
    const controller = createSandboxController({ profiles, secrets, launch: async () => server });
    await expect(controller.start()).rejects.toBeInstanceOf(SecretStoreError);
    expect(server.stop).toHaveBeenCalled();
    expect(controller.status().running).toBe(false);
  });

  it('says so in words when the server cannot start, without its internal error text', async () => {
    const controller = createSandboxController({
      profiles,
      secrets: createMemorySecretStore(),
      launch: async () => {
        throw new Error('listen EADDRINUSE secret-ish detail');
      },
    });
    const error = await controller.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/could not start/);
    expect((error as AppError).message).not.toContain('secret-ish');
  });
});
