import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../../shared/contract';
import type { ClockCheck, ConnectionReport, RequestPreview } from '../../../shared/diagnostics';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { type MemorySecretStore, createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import { type AppServices, createAppServices } from '../../../electron/app/services';
import { dispatch } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('diagnostics IPC handlers', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let secrets: MemorySecretStore;
  let services: AppServices;
  let handlers: Handlers;
  let profileId: string;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-diag-'));
    secrets = createMemorySecretStore({ label: 'Test keychain' });
    services = createAppServices({ dataDir, secrets });
    handlers = createHandlers(services);
    const profile = value<{ id: string }>(
      await call('saveProfile', {
        name: 'Sandbox',
        baseUrl: sandbox.url,
        userId: sandbox.credentials.userId,
        authMode: 'app',
        appId: sandbox.credentials.appId,
        moduleCode: '101',
      }),
    );
    profileId = profile.id;
    value(await call('setSecret', { profileId, secret: sandbox.credentials.appSecret }));
  });

  afterEach(async () => {
    await services.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('previews a release with the trimmed lock ID, the canonical request, and no secret or signature', async () => {
    const lockId = sandbox.seededLockIds[0];
    const preview = value<RequestPreview>(
      await call('previewRequest', { profileId, operation: 'release', lockId: `  ${lockId} ` }),
    );
    expect(preview.headers['x-backup-lock-id']).toBe(lockId);
    expect(preview.headers.Authorization).toMatch(/,Signature=<redacted>$/);
    expect(preview.canonicalRequest).toContain(`x-user-id:${sandbox.credentials.userId}`);
    expect(JSON.stringify(preview)).not.toContain(sandbox.credentials.appSecret);
    // Nothing was sent.
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('previews a create with the profile’s module code by default, and applies the clock offset', async () => {
    const preview = value<RequestPreview>(
      await call('previewRequest', { profileId, operation: 'create', clockOffsetMs: 3_600_000 }),
    );
    expect(preview.body).toBe('{"moduleCode":"101"}');
    const xDate = preview.headers['X-Date'];
    const signedAt = Date.UTC(
      +xDate.slice(0, 4),
      +xDate.slice(4, 6) - 1,
      +xDate.slice(6, 8),
      +xDate.slice(9, 11),
      +xDate.slice(11, 13),
      +xDate.slice(13, 15),
    );
    expect(Math.abs(signedAt - (Date.now() + 3_600_000))).toBeLessThan(5000);
  });

  it('refuses a preview with a clear message: no lock ID, unknown profile, no secret, keychain down', async () => {
    const noLock = await call('previewRequest', { profileId, operation: 'renew' });
    expect(noLock).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const unknown = await call('previewRequest', { profileId: 'nope', operation: 'release', lockId: 'a@1' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await secrets.delete(profileId);
    const noSecret = await call('previewRequest', { profileId, operation: 'release', lockId: 'a@1' });
    expect(noSecret).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!noSecret.ok && noSecret.error.message).toContain('No app secret is stored');
    secrets.failure = new SecretStoreError('locked', 'The keychain is locked: unlock it and try again.');
    const locked = await call('previewRequest', { profileId, operation: 'release', lockId: 'a@1' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'keychain-unavailable' } });
    const report = value<ConnectionReport>(await call('checkConnection', { profileId }));
    expect(report.steps.at(-1)).toMatchObject({
      step: 'auth',
      ok: false,
      detail: 'The keychain is locked: unlock it and try again.',
    });
  });

  it('checks the clock and the connection against the sandbox', async () => {
    const clock = value<ClockCheck>(await call('checkClock', { profileId }));
    expect(clock.verdict).toBe('ok');
    const report = value<ConnectionReport>(await call('checkConnection', { profileId }));
    expect(report).toMatchObject({ profileId, host: new URL(sandbox.url).host });
    expect(report.steps.map((step) => step.ok)).toEqual([true, true, null, true, true]);
  });

  it('validates arguments before anything runs', async () => {
    expect(await call('checkClock', { profileId: 'BAD ID' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('previewRequest', { profileId, operation: 'delete' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('previewRequest', { profileId, operation: 'create', clockOffsetMs: 1.5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});
