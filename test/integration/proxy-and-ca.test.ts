// Corporate networks: an HTTPS KooDrive (the sandbox) whose certificate is signed by a private CA, as
// behind TLS inspection, reached through an HTTP CONNECT proxy. Everything goes through the real IPC
// dispatch, handlers, AppServices wiring (connectionFor), LockService and HTTP transport.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../shared/contract';
import type { ConnectionReport } from '../../shared/diagnostics';
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type ConnectProxy, startConnectProxy } from '../support/connectProxy';
import { type TestCa, createTestCa } from '../support/testCa';

/** A name that never resolves: only the proxy (which maps it to 127.0.0.1) can reach it. */
const HIDDEN_HOST = 'koodrive-behind-proxy.invalid';

let ca: TestCa;
let sandbox: RunningSandbox;
let proxy: ConnectProxy;

beforeAll(async () => {
  ca = await createTestCa();
  const leaf = await ca.issue({ dnsNames: ['localhost', HIDDEN_HOST], ips: ['127.0.0.1', '::1'] });
  sandbox = await startSandbox({ certificate: leaf, seedLocks: 0 });
  proxy = await startConnectProxy({ hosts: { [HIDDEN_HOST]: '127.0.0.1' } });
});

afterAll(async () => {
  await proxy?.close();
  await sandbox?.stop();
});

let dataDir: string;
let services: AppServices;
let handlers: Handlers;

function start(env: Record<string, string> = {}): void {
  services = createAppServices({ dataDir, secrets: createMemorySecretStore(), env });
  handlers = createHandlers(services);
}

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-proxy-ca-'));
  proxy.connects.length = 0;
  start();
});

afterEach(async () => {
  await services.dispose();
  await fs.rm(dataDir, { recursive: true, force: true });
});

function value<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function profile(name: string, extra: { baseUrl?: string; proxyUrl?: string; caPem?: string }) {
  const saved = value<Profile>(
    await dispatch(handlers, 'saveProfile', {
      name,
      baseUrl: extra.baseUrl ?? sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
      ...(extra.proxyUrl ? { proxyUrl: extra.proxyUrl } : {}),
      ...(extra.caPem ? { caPem: extra.caPem } : {}),
    }),
  );
  value(await dispatch(handlers, 'setSecret', { profileId: saved.id, secret: sandbox.credentials.token }));
  return saved;
}

async function release(profileId: string, lockId: string): Promise<LockResult> {
  return value<LockResult>(await dispatch(handlers, 'releaseLock', { profileId, lockId }));
}

const port = () => new URL(sandbox.url).port;

