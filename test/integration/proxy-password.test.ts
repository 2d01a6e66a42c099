// A profile's proxy password in the keychain, as the window uses it: the real IPC handlers and AppServices
// with the real keychain (a private gnome-keyring), a "system proxy" step answered by a real PAC file
// (pac-resolver, standing in for Electron's session.resolveProxy), a CONNECT proxy demanding Basic
// credentials and the HTTPS sandbox with a private CA. The password is used only for the proxy origin it was
// stored for, the connection check reports the chosen route and why, re-pointing the proxy removes it, and
// neither the token nor the proxy password appears in any IPC result or file.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/proxy-password.test.ts
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult, ProxyPasswordStatus } from '../../shared/contract';
import type { ConnectionReport } from '../../shared/diagnostics';
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { compilePac } from '../../electron/core/koodrive/pacScript';
import { createKeytarStore } from '../../electron/core/secrets/keytarStore';
import { proxyCredentialAccount } from '../../electron/core/secrets/proxyCredential';
import type { SecretStore } from '../../electron/core/secrets/secretStore';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { type ConnectProxy, startConnectProxy } from '../support/connectProxy';
import { type TestCa, createTestCa } from '../support/testCa';

const keyringReady = process.env.KOODRIVE_KEYRING === 'ready';
const keyringReason =
  process.env.KOODRIVE_KEYRING_REASON ??
  'no keyring: run through `node test/support/with-keyring.mjs` (KOODRIVE_KEYRING is not "ready")';
if (!keyringReady) console.warn(`proxy-password.test.ts skipped: ${keyringReason}`);

const VIA_PROXY = 'koodrive-system-proxy.invalid';
const VIA_OTHER = 'koodrive-other-system-proxy.invalid';
const USER = 'corp\\bob';
const PASSWORD = `PROXYPWCANARY-${randomBytes(6).toString('hex')}`;

let ca: TestCa;
let sandbox: RunningSandbox;
let proxy: ConnectProxy;
let other: ConnectProxy;

function leakForms(): string[] {
  const token = sandbox.credentials.token;
  return [
    PASSWORD,
    Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
    token,
    Buffer.from(token).toString('base64'),
  ];
}

function expectNoLeak(text: string): void {
  for (const form of leakForms()) expect(text).not.toContain(form);
}

beforeAll(async () => {
  ca = await createTestCa();
  const leaf = await ca.issue({ dnsNames: ['localhost', VIA_PROXY, VIA_OTHER], ips: ['127.0.0.1'] });
  sandbox = await startSandbox({ certificate: leaf, seedLocks: 0 });
  const hosts = { [VIA_PROXY]: '127.0.0.1', [VIA_OTHER]: '127.0.0.1' };
  proxy = await startConnectProxy({ hosts, credentials: { user: USER, password: PASSWORD } });
  other = await startConnectProxy({ hosts, credentials: { user: USER, password: PASSWORD } });
});

afterAll(async () => {
  await proxy?.close();
  await other?.close();
  await sandbox?.stop();
});

