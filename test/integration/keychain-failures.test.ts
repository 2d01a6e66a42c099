// Keychain failures as the user meets them, through the IPC handlers (real dispatch, AppServices and keytar)
// and the built CLI (`npx electron-vite build` first). Each case runs in a child process with its own HOME
// and D-Bus situation (test/support/ipcChild.ts), and afterwards the secret must be in no file of that HOME
// or of the data folder. Run through the keyring harness for the cases that need a Secret Service:
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/keychain-failures.test.ts
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, onTestFinished, test } from 'vitest';
import type { IpcResult } from '../../shared/contract';
import type { LockResult } from '../../shared/result';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { loadKeytar } from '../../electron/core/secrets/keytarStore';
import { KEYCHAIN_SERVICE } from '../../electron/core/secrets/secretStore';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import type { ChildOutcome, ChildStep, CliOutcome } from '../support/ipcChild';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(repo, 'test/support/ipcChild.ts');
const CLI = path.join(repo, 'out/main/cli.js');
const REPORT_PREFIX = 'CHILD_REPORT ';

const linux = process.platform === 'linux';
const keyringReady = process.env.KOODRIVE_KEYRING === 'ready';
const keyringReason =
  process.env.KOODRIVE_KEYRING_REASON ??
  'no keyring: run through `node test/support/with-keyring.mjs` (KOODRIVE_KEYRING is not "ready")';
const privateKeyring = keyringReady && process.env.KOODRIVE_USE_SESSION_KEYRING !== '1';
const onPath = (program: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, program)));
const haveKeyringTools = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send', 'gdbus'].every(onPath);
if (!keyringReady) console.warn(`keychain-failures.test.ts: keyring cases skipped: ${keyringReason}`);

