// The keytar store on a machine without a usable keychain: real keytar in a child process (a D-Bus connection
// is per process, so this cannot share the test worker), with no DISPLAY and a D-Bus address that leads nowhere.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  ok: boolean;
  value?: unknown;
  name?: string;
  failure?: string;
  message?: string;
}

interface ChildReport {
  label: string;
  set: Outcome;
  get: Outcome;
  delete: Outcome;
}

// Saves, reads and deletes one secret; prints what happened as JSON. The secret comes from the environment.
const CHILD_SCRIPT = `
import { createKeytarStore } from './store.mjs';
const store = createKeytarStore({ service: 'koodrive-lock-admin-no-keychain-test' });
async function attempt(action) {
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    return { ok: false, name: error?.name, failure: error?.failure, message: String(error?.message) };
  }
}
const secret = process.env.KOODRIVE_TEST_SECRET;
const report = { label: store.label };
report.set = await attempt(() => store.set('profile-a', secret));
report.get = await attempt(() => store.get('profile-a'));
report.delete = await attempt(() => store.delete('profile-a'));
console.log(JSON.stringify(report));
`;

let buildDir: string;
let home: string;
let secret: string;

beforeAll(async () => {
  buildDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-nokeychain-build-'));
  // The bundle imports keytar lazily, exactly as the app does; the link lets Node resolve it.
  await fs.symlink(path.join(repo, 'node_modules'), path.join(buildDir, 'node_modules'), 'dir');
  await build({
    configFile: false,
    root: repo,
    logLevel: 'silent',
    build: {
      ssr: path.join(repo, 'electron/core/secrets/keytarStore.ts'),
      outDir: buildDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'store.mjs' } },
    },
  });
  await fs.writeFile(path.join(buildDir, 'child.mjs'), CHILD_SCRIPT);
});

afterAll(async () => {
  await fs.rm(buildDir, { recursive: true, force: true });
});

beforeEach(async () => {
  home = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-nokeychain-home-'));
  await fs.mkdir(path.join(home, 'tmp'));
  await fs.mkdir(path.join(home, 'run'), { mode: 0o700 });
  secret = `nokeychain-secret-${randomBytes(12).toString('hex')}`;
});

afterEach(async () => {
  await fs.rm(home, { recursive: true, force: true });
});

/** A bare environment: nothing from the real session (no DISPLAY, no bus, no real HOME). */
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
    ...extra,
  };
}

async function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildReport> {
  const { stdout } = await run(command, args, { cwd: buildDir, env, timeout: 25_000, maxBuffer: 1024 * 1024 });
  const line = stdout
    .trim()
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .pop();
  if (!line) throw new Error(`child printed no report: ${stdout.slice(0, 500)}`);
  return JSON.parse(line) as ChildReport;
}

/** Every regular file under `dir` whose content contains `needle` (symlinks are not followed). */
async function filesContaining(dir: string, needle: string, depth = 0): Promise<string[]> {
  if (depth > 12) return [];
  const found: string[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...(await filesContaining(full, needle, depth + 1)));
    else if (item.isFile() && (await fs.readFile(full)).includes(needle)) found.push(full);
  }
  return found;
}

function expectUnavailableWithAdvice(outcome: Outcome): void {
  expect(outcome.ok).toBe(false);
  expect(outcome.name).toBe('SecretStoreError');
  expect(outcome.failure).toBe('unavailable');
  expect(outcome.message).toContain('sudo apt install gnome-keyring libsecret-1-0');
  expect(outcome.message).toContain('gnome-keyring-daemon --unlock');
  expect(outcome.message).not.toContain(secret);
}

const linux = process.platform === 'linux';

describe.skipIf(!linux)('keytar store without a keychain (Linux)', () => {
  test('a D-Bus address that leads nowhere: "unavailable" with advice, and the secret is on no disk', async () => {
    const env = bareEnv({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-such-bus')}` });
    const report = await runChild(process.execPath, ['child.mjs'], env);
    expect(report.label).toBe('Secret Service (GNOME Keyring / KWallet)');
    expectUnavailableWithAdvice(report.set);
    expect(report.set.message).toContain('not saved anywhere else');
    expect(report.set.message).toContain('Could not connect');
    expectUnavailableWithAdvice(report.get);
    expectUnavailableWithAdvice(report.delete);
    expect(await filesContaining(home, secret)).toEqual([]);
    expect(await filesContaining(buildDir, secret)).toEqual([]);
  });

  test('no D-Bus session and no $DISPLAY: the message a user on a bare box sees is translated', async () => {
    const report = await runChild(process.execPath, ['child.mjs'], bareEnv());
    expectUnavailableWithAdvice(report.set);
    expect(report.set.message).toContain('Cannot autolaunch D-Bus without X11 $DISPLAY');
    expect(await filesContaining(home, secret)).toEqual([]);
  });

  const haveKeyringTools = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'].every((program) =>
    (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, program))),
  );

  test.skipIf(!haveKeyringTools)('a keyring that was never unlocked: "locked" with unlock advice', async () => {
    // A private bus with a gnome-keyring that has no login collection (no password on stdin), stopped afterwards.
    const script = `
      gnome-keyring-daemon --foreground --components=secrets </dev/null >/dev/null 2>&1 &
      keyring=$!
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
    const report = await runChild(
      'dbus-run-session',
      ['--', 'sh', '-c', script, 'sh', process.execPath, 'child.mjs'],
      bareEnv(),
    );
    expect(report.set.ok).toBe(false);
    expect(report.set.failure).toBe('locked');
    expect(report.set.message).toContain('locked or has no default ("login") collection');
    expect(report.set.message).toContain('gnome-keyring-daemon --unlock');
    expect(report.set.message).not.toContain(secret);
    // Not "absent": the Secret Service has no default collection, so the lookup could not look.
    expect(report.get).toMatchObject({ ok: false, failure: 'locked' });
    expect(report.get.message).toContain('has no default ("login") collection, so it cannot tell');
    expect(await filesContaining(home, secret)).toEqual([]);
  });
});
