// The CLI's PAC step (--pac / KOODRIVE_PAC) against real parts: the built CLI (`npm run build` first), a
// real PAC file evaluated by pac-resolver, a CONNECT proxy that demands Basic credentials, and the HTTPS
// sandbox with a private CA. The PAC sends one host through the proxy and another direct; the proxy password
// comes from the keychain (a private gnome-keyring) and is used only for the proxy it was stored for. A PAC
// that is not JavaScript, or has no FindProxyForURL, is refused before anything is sent.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/pac.test.ts
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { type ConnectProxy, startConnectProxy } from '../support/connectProxy';
import { type CliRun, cleanEnv, runBuiltCli } from '../support/runCli';
import { type LocalServer, startHttpServer } from '../support/servers';
import { type TestCa, createTestCa } from '../support/testCa';

const keyringReady = process.env.KOODRIVE_KEYRING === 'ready';
const keyringReason =
  process.env.KOODRIVE_KEYRING_REASON ??
  'no keyring: run through `node test/support/with-keyring.mjs` (KOODRIVE_KEYRING is not "ready")';
if (!keyringReady) console.warn(`pac.test.ts keychain tests skipped: ${keyringReason}`);

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
const VIA_PROXY = 'koodrive-via-pac-proxy.invalid';
const VIA_OTHER = 'koodrive-via-other-proxy.invalid';
const USER = 'corp\\alice';
const PASSWORD = `PACPROXYCANARY-${randomBytes(6).toString('hex')}`;

let ca: TestCa;
let sandbox: RunningSandbox;
let proxy: ConnectProxy;
let other: ConnectProxy;
let pacServer: LocalServer;
let dir: string;
let data: string;
let home: string;

const port = () => new URL(sandbox.url).port;
const proxyPort = (target: ConnectProxy) => new URL(target.url).port;
const pacFile = () => path.join(dir, 'corp.pac');
const pacUrl = (file: string) => `http://127.0.0.1:${pacServer.port}/${file}`;

function pacScript(): string {
  return `function FindProxyForURL(url, host) {
  alert("evaluating " + host);
  if (host === "${VIA_PROXY}") return "SOCKS5 127.0.0.1:1; PROXY 127.0.0.1:${proxyPort(proxy)}";
  if (host === "${VIA_OTHER}") return "PROXY 127.0.0.1:${proxyPort(other)}";
  return "DIRECT";
}
`;
}

function leakForms(): string[] {
  return [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64'), Buffer.from(PASSWORD).toString('hex')];
}

function expectNoLeak(text: string): void {
  for (const form of leakForms()) expect(text).not.toContain(form);
}

async function expectNoLeakInFiles(root: string): Promise<void> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile())) {
    expectNoLeak((await fs.readFile(path.join(entry.parentPath, entry.name))).toString('latin1'));
  }
}