let sandbox: RunningSandbox;
let home: string;
let dataDir: string;
let secret: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first.`);
  sandbox = await startSandbox({ seedLocks: 0 });
});

afterAll(async () => {
  await sandbox?.stop();
});

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-keyfail-home-'));
  await fs.mkdir(path.join(home, 'tmp'));
  await fs.mkdir(path.join(home, 'run'), { mode: 0o700 });
  dataDir = path.join(home, 'data');
  secret = `LEAKCANARY-keychain-${randomBytes(12).toString('hex')}`;
});

afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

/** Nothing from the real session: no DISPLAY, no bus (unless given), a private HOME. */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    TMPDIR: path.join(home, 'tmp'),
    XDG_RUNTIME_DIR: path.join(home, 'run'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    KOODRIVE_TEST_SECRET: secret,
    KOODRIVE_CHILD_DATA_DIR: dataDir,
    ...extra,
  };
}

async function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildOutcome[]> {
  const { stdout } = await run(command, args, { cwd: repo, env, timeout: 60_000, maxBuffer: 4 * 1024 * 1024 });
  const line = stdout
    .split('\n')
    .filter((text) => text.startsWith(REPORT_PREFIX))
    .pop();
  if (!line) throw new Error(`the child printed no report: ${stdout.slice(0, 800)}`);
  return JSON.parse(line.slice(REPORT_PREFIX.length)) as ChildOutcome[];
}

function childArgs(): string[] {
  return ['--import', 'tsx', CHILD];
}

function stepsEnv(steps: ChildStep[]): Record<string, string> {
  return { KOODRIVE_CHILD_STEPS: JSON.stringify(steps) };
}

/** Every regular file under `dir` whose content contains `needle` (symlinks are not followed). */
async function filesContaining(dir: string, needle: string, depth = 0): Promise<string[]> {
  if (depth > 16) return [];
  const found: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...(await filesContaining(full, needle, depth + 1)));
    else if (item.isFile() && (await fs.readFile(full).catch(() => Buffer.alloc(0))).includes(needle)) {
      found.push(full);
    }
  }
  return found;
}

function ipcError(outcome: ChildOutcome | undefined): { code: string; message: string } {
  if (!outcome || !('result' in outcome)) throw new Error(`expected an IPC result, got ${JSON.stringify(outcome)}`);
  const result = outcome.result as IpcResult<unknown>;
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function ipcValue<T>(outcome: ChildOutcome | undefined): T {
  if (!outcome || !('result' in outcome)) throw new Error(`expected an IPC result, got ${JSON.stringify(outcome)}`);
  const result = outcome.result as IpcResult<T>;
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function cliOf(outcome: ChildOutcome | undefined): CliOutcome {
  if (!outcome || !('cli' in outcome)) throw new Error(`expected a CLI run, got ${JSON.stringify(outcome)}`);
  return outcome.cli;
}

const profileArg = () => ({
  name: PROFILE_NAME,
  baseUrl: sandbox.url,
  userId: sandbox.credentials.userId,
  authMode: 'bearer',
  moduleCode: '102',
});
const PROFILE_ID = 'keychain-test';
const PROFILE_NAME = 'Keychain test';

async function expectNoSecretOnDisk(): Promise<void> {
  expect(await filesContaining(home, secret)).toEqual([]);
  expect(await filesContaining(dataDir, secret)).toEqual([]);
}

describe.skipIf(!linux)('no Secret Service (the D-Bus address leads nowhere)', () => {
  test('IPC: keychain-unavailable with install/start advice; release sends nothing; the CLI exits 2 with the same advice', async () => {
    const lockId = sandbox.addLock();
    const before = sandbox.received().length;
    const steps: ChildStep[] = [
      { call: 'saveProfile', arg: profileArg() },
      { call: 'setSecret', arg: { profileId: PROFILE_ID, secret: '<<SECRET>>' } },
      { call: 'secretStatus', arg: { profileId: PROFILE_ID } },
      { call: 'releaseLock', arg: { profileId: PROFILE_ID, lockId } },
      { cli: ['secret', 'set', '--profile', PROFILE_NAME], stdin: '<<SECRET>>\n' },
      { cli: ['release', '--profile', PROFILE_NAME, lockId] },
      { cli: ['secret', 'status', '--profile', PROFILE_NAME, '--json'] },
    ];
    const outcomes = await runChild(
      process.execPath,
      childArgs(),
      bareEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-such-bus')}`, ...stepsEnv(steps) }),
    );
    expect(ipcValue<{ id: string }>(outcomes[0]).id).toBe(PROFILE_ID);
    // secretStatus answers the state (the badge says "No keychain available"); saving and releasing fail.
    expect(ipcValue(outcomes[2])).toMatchObject({ stored: false, keychain: 'unavailable' });
    for (const index of [1, 3]) {
      const error = ipcError(outcomes[index]);
      expect(error.code, steps[index] && JSON.stringify(steps[index])).toBe('keychain-unavailable');
      expect(error.message).toContain('is not available');
      expect(error.message).toContain('sudo apt install gnome-keyring libsecret-1-0');
      expect(error.message).toContain('gnome-keyring-daemon --unlock');
      expect(error.message).not.toContain(secret);
    }
    expect(ipcError(outcomes[1]).message).toContain('The secret was not saved anywhere else.');

    for (const index of [4, 5, 6]) {
      const cli = cliOf(outcomes[index]);
      expect(cli.code, cli.stderr).toBe(2);
      expect(cli.stderr).toContain('is not available');
      expect(cli.stderr).toContain('sudo apt install gnome-keyring libsecret-1-0');
      expect(cli.stdout + cli.stderr).not.toContain(secret);
    }
    // Nothing reached the server and the lock is still held.
    expect(sandbox.received().length).toBe(before);
    expect(sandbox.activeLockIds()).toContain(lockId);
    // No audit entry either: the request was never prepared.
    expect(await fs.readFile(path.join(dataDir, 'audit.jsonl'), 'utf8').catch(() => '')).toBe('');
    await expectNoSecretOnDisk();
  });
});

