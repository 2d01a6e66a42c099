/**
 * Diagnostics end to end below the UI: the "Copy as cURL" commands are run by a real `sh` with the real
 * curl and openssl against the real sandbox and must release the lock; the connection check passes every
 * step against the sandbox over HTTPS with its generated certificate as the profile's extra CA.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../shared/contract';
import type { ClockCheck, ConnectionReport, RequestPreview } from '../../shared/diagnostics';
import type { AuthMode } from '../../shared/profile';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { type MemorySecretStore, createMemorySecretStore } from '../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';

const run = promisify(execFile);

async function missingTool(name: string): Promise<string | null> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return null;
  } catch {
    return `${name} is not installed on this machine`;
  }
}

const missing = (await missingTool('curl')) ?? (await missingTool('openssl'));
if (missing) console.warn(`Skipping the cURL command tests: ${missing}.`);

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe.each([false, true])('diagnostics against the sandbox (https: %s)', (https) => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let secrets: MemorySecretStore;
  let services: AppServices;
  let handlers: Handlers;
  let caFile: string;
  const call = (method: string, arg?: unknown) => dispatch(handlers, method, arg);

  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, https, seedLocks: 3 });
    dataDir = await mkdtemp(join(tmpdir(), 'kla-diag-int-'));
    caFile = join(dataDir, 'sandbox-ca.pem');
    if (sandbox.caPem) await writeFile(caFile, sandbox.caPem);
    secrets = createMemorySecretStore();
    services = createAppServices({ dataDir, secrets });
    handlers = createHandlers(services);
  });

  afterEach(async () => {
    await services.dispose();
    await sandbox.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function profileFor(authMode: AuthMode): Promise<string> {
    const profile = value<{ id: string }>(
      await call('saveProfile', {
        name: `Sandbox ${authMode}`,
        baseUrl: sandbox.url,
        userId: sandbox.credentials.userId,
        authMode,
        moduleCode: '102',
        ...(authMode === 'app' ? { appId: sandbox.credentials.appId } : {}),
        ...(sandbox.caPem ? { caPem: sandbox.caPem } : {}),
      }),
    );
    const secret = authMode === 'app' ? sandbox.credentials.appSecret : sandbox.credentials.token;
    value(await call('setSecret', { profileId: profile.id, secret }));
    return profile.id;
  }

  async function runCurl(command: string): Promise<string> {
    const { stdout } = await run('sh', ['-c', command], {
      cwd: dataDir,
      timeout: 15_000,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        KOODRIVE_TOKEN: sandbox.credentials.token,
        KOODRIVE_APP_SECRET: sandbox.credentials.appSecret,
        KOODRIVE_CA_FILE: caFile,
      },
    });
    return stdout;
  }

  it.skipIf(missing !== null).each<AuthMode>(['bearer', 'app'])(
    'the %s "Copy as cURL" command releases the lock',
    async (authMode) => {
      const profileId = await profileFor(authMode);
      const lockId = sandbox.seededLockIds[authMode === 'app' ? 1 : 0];
      const preview = value<RequestPreview>(await call('previewRequest', { profileId, operation: 'release', lockId }));
      expect(sandbox.activeLockIds()).toContain(lockId);
      expect(preview.curl).not.toContain(sandbox.credentials.token);
      expect(preview.curl).not.toContain(sandbox.credentials.appSecret);

      const stdout = await runCurl(preview.curl);

      expect(JSON.parse(stdout)).toEqual({ code: 0, msg: 'success' });
      expect(sandbox.activeLockIds()).not.toContain(lockId);
      expect(sandbox.received().at(-1)).toMatchObject({ method: 'DELETE', lockId, outcome: 'released' });
    },
  );

  it.skipIf(missing !== null)('the app-auth create command works too, and renew with a clock offset', async () => {
    const profileId = await profileFor('app');
    const lockId = sandbox.seededLockIds[2];
    const renew = value<RequestPreview>(
      await call('previewRequest', { profileId, operation: 'renew', lockId, clockOffsetMs: -60_000 }),
    );
    expect(JSON.parse(await runCurl(renew.curl))).toEqual({ code: 0, msg: 'success' });
    expect(sandbox.received().at(-1)).toMatchObject({ method: 'PATCH', lockId, outcome: 'renewed' });

    const create = value<RequestPreview>(
      await call('previewRequest', { profileId, operation: 'create', moduleCode: '200' }),
    );
    const created = JSON.parse(await runCurl(create.curl)) as { code: number; data: { lockId: string } };
    expect(created.code).toBe(0);
    expect(created.data.lockId).toMatch(/@200$/);
    expect(sandbox.activeLockIds()).toContain(created.data.lockId);
  });

  it('the connection check passes every step it can, and the clock agrees', async () => {
    for (const authMode of ['bearer', 'app'] as const) {
      const profileId = await profileFor(authMode);
      const report = value<ConnectionReport>(await call('checkConnection', { profileId }));
      expect(report.host).toBe(new URL(sandbox.url).host);
      expect(report.steps.map((step) => [step.step, step.ok])).toEqual([
        ['dns', true],
        ['tcp', true],
        ['tls', https ? true : null],
        ['http', true],
        ['auth', true],
      ]);
      const tls = report.steps[2];
      if (https) {
        expect(tls.certificate).toMatchObject({ subject: 'CN=localhost', issuer: 'CN=localhost' });
        expect(tls.remedy).toBeNull();
      } else {
        expect(tls.detail).toContain('plain HTTP to the local sandbox');
      }
      for (const step of report.steps) expect(step.durationMs).toBeLessThan(5000);
      const clock = value<ClockCheck>(await call('checkClock', { profileId }));
      expect(clock.verdict).toBe('ok');
      expect(Math.abs(clock.skewMs ?? Infinity)).toBeLessThan(1600);
    }
  });

  it.skipIf(!https)(
    'the connection check fails TLS when the profile does not trust the sandbox certificate',
    async () => {
      const profile = value<{ id: string }>(
        await call('saveProfile', {
          name: 'Untrusted',
          baseUrl: sandbox.url,
          userId: sandbox.credentials.userId,
          authMode: 'bearer',
          moduleCode: '102',
        }),
      );
      const report = value<ConnectionReport>(await call('checkConnection', { profileId: profile.id }));
      expect(report.steps.map((step) => step.ok)).toEqual([true, true, false, null, null]);
      expect(report.steps[2].detail).toContain('self-signed');
    },
  );
});
