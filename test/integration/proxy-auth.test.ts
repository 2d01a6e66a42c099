// Proxy authentication: a CONNECT proxy that demands Basic credentials in front of an HTTPS sandbox with a
// private CA. Right, wrong and missing credentials through the real LockService (IPC handlers, HTTPS_PROXY
// from the environment) and the built CLI (`npm run build` first; --proxy and HTTPS_PROXY); a dead proxy is
// named as the culprit; the proxy password appears in no result, output or file.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/proxy-auth.test.ts
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers, IpcResult } from '../../shared/contract';
import type { ClockCheck, ConnectionReport } from '../../shared/diagnostics';
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { createMemorySecretStore } from '../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { type ConnectProxy, startConnectProxy } from '../support/connectProxy';
import { cleanEnv, runBuiltCli } from '../support/runCli';
import { type TestCa, createTestCa } from '../support/testCa';

const HIDDEN_HOST = 'koodrive-behind-auth-proxy.invalid';
const USER = 'corp\\alice';
const PASSWORD = `PROXYCANARY-${randomBytes(6).toString('hex')}-p@ss:w/rd%`;

let ca: TestCa;
let sandbox: RunningSandbox;
let proxy: ConnectProxy;
let ntlmOnly: ConnectProxy;
let dir: string;

const proxyUrlWith = (target: ConnectProxy, user: string, password: string) =>
  target.url.replace('://', `://${encodeURIComponent(user)}:${encodeURIComponent(password)}@`);
const right = () => proxyUrlWith(proxy, USER, PASSWORD);
const wrong = () => proxyUrlWith(proxy, USER, `${PASSWORD}-wrong`);
const port = () => new URL(sandbox.url).port;
const hiddenUrl = () => `https://${HIDDEN_HOST}:${port()}`;

/** The password as it could leak: plain, URL-encoded, base64 (alone and as user:password), hex. */
function leakForms(): string[] {
  return [
    PASSWORD,
    encodeURIComponent(PASSWORD),
    Buffer.from(PASSWORD).toString('base64'),
    Buffer.from(`${USER}:${PASSWORD}`).toString('base64'),
    Buffer.from(PASSWORD).toString('hex'),
  ];
}