describe.skipIf(!keyringReady)('the proxy password in the keychain, through the window handlers', () => {
  let dataDir: string;
  let secrets: SecretStore;
  let services: AppServices;
  let handlers: Handlers;
  const results: unknown[] = [];

  const call = async <T>(method: keyof Handlers, arg: unknown): Promise<T> => {
    const result = (await dispatch(handlers, method, arg)) as IpcResult<T>;
    results.push(result);
    if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  const saveProfile = (name: string, host: string, extra: Record<string, string> = {}) =>
    call<Profile>('saveProfile', {
      name,
      baseUrl: `https://${host}:${new URL(sandbox.url).port}`,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
      caPem: ca.certPem,
      ...extra,
    });

  beforeAll(async () => {
    const pac = `function FindProxyForURL(url, host) {
      if (host === "${VIA_PROXY}") return "PROXY 127.0.0.1:${new URL(proxy.url).port}";
      if (host === "${VIA_OTHER}") return "PROXY 127.0.0.1:${new URL(other.url).port}";
      return "DIRECT";
    }`;
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-proxy-password-'));
    secrets = createKeytarStore({ service: `koodrive-lock-admin-test-${randomBytes(4).toString('hex')}` });
    services = createAppServices({
      dataDir,
      secrets,
      env: {},
      resolveSystemProxy: await compilePac(pac, 'PAC file (test)'),
    });
    handlers = createHandlers(services);
  });

  afterAll(async () => {
    await services?.dispose();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    for (const target of [proxy, other]) {
      target.connects.length = 0;
      target.authentications.length = 0;
      target.authorizationHeaders.length = 0;
    }
  });

  afterEach(async () => {
    expectNoLeak(JSON.stringify(results));
    const entries = await fs.readdir(dataDir, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((e) => e.isFile())) {
      expectNoLeak(await fs.readFile(path.join(entry.parentPath, entry.name), 'latin1'));
    }
  });

  it('the system step picks the proxy; the stored password is sent to it; the connection check says why', async () => {
    const saved = await saveProfile('Corp', VIA_PROXY);
    await call('setSecret', { profileId: saved.id, secret: sandbox.credentials.token });
    const before = await call<ProxyPasswordStatus>('proxyPasswordStatus', { profileId: saved.id });
    expect(before).toMatchObject({ stored: false, proxy: null, user: null });
    const status = await call<ProxyPasswordStatus>('setProxyPassword', {
      profileId: saved.id,
      proxyUrl: proxy.url,
      user: USER,
      password: PASSWORD,
    });
    expect(status).toEqual({ stored: true, proxy: proxy.url, user: USER, store: secrets.label });
    // Its own keychain entry, not the profile's secret.
    expect(await secrets.get(proxyCredentialAccount(saved.id))).toContain(proxy.url);

    const lockId = sandbox.addLock();
    const released = await call<LockResult>('releaseLock', { profileId: saved.id, lockId });
    expect(released).toMatchObject({ ok: true, kind: 'success' });
    expect(proxy.authentications).toEqual(['accepted']);
    expect(sandbox.activeLockIds()).not.toContain(lockId);

    const report = await call<ConnectionReport>('checkConnection', { profileId: saved.id });
    expect(report.steps.map((step) => step.ok)).toEqual([true, true, true, true, true]);
    expect(JSON.stringify(report.steps[0])).toContain(
      `Requests go through the proxy 127.0.0.1:${new URL(proxy.url).port} (system proxy settings: PROXY 127.0.0.1:${new URL(proxy.url).port})`,
    );
    expect(proxy.authentications.every((outcome) => outcome === 'accepted')).toBe(true);
  });

  it('never sent to another proxy: 407 with a remedy that says why', async () => {
    const saved = await saveProfile('Elsewhere', VIA_OTHER);
    await call('setSecret', { profileId: saved.id, secret: sandbox.credentials.token });
    await call('setProxyPassword', { profileId: saved.id, proxyUrl: proxy.url, user: USER, password: PASSWORD });
    const lockId = sandbox.addLock();
    const result = await call<LockResult>('releaseLock', { profileId: saved.id, lockId });
    expect(result.kind).toBe('proxy-auth');
    expect(result.remedy).toContain(
      `The profile's proxy password is stored for ${proxy.url}, but this request went through ${other.url} (system proxy settings: PROXY 127.0.0.1:${new URL(other.url).port}), so it was not used.`,
    );
    expect(other.authorizationHeaders).toEqual([]);
    expect(proxy.connects).toEqual([]);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('re-pointing the profile proxy removes the password; deleting the profile removes it too', async () => {
    const saved = await saveProfile('Repointed', VIA_PROXY, { proxyUrl: proxy.url });
    await call('setProxyPassword', { profileId: saved.id, user: USER, password: PASSWORD });
    await saveProfile('Repointed', VIA_PROXY, { id: saved.id, proxyUrl: proxy.url });
    expect(await call<ProxyPasswordStatus>('proxyPasswordStatus', { profileId: saved.id })).toMatchObject({
      stored: true,
      proxy: proxy.url,
    });
    await saveProfile('Repointed', VIA_PROXY, { id: saved.id, proxyUrl: other.url });
    expect(await call<ProxyPasswordStatus>('proxyPasswordStatus', { profileId: saved.id })).toMatchObject({
      stored: false,
    });
    await call('setProxyPassword', { profileId: saved.id, user: USER, password: PASSWORD });
    await call('deleteProfile', { profileId: saved.id });
    expect(await secrets.get(proxyCredentialAccount(saved.id))).toBeNull();
  });
});