describe.skipIf(!linux || !keyringReady || !haveKeyringTools)(
  keyringReady ? 'a locked keyring' : `a locked keyring (skipped: ${keyringReason})`,
  () => {
    // A private bus and gnome-keyring (unlocked with a password on stdin), in the child's own HOME; the child
    // stores the secret, locks the login collection over D-Bus, then tries again. No GUI prompt can appear.
    const SESSION_SCRIPT = `
      printf '%s\\n' "$KOODRIVE_KEYRING_PASSWORD" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
      keyring=$!
      unset KOODRIVE_KEYRING_PASSWORD
      tries=0
      until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
        org.freedesktop.DBus.GetNameOwner string:org.freedesktop.secrets >/dev/null 2>&1; do
        tries=$((tries + 1)); [ "$tries" -ge 50 ] && break; sleep 0.1
      done
      "$@"
      status=$?
      kill "$keyring" 2>/dev/null
      wait "$keyring" 2>/dev/null
      exit $status`;

    test('saving: keychain-unavailable "is locked" with unlock advice; reading: locked, not absent, nothing sent; the CLI exits 2', async () => {
      const lockId = sandbox.addLock();
      const before = sandbox.received().length;
      const steps: ChildStep[] = [
        { call: 'saveProfile', arg: profileArg() },
        { call: 'setSecret', arg: { profileId: PROFILE_ID, secret: '<<SECRET>>' } },
        { call: 'secretStatus', arg: { profileId: PROFILE_ID } },
        { lockKeyring: true },
        { call: 'setSecret', arg: { profileId: PROFILE_ID, secret: '<<SECRET>>-new' } },
        { call: 'secretStatus', arg: { profileId: PROFILE_ID } },
        { call: 'releaseLock', arg: { profileId: PROFILE_ID, lockId } },
        { cli: ['secret', 'set', '--profile', PROFILE_NAME], stdin: '<<SECRET>>-cli\n' },
        { cli: ['release', '--profile', PROFILE_NAME, lockId] },
      ];
      const outcomes = await runChild(
        'dbus-run-session',
        ['--', 'sh', '-c', SESSION_SCRIPT, 'sh', process.execPath, ...childArgs()],
        bareEnv({ KOODRIVE_KEYRING_PASSWORD: randomBytes(12).toString('hex'), ...stepsEnv(steps) }),
      );
      // Unlocked: the secret is stored in the keyring.
      expect(ipcValue(outcomes[1])).toMatchObject({ stored: true });
      expect(ipcValue(outcomes[2])).toMatchObject({ stored: true });
      expect(outcomes[3]).toMatchObject({
        lockKeyring: expect.stringContaining('/org/freedesktop/secrets/collection/login'),
      });

      // Locked: saving fails with the "locked" advice.
      const saveError = ipcError(outcomes[4]);
      expect(saveError.code).toBe('keychain-unavailable');
      expect(saveError.message).toContain('is locked');
      expect(saveError.message).toContain('unlock or create the login keyring');
      expect(saveError.message).toContain('The secret was not saved anywhere else.');
      expect(saveError.message).not.toContain(secret);

      // libsecret reports a locked item as missing (no prompt can be shown); the Secret Service's Locked property
      // tells it apart (docs/security.md#a-locked-keychain): the app says the keychain is locked and sends nothing.
      expect(ipcValue(outcomes[5])).toMatchObject({ stored: false, keychain: 'locked' });
      const releaseError = ipcError(outcomes[6]);
      expect(releaseError.code).toBe('keychain-unavailable');
      expect(releaseError.message).toContain('is locked, so it cannot tell whether a secret is stored');
      expect(releaseError.message).not.toMatch(/No access token is stored/);

      const cliSet = cliOf(outcomes[7]);
      expect(cliSet.code).toBe(2);
      expect(cliSet.stderr).toContain('is locked');
      const cliRelease = cliOf(outcomes[8]);
      expect(cliRelease.code).toBe(2);
      expect(cliRelease.stderr).toContain('is locked, so the access token of profile "Keychain test" cannot be read');
      expect(cliRelease.stderr).not.toContain('No access token is stored');
      for (const index of [7, 8])
        expect(cliOf(outcomes[index]).stdout + cliOf(outcomes[index]).stderr).not.toContain(secret);

      expect(sandbox.received().length).toBe(before);
      expect(sandbox.activeLockIds()).toContain(lockId);
      // The keyring file is encrypted: the secret appears in no file in HOME (keyring included) or the data folder.
      expect(existsSync(path.join(home, '.local', 'share', 'keyrings', 'login.keyring'))).toBe(true);
      await expectNoSecretOnDisk();
    });
  },
);