function expectNoLeak(text: string): void {
  for (const form of leakForms()) expect(text).not.toContain(form);
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function expectNoLeakInFiles(root: string): Promise<number> {
  const files = await filesUnder(root);
  for (const file of files) expectNoLeak((await fs.readFile(file)).toString('latin1'));
  return files.length;
}

beforeAll(async () => {
  ca = await createTestCa();
  const leaf = await ca.issue({ dnsNames: ['localhost', HIDDEN_HOST], ips: ['127.0.0.1', '::1'] });
  sandbox = await startSandbox({ certificate: leaf, seedLocks: 0 });
  const hosts = { [HIDDEN_HOST]: '127.0.0.1' };
  proxy = await startConnectProxy({ hosts, credentials: { user: USER, password: PASSWORD } });
  ntlmOnly = await startConnectProxy({
    hosts,
    credentials: { user: USER, password: PASSWORD },
    offeredSchemes: ['NTLM', 'Negotiate'],
  });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-proxy-auth-'));
  await fs.writeFile(path.join(dir, 'ca.pem'), ca.certPem);
});

afterAll(async () => {
  await proxy?.close();
  await ntlmOnly?.close();
  await sandbox?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.connects.length = 0;
  proxy.authentications.length = 0;
});

describe('the leak search', () => {
  it('finds a planted copy of the password in every form it looks for', async () => {
    for (const form of leakForms()) expect(() => expectNoLeak(`x${form}x`)).toThrow();
    const planted = path.join(dir, 'planted.bin');
    await fs.writeFile(planted, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
    await expect(expectNoLeakInFiles(dir)).rejects.toThrow();
    await fs.rm(planted);
  });
});

describe('the lock service with HTTPS_PROXY carrying credentials (as the window runs)', () => {
  let dataDir: string;
  let services: AppServices;
  let handlers: Handlers;

  const start = (env: Record<string, string>) => {
    services = createAppServices({ dataDir, secrets: createMemorySecretStore(), env });
    handlers = createHandlers(services);
  };
  const value = <T>(result: IpcResult<unknown>): T => {
    if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const releaseThrough = async (proxyUrl: string): Promise<{ result: LockResult; lockId: string }> => {
    start({ HTTPS_PROXY: proxyUrl });
    const saved = value<Profile>(
      await dispatch(handlers, 'saveProfile', {
        name: 'Behind proxy',
        baseUrl: hiddenUrl(),
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
        caPem: ca.certPem,
      }),
    );
    value(await dispatch(handlers, 'setSecret', { profileId: saved.id, secret: sandbox.credentials.token }));
    const lockId = sandbox.addLock();
    const result = value<LockResult>(await dispatch(handlers, 'releaseLock', { profileId: saved.id, lockId }));
    expectNoLeak(JSON.stringify(result));
    return { result, lockId };
  };

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-proxy-auth-data-'));
  });
  afterEach(async () => {
    await services?.dispose();
    await expectNoLeakInFiles(dataDir);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('right credentials: the release goes through the proxy, which saw them as Basic', async () => {
    const { result, lockId } = await releaseThrough(right());
    expect((await filesUnder(dataDir)).length).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: true, kind: 'success', lockId });
    expect(proxy.connects).toEqual([`${HIDDEN_HOST}:${port()}`]);
    expect(proxy.authentications).toEqual(['accepted']);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('wrong password: kind proxy-auth naming the proxy, a remedy saying what to do, nothing sent', async () => {
    const before = sandbox.received().length;
    const { result, lockId } = await releaseThrough(wrong());
    expect(result).toMatchObject({ ok: false, kind: 'proxy-auth', httpStatus: null });
    expect(result.msg).toContain(`The proxy 127.0.0.1:${new URL(proxy.url).port} rejected the user name and password`);
    expect(result.msg).toContain('HTTP 407; it accepts Basic');
    expect(result.remedy).toMatch(/HTTPS_PROXY=http:\/\/user:password@proxy:port/);
    expect(result.remedy).toMatch(/cntlm or px/);
    expect(proxy.authentications).toEqual(['wrong']);
    expect(sandbox.received().length).toBe(before);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('missing credentials: kind proxy-auth saying none were given', async () => {
    const { result } = await releaseThrough(proxy.url);
    expect(result).toMatchObject({ ok: false, kind: 'proxy-auth' });
    expect(result.msg).toContain('requires a user name and password, and none were given');
    expect(proxy.authentications).toEqual(['missing']);
  });

  it('a proxy that offers only NTLM and Negotiate says so', async () => {
    const { result } = await releaseThrough(proxyUrlWith(ntlmOnly, USER, `${PASSWORD}-x`));
    expect(result).toMatchObject({ ok: false, kind: 'proxy-auth' });
    expect(result.msg).toContain('it accepts NTLM, Negotiate');
  });

  it('a dead proxy is named as the culprit, not the KooDrive host', async () => {
    const dead = await startConnectProxy();
    await dead.close();
    const { result } = await releaseThrough(proxyUrlWith(dead, USER, PASSWORD));
    expect(result).toMatchObject({ ok: false, kind: 'network', httpStatus: null });
    expect(result.msg).toBe(`Could not connect to the proxy 127.0.0.1:${new URL(dead.url).port} (ECONNREFUSED).`);
    expect(result.msg).not.toContain(HIDDEN_HOST);
    expect(result.remedy).toMatch(/^The proxy could not be reached/);
  });

  const checkThrough = async (proxyUrl: string): Promise<ConnectionReport> => {
    start({ HTTPS_PROXY: proxyUrl });
    const saved = value<Profile>(
      await dispatch(handlers, 'saveProfile', {
        name: 'Checked behind proxy',
        baseUrl: hiddenUrl(),
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
        caPem: ca.certPem,
      }),
    );
    value(await dispatch(handlers, 'setSecret', { profileId: saved.id, secret: sandbox.credentials.token }));
    const report = value<ConnectionReport>(await dispatch(handlers, 'checkConnection', { profileId: saved.id }));
    expectNoLeak(JSON.stringify(report));
    return report;
  };

  it('the connection check goes through the HTTPS_PROXY proxy, says so and why, and passes every step', async () => {
    const report = await checkThrough(right());
    const proxyHost = new URL(proxy.url).host;
    for (const step of report.steps) expect({ step: step.step, ok: step.ok }).toEqual({ step: step.step, ok: true });
    const tcp = report.steps.find((step) => step.step === 'tcp');
    expect(tcp?.detail).toContain(
      `Requests go through the proxy ${proxyHost} (HTTPS_PROXY; system proxy: not available in this host)`,
    );
    expect(proxy.authentications.length).toBeGreaterThanOrEqual(3);
    expect(new Set(proxy.authentications)).toEqual(new Set(['accepted']));
  });

  it('the clock check goes through the HTTPS_PROXY proxy too (the host resolves nowhere else)', async () => {
    await checkThrough(right());
    const profiles = value<Profile[]>(await dispatch(handlers, 'listProfiles', undefined));
    proxy.connects.length = 0;
    const clock = value<ClockCheck>(await dispatch(handlers, 'checkClock', { profileId: profiles[0].id }));
    expect(clock.serverTime).not.toBeNull();
    expect(clock.message).not.toMatch(/could not be reached/);
    expect(proxy.connects).toEqual([`${HIDDEN_HOST}:${port()}`]);
  });

  it('the connection check with a wrong proxy password fails at TLS with the proxy-auth remedy', async () => {
    const report = await checkThrough(wrong());
    const tls = report.steps.find((step) => step.step === 'tls');
    expect(tls).toMatchObject({ ok: false });
    expect(tls?.detail).toContain('The proxy rejected the user name and password given (HTTP 407).');
    expect(tls?.remedy).toMatch(/cntlm or px/);
    expect(report.steps.filter((step) => step.ok === null).map((step) => step.step)).toEqual(['http', 'auth']);
  });

  it('a saved profile refuses a proxy with credentials, and says where they go instead', async () => {
    start({});
    const refused = await dispatch(handlers, 'saveProfile', {
      name: 'Creds',
      baseUrl: hiddenUrl(),
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
      proxyUrl: right(),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toContain('Remove the user name and password from the proxy URL');
      expect(refused.error.message).toContain('HTTPS_PROXY=');
      expectNoLeak(JSON.stringify(refused));
    }
  });
});

describe('the built CLI through the authenticating proxy', () => {
  let data: string;
  let home: string;
  beforeEach(async () => {
    data = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-proxy-auth-cli-'));
    home = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-proxy-auth-home-'));
  });
  afterEach(async () => {
    await expectNoLeakInFiles(data);
    await expectNoLeakInFiles(home);
    await fs.rm(data, { recursive: true, force: true });
    await fs.rm(home, { recursive: true, force: true });
  });

  const release = async (extraArgs: string[], extraEnv: Record<string, string> = {}) => {
    const lockId = sandbox.addLock();
    const env = cleanEnv({
      HOME: home,
      KOODRIVE_TOKEN: sandbox.credentials.token,
      KOODRIVE_LOCK_ADMIN_DATA_DIR: data,
      ...extraEnv,
    });
    const args = ['release', '--base-url', hiddenUrl(), '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
    const run = await runBuiltCli([...args, '--ca-file', path.join(dir, 'ca.pem'), ...extraArgs, lockId], env);
    expectNoLeak(run.stdout);
    expectNoLeak(run.stderr);
    return { run, lockId };
  };

  it('--proxy with the right credentials and --verbose: released; the proxy is shown without them', async () => {
    const { run, lockId } = await release(['--proxy', right(), '--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`via the proxy ${proxy.url} (with a user name and password, not shown)`);
    expect(run.stderr).toMatch(
      /trusting Node's bundled roots, the OS trust store \(\d+ certificates\), plus the extra CA given \(1 certificate\)/,
    );
    expect(proxy.authentications).toEqual(['accepted']);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });

  it('HTTPS_PROXY with the right credentials: released', async () => {
    const { run } = await release([], { HTTPS_PROXY: right() });
    expect(run.code).toBe(0);
    expect(proxy.authentications).toEqual(['accepted']);
  });

  it('wrong credentials (HTTPS_PROXY, --verbose): exit 2, "proxy authentication failed" with the remedy', async () => {
    const { run, lockId } = await release(['--verbose'], { HTTPS_PROXY: wrong() });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('rejected the user name and password in the proxy URL (HTTP 407');
    expect(run.stdout + run.stderr).toMatch(/cntlm or px/);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('missing credentials (--proxy without them): exit 2', async () => {
    const { run } = await release(['--proxy', proxy.url]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain('requires a user name and password, and none were given');
  });

  it('profile add refuses a proxy with credentials (exit 2) and stores nothing', async () => {
    const env = cleanEnv({ HOME: home, KOODRIVE_LOCK_ADMIN_DATA_DIR: data });
    const args = ['profile', 'add', '--name', 'corp', '--base-url', hiddenUrl(), '--auth', 'bearer'];
    const run = await runBuiltCli([...args, '--user-id', sandbox.credentials.userId, '--proxy', right()], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--proxy: Remove the user name and password from the proxy URL');
    expectNoLeak(run.stdout + run.stderr);
  });
});

describe('an https:// proxy (TLS to the proxy itself)', () => {
  let tlsProxy: ConnectProxy;
  let dataDir: string;
  let services: AppServices;
  let handlers: Handlers;

  beforeAll(async () => {
    const proxyCertificate = await ca.issue({ dnsNames: ['localhost'], ips: ['127.0.0.1'] });
    tlsProxy = await startConnectProxy({
      hosts: { [HIDDEN_HOST]: '127.0.0.1' },
      credentials: { user: USER, password: PASSWORD },
      tls: proxyCertificate,
    });
  });
  afterAll(async () => {
    await tlsProxy?.close();
  });
  beforeEach(async () => {
    tlsProxy.connects.length = 0;
    tlsProxy.authentications.length = 0;
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-tls-proxy-'));
  });
  afterEach(async () => {
    await services?.dispose();
    await expectNoLeakInFiles(dataDir);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const value = <T>(result: IpcResult<unknown>): T => {
    if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const releaseVia = async (proxyUrl: string, caPem: string | undefined) => {
    services = createAppServices({ dataDir, secrets: createMemorySecretStore(), env: { HTTPS_PROXY: proxyUrl } });
    handlers = createHandlers(services);
    const saved = value<Profile>(
      await dispatch(handlers, 'saveProfile', {
        name: 'TLS proxy',
        baseUrl: hiddenUrl(),
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
        ...(caPem ? { caPem } : {}),
      }),
    );
    value(await dispatch(handlers, 'setSecret', { profileId: saved.id, secret: sandbox.credentials.token }));
    const lockId = sandbox.addLock();
    const result = value<LockResult>(await dispatch(handlers, 'releaseLock', { profileId: saved.id, lockId }));
    expectNoLeak(JSON.stringify(result));
    return { result, lockId, profileId: saved.id };
  };

  it('releases through it with credentials, the proxy verified with the same trust', async () => {
    expect(tlsProxy.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { result, lockId, profileId } = await releaseVia(proxyUrlWith(tlsProxy, USER, PASSWORD), ca.certPem);
    expect(result).toMatchObject({ ok: true, kind: 'success', lockId });
    expect(tlsProxy.connects).toEqual([`${HIDDEN_HOST}:${port()}`]);
    expect(tlsProxy.authentications).toEqual(['accepted']);
    const report = value<ConnectionReport>(await dispatch(handlers, 'checkConnection', { profileId }));
    expect(report.steps.map((step) => step.ok)).toEqual([true, true, true, true, true]);
  });

  it('a proxy certificate that is not trusted: kind tls naming the proxy, nothing sent', async () => {
    const before = sandbox.received().length;
    const { result } = await releaseVia(proxyUrlWith(tlsProxy, USER, PASSWORD), undefined);
    expect(result).toMatchObject({ ok: false, kind: 'tls' });
    expect(result.msg).toContain(`TLS with the proxy 127.0.0.1:${new URL(tlsProxy.url).port} failed`);
    expect(tlsProxy.connects).toEqual([]);
    expect(sandbox.received().length).toBe(before);
  });
});
