/**
 * A GNOME Keyring of the test's own, on a D-Bus session bus of its own, whose password the test knows, so it can
 * be locked (Secret Service `Lock`) and unlocked again (`gnome-keyring-daemon --replace --unlock` with that
 * password). with-keyring.mjs's keyring cannot be used for this: its password is forgotten once it is unlocked,
 * and locking it would lock it for every later test of the run. Programs that should use this keyring are
 * started with `env`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const NEEDED = ['dbus-daemon', 'gnome-keyring-daemon', 'gdbus'] as const;
const DEFAULT_COLLECTION = '/org/freedesktop/secrets/aliases/default';

export interface LockableKeyring {
  env: NodeJS.ProcessEnv;
  lock(): Promise<void>;
  unlock(): Promise<void>;
  isLocked(): Promise<boolean>;
  stop(): Promise<void>;
}

/** Why this machine cannot run a lockable keyring, or null when it can. */
export function lockableKeyringMissing(): string | null {
  if (process.platform !== 'linux') return `the Secret Service is Linux only (this is ${process.platform})`;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const missing = NEEDED.filter((program) => !dirs.some((dir) => existsSync(join(dir, program))));
  return missing.length === 0
    ? null
    : `${missing.join(', ')} not found (Debian: dbus-daemon, gnome-keyring, libglib2.0-bin)`;
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { env, timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(' ')}: ${error.message} ${stderr}`));
      else resolve(stdout);
    });
  });
}

function gdbus(env: NodeJS.ProcessEnv, dest: string, path: string, method: string, ...args: string[]) {
  return run('gdbus', ['call', '--session', '--dest', dest, '--object-path', path, '--method', method, ...args], env);
}

/** The pid that owns org.freedesktop.secrets, or null while nobody does. */
async function keyringPid(env: NodeJS.ProcessEnv): Promise<number | null> {
  try {
    const out = await gdbus(
      env,
      'org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.GetConnectionUnixProcessID',
      'org.freedesktop.secrets',
    );
    const pid = /uint32 (\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : null;
  } catch {
    return null;
  }
}

/**
 * Polls (up to 25 s) until `check` holds: the daemon answers on the bus only some time after it forked, and a
 * replacing daemon took over 10 s on a loaded CI machine.
 */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`lockable keyring: ${what} did not happen within 25 s`);
}

function busAddress(daemon: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    daemon.stdout?.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    daemon.on('error', reject);
    daemon.on('exit', (code) => reject(new Error(`dbus-daemon exited (${code}) before giving its address`)));
  });
}

export async function startLockableKeyring(): Promise<LockableKeyring> {
  const root = mkdtempSync(join(tmpdir(), 'koodrive-lockable-keyring-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(runtime, { mode: 0o700 });
  const password = `${randomBytes(12).toString('base64url')}\n`;
  // Every XDG folder too: inside with-keyring.mjs they point at its keyring files, locked with another password.
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
  };
  delete baseEnv.GNOME_KEYRING_CONTROL;
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    env: baseEnv,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const env: NodeJS.ProcessEnv = { ...baseEnv, DBUS_SESSION_BUS_ADDRESS: await busAddress(bus) };

  const isLocked = async () =>
    /<true>/.test(
      await gdbus(
        env,
        'org.freedesktop.secrets',
        DEFAULT_COLLECTION,
        'org.freedesktop.DBus.Properties.Get',
        'org.freedesktop.Secret.Collection',
        'Locked',
      ),
    );
  const unlockedOnBus = async () => (await keyringPid(env)) !== null && !(await isLocked().catch(() => true));

  const daemons: ChildProcess[] = [];
  // In the foreground, as a child of this process: daemonised from Node it does not stay on the bus.
  async function startDaemon(replace: boolean): Promise<void> {
    const flags = [...(replace ? ['--replace'] : []), '--foreground', '--unlock', '--components=secrets'];
    const daemon = spawn('gnome-keyring-daemon', flags, { env, stdio: ['pipe', 'ignore', 'ignore'] });
    daemons.push(daemon);
    daemon.stdin?.end(password);
    await until('the keyring unlocked on the bus', unlockedOnBus);
  }

  await startDaemon(false);
  return {
    env,
    isLocked,
    async lock() {
      await gdbus(
        env,
        'org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        `['${DEFAULT_COLLECTION}']`,
      );
      await until('the default collection locked', isLocked);
    },
    // A Secret Service Unlock needs a prompt (a desktop); a new daemon given the password unlocks the same files.
    unlock: () => startDaemon(true),
    async stop() {
      for (const daemon of daemons) if (daemon.exitCode === null) daemon.kill('SIGTERM');
      bus.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
