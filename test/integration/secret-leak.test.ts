// Proof that the secret does not leak: recognisable secrets ("LEAKCANARY-...") for bearer and for app mode go
// through every feature (profiles, secrets, release/renew/create with success and failure, batch, history
// query and export, diagnostics, the embedded sandbox, the built CLI with --verbose and --json, CLI history),
// and then they must appear nowhere: not in any IPC result, any file under the data folder or the temporary
// HOME, any log line or CLI output, or the CSV export. The HMAC signatures of the requests that were sent must
// not appear in any IPC result either. Keychain: the real one under the harness, else the in-memory store.
//   npx electron-vite build && node test/support/with-keyring.mjs npx vitest run --project integration test/integration/secret-leak.test.ts
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MethodName } from '../../shared/contract';
import type { Profile } from '../../shared/profile';
import type { LockResult } from '../../shared/result';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import type { HttpRequest, Transport } from '../../electron/core/koodrive/transport';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { createKeytarStore } from '../../electron/core/secrets/keytarStore';
import { createMemorySecretStore } from '../../electron/core/secrets/memorySecretStore';
import type { SecretStore } from '../../electron/core/secrets/secretStore';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { handleFatalErrors } from '../../electron/main/fatalErrors';
import { MAIN_LOG_FILE, type MainLog, createMainLog, mirrorConsole } from '../../electron/main/mainLog';

const repo = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(repo, 'out/main/cli.js');
const keyringReady = process.env.KOODRIVE_KEYRING === 'ready';
const privateKeyring = keyringReady && process.env.KOODRIVE_USE_SESSION_KEYRING !== '1';
if (!keyringReady) console.warn('secret-leak.test.ts: no keyring; the in-memory store stands in for the keychain');

const TOKEN = `LEAKCANARY-bearer-${randomBytes(12).toString('hex')}`;
const APP_SECRET = `LEAKCANARY-app-${randomBytes(12).toString('hex')}`;
const SECRETS = [TOKEN, APP_SECRET];
/** The secrets as they could appear if something encoded them. */
const NEEDLES = SECRETS.flatMap((secret) => [
  secret,
  Buffer.from(secret).toString('base64'),
  Buffer.from(secret).toString('hex'),
  encodeURIComponent(secret),
]);

let sandbox: RunningSandbox;
let root: string;
let dataDir: string;
let home: string;
let secrets: SecretStore;
let services: AppServices;
let handlers: ReturnType<typeof createHandlers>;
/** The main process's log in the data folder, fed as main feeds it: console output and uncaught errors. */
let mainLog: MainLog;
let restoreConsole: () => void = () => undefined;
const transport = createHttpTransport();
/** Every Authorization header the app sent: the bearer token, or the HMAC signature line. */
const sentAuthorizations: string[] = [];
const recording: Transport = (request: HttpRequest) => {
  const entry = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'authorization');
  if (entry) sentAuthorizations.push(entry[1]);
  return transport(request);
};

/** Every IPC result, as the renderer would receive it. */
const ipcResults: Array<{ method: string; json: string }> = [];
/** Every CLI run's output, every console line. */
const transcripts: string[] = [];
const consoleLines: string[] = [];
const exportedCsv: string[] = [];
const usedProfileIds = new Set<string>();
/** A lock left behind by another client, on a module the tests never create locks for (so no conflict). */
const stuckLock = () => sandbox.addLock('555');

async function call(method: MethodName | string, arg?: unknown) {
  const result = await dispatch(handlers, method, arg);
  ipcResults.push({ method: String(method), json: JSON.stringify(result) });
  return result;
}

