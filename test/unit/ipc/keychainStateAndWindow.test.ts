import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../../shared/contract';
import { type MemorySecretStore, createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

const PROFILE = {
  name: 'Production',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
  authMode: 'app',
  appId: 'a'.repeat(64),
  moduleCode: '102',
};

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('secretStatus with a keychain that cannot look, and setUnsavedChanges', () => {
  let dataDir: string;
  let secrets: MemorySecretStore;
  let services: AppServices;
  let handlers: Handlers;
  const told: boolean[] = [];
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-keychain-state-'));
    secrets = createMemorySecretStore({ label: 'Test keychain' });
    told.length = 0;
    services = createAppServices({ dataDir, secrets, unsavedChanges: { setUnsaved: (unsaved) => told.push(unsaved) } });
    handlers = createHandlers(services);
  });

  afterEach(async () => {
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a locked keychain is reported as locked, not as "no secret stored"', async () => {
    const { id } = value<{ id: string }>(await call('saveProfile', PROFILE));
    secrets.failure = new SecretStoreError('locked', 'Could not read the secret: the OS keychain is locked.');
    expect(value(await call('secretStatus', { profileId: id }))).toEqual({
      stored: false,
      destinationChanged: false,
      store: 'Test keychain',
      keychain: 'locked',
    });
    secrets.failure = new SecretStoreError('unavailable', 'No keychain.');
    expect(value(await call('secretStatus', { profileId: id }))).toMatchObject({ keychain: 'unavailable' });
    secrets.failure = null;
    expect(value(await call('secretStatus', { profileId: id }))).toEqual({
      stored: false,
      destinationChanged: false,
      store: 'Test keychain',
    });
  });

  it('a keychain that fails otherwise stays an error', async () => {
    const { id } = value<{ id: string }>(await call('saveProfile', PROFILE));
    secrets.failure = new SecretStoreError('failed', 'The keychain reported an error.');
    expect(await call('secretStatus', { profileId: id })).toMatchObject({
      ok: false,
      error: { code: 'keychain-unavailable' },
    });
  });

  it('a release with a locked keychain says the keychain is locked and sends nothing', async () => {
    const { id } = value<{ id: string }>(await call('saveProfile', PROFILE));
    secrets.failure = new SecretStoreError('locked', 'Could not read the secret: the OS keychain is locked.');
    const result = await call('releaseLock', { profileId: id, lockId: 'lock-1@102', userId: '1505084218764547200' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'keychain-unavailable', message: 'Could not read the secret: the OS keychain is locked.' },
    });
  });

  it('setUnsavedChanges tells the close guard, and says whether closing will ask', async () => {
    expect(value(await call('setUnsavedChanges', { edits: 'unsaved' }))).toEqual({ guarded: true });
    expect(value(await call('setUnsavedChanges', { edits: 'none' }))).toEqual({ guarded: false });
    expect(told).toEqual([true, false]);
    expect(await call('setUnsavedChanges', { edits: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('without a desktop shell (the CLI, tests) nothing guards the close', async () => {
    const plain = createAppServices({ dataDir, secrets });
    try {
      expect(value(await dispatch(createHandlers(plain), 'setUnsavedChanges', { edits: 'unsaved' }))).toEqual({
        guarded: false,
      });
    } finally {
      await plain.dispose();
    }
  });
});