describe.skipIf(!keyringReady)(
  keyringReady
    ? 'an entry deleted behind the app’s back'
    : `an entry deleted behind the app’s back (skipped: ${keyringReason})`,
  () => {
    let services: AppServices;
    const profileId = `deleted-${randomBytes(4).toString('hex')}`;

    beforeEach(() => {
      services = createAppServices({ dataDir, env: {} });
    });

    afterEach(async () => {
      await services.secrets.delete(profileId).catch(() => false);
      await services.dispose();
    });

    test('IPC release: the "no secret stored" error, nothing sent; secretStatus says not stored; the CLI exits 2', async () => {
      // A sandbox of its own whose token is the recognisable secret, so the file scan looks for the real thing.
      const sandbox = await startSandbox({ seedLocks: 0, credentials: { token: secret } });
      onTestFinished(() => sandbox.stop());
      const handlers = createHandlers(services);
      const saved = await dispatch(handlers, 'saveProfile', {
        name: profileId,
        baseUrl: sandbox.url,
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
      });
      expect(saved).toMatchObject({ ok: true, value: { id: profileId } });
      expect(await dispatch(handlers, 'setSecret', { profileId, secret })).toMatchObject({ ok: true });

      const lockId = sandbox.addLock();
      // The entry works: a first release succeeds.
      const first = await dispatch(handlers, 'releaseLock', { profileId, lockId });
      expect(first).toMatchObject({ ok: true, value: { ok: true, kind: 'success' } });

      // Deleted with keytar directly, as Seahorse or `secret-tool clear` would.
      const keytar = await loadKeytar();
      expect(await keytar.deletePassword(KEYCHAIN_SERVICE, profileId)).toBe(true);

      const second = sandbox.addLock();
      const before = sandbox.received().length;
      const result = await dispatch(handlers, 'releaseLock', { profileId, lockId: second });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('not-found');
        expect(result.error.message).toContain(`No access token is stored for the profile "${profileId}"`);
        expect(result.error.message).toContain('paste the access token and save it');
      }
      expect(await dispatch(handlers, 'secretStatus', { profileId })).toMatchObject({
        ok: true,
        value: { stored: false },
      });
      expect(sandbox.received().length).toBe(before);
      expect(sandbox.activeLockIds()).toContain(second);

      const env: NodeJS.ProcessEnv = { ...process.env, KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir };
      delete env.KOODRIVE_TOKEN;
      delete env.KOODRIVE_APP_SECRET;
      const cli = await run(process.execPath, [CLI, 'release', '--profile', profileId, second], { env }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code?: number; stderr?: string }) => ({ code: error.code ?? -1, stderr: error.stderr ?? '' }),
      );
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain(`No access token is stored for profile "${profileId}"`);
      expect(cli.stderr).toContain(`koodrive-lock secret set --profile ${profileId}`);

      // One audit pair for the first release; none for the refused second one.
      const audit = (await fs.readFile(path.join(dataDir, 'audit.jsonl'), 'utf8')).trim().split('\n');
      expect(audit).toHaveLength(2);
      expect(await filesContaining(dataDir, secret)).toEqual([]);
      if (privateKeyring && process.env.HOME) expect(await filesContaining(process.env.HOME, secret)).toEqual([]);
      const value: LockResult | null = first.ok ? (first.value as LockResult) : null;
      expect(JSON.stringify(value)).not.toContain(secret);
    });
  },
);
