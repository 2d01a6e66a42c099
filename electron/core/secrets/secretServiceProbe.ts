/**
 * Linux only: why a keychain lookup found nothing. libsecret (under keytar) answers "no such entry" both when the
 * entry is absent and when the collection holding it is locked (no prompt can be shown without a desktop), so a
 * `null` alone cannot tell them apart. This asks the Secret Service over the session bus, with the `gdbus` or
 * `dbus-send` tool, whether its default collection exists and is locked (docs/security.md#a-locked-keychain).
 */

/** What the Secret Service says about where keytar stores and looks: its default collection. */
export type SecretServiceState = 'unlocked' | 'locked' | 'no-collection' | 'no-service' | 'unknown';

export interface BusAnswer {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** The tool is not installed. */
  missing: boolean;
}

/** Runs one D-Bus tool with its arguments. */
export type BusTool = (program: string, args: readonly string[]) => Promise<BusAnswer>;

const SERVICE = 'org.freedesktop.secrets';
const SERVICE_PATH = '/org/freedesktop/secrets';
const PROBE_TIMEOUT_MS = 3000;
const NO_SERVICE =
  /ServiceUnknown|was not provided by any \.service files|NameHasNoOwner|could not connect|cannot autolaunch|address is empty/i;

// node:child_process is loaded on the first probe only: a release from the CLI or the window's start need not pay it.
export const runBusTool: BusTool = async (program, args) => {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(program, [...args], { timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ ok: error === null, stdout, stderr, missing });
    });
  });
};

interface Dialect {
  program: string;
  readAlias: string[];
  locked(path: string): string[];
  objectPath(stdout: string): string | null;
  boolean(stdout: string): boolean | null;
}

const GDBUS: Dialect = {
  program: 'gdbus',
  readAlias: [
    'call',
    '--session',
    '--dest',
    SERVICE,
    '--object-path',
    SERVICE_PATH,
    '--method',
    'org.freedesktop.Secret.Service.ReadAlias',
    'default',
  ],
  locked: (path) => [
    'call',
    '--session',
    '--dest',
    SERVICE,
    '--object-path',
    path,
    '--method',
    'org.freedesktop.DBus.Properties.Get',
    'org.freedesktop.Secret.Collection',
    'Locked',
  ],
  objectPath: (stdout) => /objectpath '([^']*)'/.exec(stdout)?.[1] ?? null,
  boolean: (stdout) => booleanOf(/<(true|false)>/.exec(stdout)?.[1]),
};

const DBUS_SEND: Dialect = {
  program: 'dbus-send',
  readAlias: [
    '--session',
    '--print-reply',
    `--dest=${SERVICE}`,
    SERVICE_PATH,
    'org.freedesktop.Secret.Service.ReadAlias',
    'string:default',
  ],
  locked: (path) => [
    '--session',
    '--print-reply',
    `--dest=${SERVICE}`,
    path,
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ],
  objectPath: (stdout) => /object path "([^"]*)"/.exec(stdout)?.[1] ?? null,
  boolean: (stdout) => booleanOf(/boolean (true|false)/.exec(stdout)?.[1]),
};

function booleanOf(text: string | undefined): boolean | null {
  return text === 'true' ? true : text === 'false' ? false : null;
}

async function probeWith(dialect: Dialect, run: BusTool): Promise<SecretServiceState | 'missing'> {
  const alias = await run(dialect.program, dialect.readAlias);
  if (alias.missing) return 'missing';
  if (!alias.ok) return NO_SERVICE.test(alias.stderr) ? 'no-service' : 'unknown';
  const path = dialect.objectPath(alias.stdout);
  if (path === null) return 'unknown';
  if (path === '/') return 'no-collection';
  const locked = await run(dialect.program, dialect.locked(path));
  if (!locked.ok) return 'unknown';
  const value = dialect.boolean(locked.stdout);
  return value === null ? 'unknown' : value ? 'locked' : 'unlocked';
}

/** Asks the session bus about the default collection; 'unknown' when neither tool is installed or answers. */
export async function probeSecretService(run: BusTool = runBusTool): Promise<SecretServiceState> {
  for (const dialect of [GDBUS, DBUS_SEND]) {
    const state = await probeWith(dialect, run);
    if (state !== 'missing') return state;
  }
  return 'unknown';
}