describe('a profile with a proxy and a CA certificate', () => {
  it('the sandbox really uses the test CA: its URL is https and it sends no CA of its own', () => {
    expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.caPem).toBeUndefined();
  });

  it('releases a lock through the CONNECT proxy with the CA given per profile', async () => {
    const saved = await profile('Corp', { proxyUrl: proxy.url, caPem: ca.certPem });
    expect(saved).toMatchObject({ proxyUrl: proxy.url, caPem: ca.certPem });
    const lockId = sandbox.addLock();
    const result = await release(saved.id, lockId);
    expect(result).toMatchObject({ ok: true, kind: 'success', httpStatus: 200, lockId });
    expect(proxy.connects).toEqual([`127.0.0.1:${port()}`]);
    expect(proxy.plainRequests).toEqual([]);
    expect(proxy.bytesUp()).toBeGreaterThan(0);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('fails with kind "tls" through the proxy without the CA, and advises adding it', async () => {
    const saved = await profile('Corp without CA', { proxyUrl: proxy.url });
    const lockId = sandbox.addLock();
    const before = sandbox.received().length;
    const result = await release(saved.id, lockId);
    expect(result).toMatchObject({ ok: false, kind: 'tls', httpStatus: null });
    expect(result.remedy).toMatch(/CA certificate \(PEM\) to the profile/);
    expect(result.msg).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|unable to verify/i);
    expect(proxy.connects).toEqual([`127.0.0.1:${port()}`]);
    // TLS failed inside the tunnel: no HTTP request reached the server and the lock is still held.
    expect(sandbox.received().length).toBe(before);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('a CA given to one profile is not trusted for another', async () => {
    await profile('With CA', { caPem: ca.certPem });
    const without = await profile('Without CA', {});
    const result = await release(without.id, sandbox.addLock());
    expect(result.kind).toBe('tls');
  });

  it('connects directly (no CONNECT) when the profile has no proxy', async () => {
    const saved = await profile('Direct', { caPem: ca.certPem });
    const lockId = sandbox.addLock();
    expect(await release(saved.id, lockId)).toMatchObject({ ok: true, kind: 'success' });
    expect(proxy.connects).toEqual([]);
  });

  it('reports a proxy that is not listening as a network failure, without sending anything', async () => {
    const closed = await startConnectProxy();
    await closed.close();
    const saved = await profile('Dead proxy', { proxyUrl: closed.url, caPem: ca.certPem });
    const before = sandbox.received().length;
    const result = await release(saved.id, sandbox.addLock());
    expect(result).toMatchObject({ ok: false, kind: 'network', httpStatus: null });
    expect(result.msg).toBe(`Could not connect to the proxy 127.0.0.1:${new URL(closed.url).port} (ECONNREFUSED).`);
    expect(result.remedy).toMatch(/^The proxy could not be reached/);
    expect(sandbox.received().length).toBe(before);
  });

  it('reports a proxy that refuses the tunnel (403) as a network failure naming the proxy', async () => {
    // The proxy refuses every target it cannot map to loopback.
    const saved = await profile('Refused', {
      baseUrl: `https://koodrive-not-mapped.invalid:${port()}`,
      proxyUrl: proxy.url,
      caPem: ca.certPem,
    });
    const result = await release(saved.id, sandbox.addLock());
    expect(result).toMatchObject({ ok: false, kind: 'network' });
    expect(result.msg).toContain(`The proxy 127.0.0.1:${new URL(proxy.url).port} refused the tunnel`);
    expect(result.remedy).toMatch(/^The proxy would not open a tunnel/);
    expect(proxy.connects).toEqual([`koodrive-not-mapped.invalid:${port()}`]);
  });
});

describe('the proxy from the environment (HTTPS_PROXY, NO_PROXY)', () => {
  const hiddenUrl = () => `https://${HIDDEN_HOST}:${port()}`;

  it('is used for a profile without a proxy of its own: the host is reached only through it', async () => {
    await services.dispose();
    start({ HTTPS_PROXY: proxy.url });
    const saved = await profile('Env proxy', { baseUrl: hiddenUrl(), caPem: ca.certPem });
    const lockId = sandbox.addLock();
    expect(await release(saved.id, lockId)).toMatchObject({ ok: true, kind: 'success', lockId });
    expect(proxy.connects).toEqual([`${HIDDEN_HOST}:${port()}`]);
  });

  it('is skipped for hosts in NO_PROXY: the app then resolves the name itself, and fails on DNS', async () => {
    await services.dispose();
    start({ https_proxy: proxy.url, no_proxy: `localhost,.invalid` });
    const saved = await profile('No proxy', { baseUrl: hiddenUrl(), caPem: ca.certPem });
    const result = await release(saved.id, sandbox.addLock());
    expect(result).toMatchObject({ ok: false, kind: 'network' });
    expect(result.remedy).toMatch(/could not be resolved/);
    expect(proxy.connects).toEqual([]);
  });

  it('is never used for loopback addresses', async () => {
    await services.dispose();
    start({ HTTPS_PROXY: proxy.url });
    const saved = await profile('Loopback', { caPem: ca.certPem });
    expect(await release(saved.id, sandbox.addLock())).toMatchObject({ ok: true });
    expect(proxy.connects).toEqual([]);
  });

  it('the profile’s own proxy wins over the environment', async () => {
    const other = await startConnectProxy({ hosts: { [HIDDEN_HOST]: '127.0.0.1' } });
    try {
      await services.dispose();
      start({ HTTPS_PROXY: other.url });
      const saved = await profile('Own proxy', { baseUrl: hiddenUrl(), proxyUrl: proxy.url, caPem: ca.certPem });
      expect(await release(saved.id, sandbox.addLock())).toMatchObject({ ok: true });
      expect(proxy.connects).toEqual([`${HIDDEN_HOST}:${port()}`]);
      expect(other.connects).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('the connection check takes the route a release takes: through HTTPS_PROXY, and around it for NO_PROXY', async () => {
    const check = async (profileId: string) =>
      value<ConnectionReport>(await dispatch(handlers, 'checkConnection', { profileId }));
    const verdicts = (report: ConnectionReport) => report.steps.map((step) => `${step.step}:${String(step.ok)}`);

    await services.dispose();
    start({ HTTPS_PROXY: proxy.url });
    const proxied = await profile('Env proxy check', { baseUrl: hiddenUrl(), caPem: ca.certPem });
    expect(await release(proxied.id, sandbox.addLock())).toMatchObject({ ok: true });
    const releaseRoute = proxy.connects.splice(0);
    const report = await check(proxied.id);
    expect(verdicts(report)).toEqual(['dns:true', 'tcp:true', 'tls:true', 'http:true', 'auth:true']);
    expect(report.steps[1].detail).toContain('(HTTPS_PROXY; system proxy: not available in this host)');
    expect(releaseRoute).toEqual([`${HIDDEN_HOST}:${port()}`]);
    expect(new Set(proxy.connects)).toEqual(new Set(releaseRoute));

    await services.dispose();
    start({ HTTPS_PROXY: proxy.url, NO_PROXY: '.invalid' });
    proxy.connects.length = 0;
    const exempt = await profile('NO_PROXY check', { baseUrl: hiddenUrl(), caPem: ca.certPem });
    expect(await release(exempt.id, sandbox.addLock())).toMatchObject({ ok: false, kind: 'network' });
    const direct = await check(exempt.id);
    expect(verdicts(direct)).toEqual(['dns:false', 'tcp:null', 'tls:null', 'http:null', 'auth:null']);
    expect(direct.steps[0].detail).toContain(HIDDEN_HOST);
    expect(proxy.connects).toEqual([]);
  });
});