/** The built CLI with standard input given (runBuiltCli closes it). */
function runWithInput(args: string[], env: NodeJS.ProcessEnv, input: string): Promise<CliRun> {
  return new Promise<CliRun>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

const env = (extra: Record<string, string> = {}) =>
  cleanEnv({ HOME: home, KOODRIVE_LOCK_ADMIN_DATA_DIR: data, KOODRIVE_TOKEN: sandbox.credentials.token, ...extra });

async function cli(args: string[], extra: Record<string, string> = {}): Promise<CliRun> {
  const run = await runBuiltCli(args, env(extra));
  expectNoLeak(run.stdout + run.stderr);
  return run;
}

async function addProfile(name: string, host: string): Promise<void> {
  const baseUrl = `https://${host}:${port()}`;
  const run = await cli([
    'profile',
    'add',
    '--name',
    name,
    '--base-url',
    baseUrl,
    '--auth',
    'bearer',
    '--user-id',
    sandbox.credentials.userId,
    '--ca-file',
    path.join(dir, 'ca.pem'),
  ]);
  expect(run.code, run.stderr).toBe(0);
}

async function storeProxyPassword(profile: string, forProxy: ConnectProxy): Promise<void> {
  const args = ['profile', 'proxy-password', profile, '--user', USER, '--proxy', forProxy.url];
  const run = await runWithInput(args, env(), `${PASSWORD}\n`);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(`Stored the proxy password of ${USER} for ${forProxy.url}`);
  expectNoLeak(run.stdout + run.stderr);
}

beforeAll(async () => {
  ca = await createTestCa();
  const leaf = await ca.issue({ dnsNames: ['localhost', VIA_PROXY, VIA_OTHER], ips: ['127.0.0.1', '::1'] });
  sandbox = await startSandbox({ certificate: leaf, seedLocks: 0 });
  const hosts = { [VIA_PROXY]: '127.0.0.1', [VIA_OTHER]: '127.0.0.1' };
  proxy = await startConnectProxy({ hosts, credentials: { user: USER, password: PASSWORD } });
  other = await startConnectProxy({ hosts, credentials: { user: USER, password: PASSWORD } });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-pac-'));
  await fs.writeFile(path.join(dir, 'ca.pem'), ca.certPem);
  await fs.writeFile(pacFile(), pacScript());
  pacServer = await startHttpServer((req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url !== '/proxy.pac') {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(pacScript());
  });
});

afterAll(async () => {
  await proxy?.close();
  await other?.close();
  await pacServer?.close();
  await sandbox?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  for (const target of [proxy, other]) {
    target.connects.length = 0;
    target.authentications.length = 0;
  }
  data = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-pac-data-'));
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-pac-home-'));
});

afterEach(async () => {
  await expectNoLeakInFiles(data);
  await expectNoLeakInFiles(home);
  await fs.rm(data, { recursive: true, force: true });
  await fs.rm(home, { recursive: true, force: true });
});

describe('a PAC that is not usable is refused before anything is sent (exit 2)', () => {
  const releaseWith = async (script: string) => {
    const file = path.join(dir, `bad-${randomBytes(4).toString('hex')}.pac`);
    await fs.writeFile(file, script);
    const lockId = sandbox.addLock();
    const args = ['release', '--base-url', `https://localhost:${port()}`, '--user-id', sandbox.credentials.userId];
    const run = await cli([...args, '--auth', 'bearer', '--ca-file', path.join(dir, 'ca.pem'), '--pac', file, lockId]);
    return { run, lockId, file };
  };

  it('a syntax error names the PAC and the error', async () => {
    const { run, lockId, file } = await releaseWith('function FindProxyForURL(url, host) { return "DIRECT" ');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The PAC file ${file} is not valid JavaScript`);
    expect(run.stderr).toContain('Nothing was sent.');
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('a PAC without FindProxyForURL', async () => {
    const { run, lockId, file } = await releaseWith('var proxy = "PROXY 127.0.0.1:1";');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The PAC file ${file} does not define FindProxyForURL(url, host).`);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });

  it('a PAC that throws for the host, or names only SOCKS', async () => {
    const throwing = await releaseWith('function FindProxyForURL(url, host) { throw new Error("no route"); }');
    expect(throwing.run.code).toBe(2);
    expect(throwing.run.stderr).toContain('could not be evaluated for localhost');
    expect(throwing.run.stderr).toContain('no route');
    const socks = await releaseWith('function FindProxyForURL(url, host) { return "SOCKS5 127.0.0.1:1080"; }');
    expect(socks.run.code).toBe(2);
    expect(socks.run.stderr).toContain('none of it can be used');
    expect(sandbox.activeLockIds()).toContain(socks.lockId);
  });

  it('a PAC URL that cannot be fetched', async () => {
    const lockId = sandbox.addLock();
    const args = ['release', '--base-url', `https://localhost:${port()}`, '--user-id', sandbox.credentials.userId];
    const run = await cli([...args, '--auth', 'bearer', '--ca-file', path.join(dir, 'ca.pem'), lockId], {
      KOODRIVE_PAC: pacUrl('missing.pac'),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The PAC file ${pacUrl('missing.pac')} could not be fetched: HTTP 404.`);
    expect(sandbox.activeLockIds()).toContain(lockId);
  });
});

describe('a PAC from a URL (KOODRIVE_PAC) choosing DIRECT', () => {
  it('releases directly; the proxy sees nothing; --verbose says why, and alert() prints nothing on stdout', async () => {
    const lockId = sandbox.addLock();
    const args = ['release', '--base-url', `https://localhost:${port()}`, '--user-id', sandbox.credentials.userId];
    const run = await cli(
      [...args, '--auth', 'bearer', '--ca-file', path.join(dir, 'ca.pem'), '--verbose', '--json', lockId],
      {
        KOODRIVE_PAC: pacUrl('proxy.pac'),
        HTTPS_PROXY: other.url,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`direct (no proxy) (PAC file ${pacUrl('proxy.pac')}: DIRECT)`);
    expect(run.stdout).not.toContain('evaluating');
    expect(JSON.parse(run.stdout.trim())).toMatchObject({ ok: true, kind: 'success' });
    expect(proxy.connects).toEqual([]);
    expect(other.connects).toEqual([]);
    expect(sandbox.activeLockIds()).not.toContain(lockId);
  });
});

describe.skipIf(!keyringReady)(
  'a PAC choosing the authenticating proxy, with the proxy password in the keychain',
  () => {
    it('one host through the proxy with the stored password, another direct, by one PAC file', async () => {
      await addProfile('corp', VIA_PROXY);
      await addProfile('local', 'localhost');
      await storeProxyPassword('corp', proxy);

      const viaProxy = sandbox.addLock();
      const run = await cli(['release', '--profile', 'corp', '--pac', pacFile(), '--verbose', viaProxy]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        `via the proxy ${proxy.url} (PAC file ${pacFile()}: PROXY 127.0.0.1:${proxyPort(proxy)}; PAC file ${pacFile()}: skipped SOCKS5 127.0.0.1:1 (SOCKS is not supported)), with the proxy password stored for this profile`,
      );
      expect(proxy.connects).toEqual([`${VIA_PROXY}:${port()}`]);
      expect(proxy.authentications).toEqual(['accepted']);
      expect(sandbox.activeLockIds()).not.toContain(viaProxy);

      const direct = sandbox.addLock();
      const local = await cli(['release', '--profile', 'local', '--pac', pacFile(), '--verbose', direct]);
      expect(local.code, local.stderr).toBe(0);
      expect(local.stderr).toContain(`direct (no proxy) (PAC file ${pacFile()}: DIRECT)`);
      expect(proxy.connects).toHaveLength(1);
      expect(sandbox.activeLockIds()).not.toContain(direct);
    });

    it('a password stored for another proxy is not sent: 407, and the remedy says why', async () => {
      await addProfile('elsewhere', VIA_OTHER);
      await storeProxyPassword('elsewhere', proxy);
      const lockId = sandbox.addLock();
      const run = await cli(['release', '--profile', 'elsewhere', '--pac', pacFile(), '--json', lockId]);
      expect(run.code).toBe(2);
      const result = JSON.parse(run.stdout.trim()) as { kind: string; remedy: string; msg: string };
      expect(result.kind).toBe('proxy-auth');
      expect(result.msg).toContain('requires a user name and password, and none were given');
      expect(result.remedy).toContain(
        `The profile's proxy password is stored for ${proxy.url}, but this request went through ${other.url}`,
      );
      expect(other.authentications).toEqual(['missing']);
      expect(other.authorizationHeaders).toEqual([]);
      expect(proxy.connects).toEqual([]);
      expect(sandbox.activeLockIds()).toContain(lockId);
    });

    it('profile remove removes the proxy password too', async () => {
      await addProfile('gone', VIA_PROXY);
      await storeProxyPassword('gone', proxy);
      expect((await cli(['profile', 'remove', 'gone', '--yes'])).code).toBe(0);
      await addProfile('gone', VIA_PROXY);
      const lockId = sandbox.addLock();
      const run = await cli(['release', '--profile', 'gone', '--pac', pacFile(), lockId]);
      expect(run.code).toBe(2);
      expect(proxy.authentications).toEqual(['missing']);
      expect(sandbox.activeLockIds()).toContain(lockId);
    });
  },
);