async function value<T>(method: MethodName, arg?: unknown): Promise<T> {
  const result = await call(method, arg);
  if (!result.ok) throw new Error(`${method}: expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !['KOODRIVE_TOKEN', 'KOODRIVE_APP_SECRET'].includes(name)),
    );
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        ...inherited,
        ...(privateKeyring ? {} : { HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') }),
        KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir,
        ...env,
      },
      stdio: 'pipe',
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (out += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      transcripts.push(out);
      resolve({ code, out });
    });
    child.stdin.end('y\n');
  });
}

/** Every regular file under `dir` (symlinks not followed), read as bytes. */
async function filesWith(dir: string, needles: readonly string[], depth = 0): Promise<string[]> {
  if (depth > 16) return [];
  const found: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...(await filesWith(full, needles, depth + 1)));
    else if (item.isFile()) {
      const bytes = await fs.readFile(full).catch(() => Buffer.alloc(0));
      for (const needle of needles) if (bytes.includes(needle)) found.push(`${full} contains ${needle.slice(0, 24)}…`);
    }
  }
  return found;
}

function hits(texts: readonly string[], needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const needle of needles)
      if (text.includes(needle)) found.push(`${needle.slice(0, 24)}… in ${text.slice(0, 160)}`);
  }
  return found;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first.`);
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-leak-'));
  dataDir = path.join(root, 'data');
  home = privateKeyring && process.env.HOME ? process.env.HOME : path.join(root, 'home');
  await fs.mkdir(home, { recursive: true });
  sandbox = await startSandbox({ seedLocks: 0, credentials: { token: TOKEN, appSecret: APP_SECRET } });
  secrets = keyringReady ? createKeytarStore() : createMemorySecretStore();
  services = createAppServices({ dataDir, secrets, transport: recording, env: {} });
  handlers = createHandlers(services);
  mainLog = createMainLog(dataDir);
  restoreConsole = mirrorConsole(mainLog);
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      original(...args);
    });
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  restoreConsole();
  for (const id of usedProfileIds) await secrets?.delete(id).catch(() => false);
  await services?.dispose();
  transport.close();
  await sandbox?.stop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe('every feature, with recognisable secrets', () => {
  let bearer: Profile;
  let app: Profile;

  it('profiles and secrets', async () => {
    await value('listProfiles');
    const suffix = randomBytes(3).toString('hex');
    bearer = await value<Profile>('saveProfile', {
      name: `Leak bearer ${suffix}`,
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
    });
    app = await value<Profile>('saveProfile', {
      name: `Leak app ${suffix}`,
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'app',
      appId: sandbox.credentials.appId,
      moduleCode: '101',
    });
    usedProfileIds.add(bearer.id).add(app.id);
    expect(await value('setSecret', { profileId: bearer.id, secret: TOKEN })).toMatchObject({ stored: true });
    expect(await value('setSecret', { profileId: app.id, secret: APP_SECRET })).toMatchObject({ stored: true });
    await value('secretStatus', { profileId: bearer.id });
    await value('secretStatus', { profileId: app.id });
    // A profile saved again keeps its secret in the keychain only.
    const { secretCleared, ...appInput } = app as Profile & { secretCleared?: boolean };
    expect(secretCleared).toBe(false);
    await value('saveProfile', { ...appInput, name: `${app.name} (edited)` });
    await value('listProfiles');
  });

  it('release, renew and create: success and failure, in both modes', async () => {
    for (const profile of [bearer, app]) {
      const created = await value<LockResult>('createLock', { profileId: profile.id });
      expect(created).toMatchObject({ ok: true, kind: 'success' });
      expect(await value<LockResult>('renewLock', { profileId: profile.id, lockId: created.lockId })).toMatchObject({
        ok: true,
      });
      expect(
        await value<LockResult>('releaseLock', { profileId: profile.id, lockId: created.lockId, requestTag: 'leak-1' }),
      ).toMatchObject({ ok: true });
      // Already released: a KooDrive error answer.
      expect(await value<LockResult>('releaseLock', { profileId: profile.id, lockId: created.lockId })).toMatchObject({
        ok: false,
        kind: 'not-found',
      });
      // Conflict on create, clock rejection, server faults, throttling, a broken connection.
      await value('createLock', { profileId: profile.id, moduleCode: '100' });
      await value('createLock', { profileId: profile.id, moduleCode: '100' });
      await value('releaseLock', { profileId: profile.id, lockId: stuckLock(), clockOffsetMs: 3_600_000 });
      for (const fault of [
        { kind: 'status', status: 500 },
        { kind: 'status', status: 401 },
        { kind: 'status', status: 429, retryAfterSeconds: 3 },
        { kind: 'html' },
        { kind: 'reset' },
      ] as const) {
        sandbox.setFault(fault, 1);
        await value('releaseLock', { profileId: profile.id, lockId: stuckLock() });
      }
      // Refused before sending: a bad lock ID, a bad argument, an unknown profile.
      await value('releaseLock', { profileId: profile.id, lockId: 'two ids@1' });
      await call('releaseLock', { profileId: profile.id, lockId: 'a\r\nAuthorization: x' });
      await call('releaseLock', { profileId: 'no-such-profile', lockId: 'a@1' });
      await value('cancelRequest', { requestTag: 'leak-1' });
    }
    // A wrong token stored: the server's rejection must not echo anything secret back.
    const wrong = await value<Profile>('saveProfile', {
      name: `Leak wrong ${randomBytes(3).toString('hex')}`,
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
    });
    usedProfileIds.add(wrong.id);
    await value('setSecret', { profileId: wrong.id, secret: `${TOKEN}-wrong` });
    expect(await value<LockResult>('releaseLock', { profileId: wrong.id, lockId: stuckLock() })).toMatchObject({
      kind: 'auth',
    });
    await value('deleteProfile', { profileId: wrong.id });
    expect(sentAuthorizations.some((header) => header.includes('Signature='))).toBe(true);
  });

  it('batch', async () => {
    for (const profile of [bearer, app]) {
      const lockIds = [stuckLock(), stuckLock(), 'unknown-lock@102', stuckLock()];
      const rows = lockIds.map((lockId) => ({ lockId, userId: sandbox.credentials.userId }));
      const started = await call('startBatch', { profileId: profile.id, rows, concurrency: 2 });
      expect(started.ok, started.ok ? '' : started.error.message).toBe(true);
      if (!started.ok) continue;
      const { batchId } = started.value as { batchId: string };
      let finished = false;
      for (let waited = 0; waited < 10_000 && !finished; waited += 50) {
        const status = await value<{ finished: boolean }>('batchStatus', { batchId, since: 0 });
        finished = status.finished;
        if (!finished) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(finished).toBe(true);
      await value('cancelBatch', { batchId });
    }
  });

  it('history: query and CSV export', async () => {
    const page = await value<{ total: number }>('queryHistory', { filter: {}, offset: 0, limit: 1000 });
    expect(page.total).toBeGreaterThan(10);
    await value('queryHistory', { filter: { profile: bearer.id, outcome: 'failed' }, offset: 0, limit: 50 });
    const exported = await value<{ csv: string; rows: number }>('exportHistory', { filter: {} });
    expect(exported.rows).toBeGreaterThan(10);
    exportedCsv.push(exported.csv);
    await fs.writeFile(path.join(dataDir, 'history-export.csv'), exported.csv);
  });

  it('diagnostics: request preview, clock check, connection check', async () => {
    for (const profile of [bearer, app]) {
      for (const operation of ['release', 'renew', 'create'] as const) {
        const preview = await value<{ curl: string; headers: Record<string, string> }>('previewRequest', {
          profileId: profile.id,
          operation,
          ...(operation === 'create' ? {} : { lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102' }),
        });
        expect(preview.curl.length).toBeGreaterThan(0);
      }
      await value('checkClock', { profileId: profile.id });
      await value('checkConnection', { profileId: profile.id });
    }
  });

  it('the embedded sandbox', async () => {
    await value('startSandbox');
    await value('sandboxStatus');
    await value('stopSandbox');
  });

  it('the CLI: release with --verbose and --json, in both modes; history', async () => {
    const flags = ['--base-url', sandbox.url, '--user-id', sandbox.credentials.userId];
    const appFlags = ['--auth', 'app', '--app-id', sandbox.credentials.appId];
    let run = await cli(['release', '--verbose', ...flags, '--auth', 'bearer', stuckLock()], {
      KOODRIVE_TOKEN: TOKEN,
    });
    expect(run.code, run.out).toBe(0);
    run = await cli(['release', '--verbose', '--json', ...flags, ...appFlags, stuckLock()], {
      KOODRIVE_APP_SECRET: APP_SECRET,
    });
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('Signature=<redacted>');
    run = await cli(['release', '--verbose', ...flags, ...appFlags, 'unknown-lock@102'], {
      KOODRIVE_APP_SECRET: APP_SECRET,
    });
    expect(run.code).toBe(1);
    run = await cli(['renew', '--json', ...flags, '--auth', 'bearer', 'unknown-lock@102'], { KOODRIVE_TOKEN: TOKEN });
    expect(run.code).toBe(1);
    run = await cli(['create', '--verbose', '--json', ...flags, ...appFlags, '--module', '100'], {
      KOODRIVE_APP_SECRET: APP_SECRET,
    });
    expect([0, 1]).toContain(run.code);
    if (keyringReady) {
      // The saved profiles, with the secrets from the keychain.
      run = await cli(['release', '--verbose', '--profile', bearer.name, stuckLock()]);
      expect(run.code, run.out).toBe(0);
      run = await cli([
        'release',
        '--verbose',
        '--json',
        '--profile',
        `${app.name} (edited)`,
        stuckLock(),
        stuckLock(),
        '--yes',
      ]);
      expect(run.code, run.out).toBe(0);
      run = await cli(['secret', 'status', '--profile', `${app.name} (edited)`]);
      expect(run.code).toBe(0);
    }
    run = await cli(['history', '--limit', '1000']);
    expect(run.code, run.out).toBe(0);
    run = await cli(['history', '--json', '--limit', '1000']);
    expect(run.code, run.out).toBe(0);
    run = await cli(['profile', 'list', '--json']);
    expect(run.code).toBe(0);
    // The audit log written by all of the above (app and CLI) chains intact; its output is searched too.
    run = await cli(['audit', 'verify', '--json']);
    expect(run.code, run.out).toBe(0);
    for (const transcript of transcripts) expect(transcript).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});

describe('the main-process log', () => {
  it('gets what main would write: console output and every failure as an uncaught error', () => {
    const process = new EventEmitter();
    handleFatalErrors({ log: mainLog, showErrorBox: () => undefined, process: process as never });
    const failures = ipcResults.flatMap((result) => {
      const parsed = JSON.parse(result.json) as { ok: boolean; error?: { message: string } };
      return parsed.ok || !parsed.error ? [] : [parsed.error.message];
    });
    expect(failures.length).toBeGreaterThanOrEqual(3);
    for (const message of failures) process.emit('unhandledRejection', new Error(message));
    console.warn('secret-leak: a console line from main');
  });
});

describe('then the secrets are nowhere', () => {
  it('not in any IPC result, and no request signature is in one either', () => {
    expect(ipcResults.length).toBeGreaterThan(60);
    expect(
      hits(
        ipcResults.map((result) => result.json),
        NEEDLES,
      ),
    ).toEqual([]);
    const signatures = sentAuthorizations.flatMap((header) => /Signature=([0-9a-f]{64})/.exec(header)?.[1] ?? []);
    expect(signatures.length).toBeGreaterThan(5);
    expect(
      hits(
        ipcResults.map((result) => result.json),
        signatures,
      ),
    ).toEqual([]);
  });

  it('not in the main-process log (main.log in the data folder)', async () => {
    const text = await fs.readFile(path.join(dataDir, MAIN_LOG_FILE), 'utf8');
    expect(text).toMatch(/ERROR Unhandled promise rejection: /);
    expect(text).toMatch(/WARN secret-leak: a console line from main/);
    expect(hits([text], NEEDLES)).toEqual([]);
  });

  it('not in any file under the data folder or the temporary HOME (binary-safe)', async () => {
    const files = await fs.readdir(dataDir, { recursive: true });
    expect(files).toEqual(expect.arrayContaining(['profiles.json', 'audit.jsonl', 'history-export.csv']));
    expect(await filesWith(dataDir, NEEDLES)).toEqual([]);
    expect(await filesWith(home, NEEDLES)).toEqual([]);
  });

  it('not in the CSV export, the CLI output or any console line', () => {
    expect(exportedCsv.join('').length).toBeGreaterThan(0);
    expect(hits(exportedCsv, NEEDLES)).toEqual([]);
    expect(transcripts.length).toBeGreaterThanOrEqual(8);
    expect(hits(transcripts, NEEDLES)).toEqual([]);
    expect(hits(consoleLines, NEEDLES)).toEqual([]);
  });

  it('the check itself works: the secrets were really sent, so a leak would have been seen', () => {
    expect(sentAuthorizations).toContain(`Bearer ${TOKEN}`);
    expect(hits([JSON.stringify(sentAuthorizations)], [TOKEN])).toHaveLength(1);
  });

  it('the file scan finds a planted secret, even encoded and inside binary data', async () => {
    const planted = path.join(root, 'planted');
    await fs.mkdir(path.join(planted, 'deep', 'er'), { recursive: true });
    const bytes = Buffer.concat([
      randomBytes(64),
      Buffer.from(Buffer.from(APP_SECRET).toString('base64')),
      randomBytes(64),
    ]);
    await fs.writeFile(path.join(planted, 'deep', 'er', 'blob.bin'), bytes);
    expect(await filesWith(planted, NEEDLES)).toHaveLength(1);
  });
});
