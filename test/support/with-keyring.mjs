#!/usr/bin/env node
// Runs a command with a private, unlocked GNOME Keyring on a private D-Bus session, so keychain tests use a real
// Secret Service and never touch the user's own keychain or config:
//
//   node test/support/with-keyring.mjs <command> [args...]
//
// Sets KOODRIVE_KEYRING=ready when the keyring is up, or KOODRIVE_KEYRING=absent plus KOODRIVE_KEYRING_REASON
// when it cannot be started (keychain tests then report themselves skipped with that reason).
// KOODRIVE_USE_SESSION_KEYRING=1 runs the command as is, trusting the current session's Secret Service.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// Runs inside dbus-run-session. $KOODRIVE_KEYRING_DIR holds the pid files the wrapper needs for clean-up.
const KEYRING_SCRIPT = `
dir="$KOODRIVE_KEYRING_DIR"
out=$(printf '%s\\n' "$KOODRIVE_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets 2>"$dir/daemon.err")
status=$?
unset KOODRIVE_KEYRING_PASSWORD
KOODRIVE_KEYRING=absent
if [ "$status" -ne 0 ]; then
  KOODRIVE_KEYRING_REASON="gnome-keyring-daemon --unlock failed (exit $status): $(head -c 300 "$dir/daemon.err")"
else
  # Only printed when the control directory is not the default; exported so libsecret finds the daemon.
  while IFS= read -r line; do
    case "$line" in GNOME_KEYRING_CONTROL=*) export "$line" ;; esac
  done <<EOF
$out
EOF
  # The daemon can return before it owns org.freedesktop.secrets: wait for the name (up to 5 s).
  pid=""
  tries=0
  while [ -z "$pid" ] && [ "$tries" -lt 50 ]; do
    tries=$((tries + 1))
    if command -v dbus-send >/dev/null 2>&1; then
      pid=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \\
        org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
        sed -n 's/^ *uint32 \\([0-9][0-9]*\\)$/\\1/p')
    elif command -v gdbus >/dev/null 2>&1; then
      pid=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \\
        --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets 2>/dev/null |
        sed -n 's/^(uint32 \\([0-9][0-9]*\\),)$/\\1/p')
    else
      break
    fi
    [ -n "$pid" ] || sleep 0.1
  done
  if [ -n "$pid" ]; then
    echo "$pid" >"$dir/keyring.pid"
    KOODRIVE_KEYRING=ready
  elif command -v dbus-send >/dev/null 2>&1 || command -v gdbus >/dev/null 2>&1; then
    KOODRIVE_KEYRING_REASON="gnome-keyring-daemon started but org.freedesktop.secrets is not on the session bus"
  else
    sleep 1
    KOODRIVE_KEYRING=ready
  fi
fi
if [ "$KOODRIVE_KEYRING" != ready ]; then
  echo "with-keyring: keychain tests will be skipped: $KOODRIVE_KEYRING_REASON" >&2
fi
export KOODRIVE_KEYRING KOODRIVE_KEYRING_REASON
echo $$ >"$dir/command.pid"
unset KOODRIVE_KEYRING_DIR
exec "$@"
`;

function onPath(program) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => existsSync(join(dir, program)));
}

function readPid(file) {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

/** Running, and not a zombie left for a parent (or an init) that does not reap it. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

function commandLineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Stops the private daemon (it can outlive its bus when the command exits quickly), waiting up to 2 s. */
function stopKeyringDaemon(pidFile) {
  const pid = readPid(pidFile);
  if (pid === null || !isAlive(pid) || !commandLineOf(pid).includes('gnome-keyring-daemon')) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 2000 && isAlive(pid); waited += 50) Atomics.wait(pause, 0, 0, 50);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function makeSandbox() {
  const root = mkdtempSync(join(tmpdir(), 'koodrive-keyring-'));
  const home = join(root, 'home');
  const runtime = join(root, 'run');
  mkdirSync(home, { mode: 0o700 });
  mkdirSync(runtime, { mode: 0o700 });
  chmodSync(runtime, 0o700);
  const env = {
    ...process.env,
    HOME: home,
    XDG_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    // npm would otherwise check the registry for its own updates from the fresh HOME.
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  };
  // Let the app's data folder default to the temp HOME, never the user's.
  delete env.KOODRIVE_LOCK_ADMIN_DATA_DIR;
  delete env.GNOME_KEYRING_CONTROL;
  delete env.KOODRIVE_KEYRING_REASON;
  return { root, env };
}

async function waitForExit(pid, timeoutMs) {
  for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the command, forwarding signals to it; cleans up and exits with its status (or dies of its signal). */
function run(program, args, env, cleanup, commandPid) {
  const child = spawn(program, args, { stdio: 'inherit', env });
  const forward = (signal) => {
    const target = commandPid() ?? child.pid;
    try {
      if (target) process.kill(target, signal);
    } catch {
      // The process has already exited.
    }
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  let finished = false;
  const finish = async (code, signal) => {
    if (finished) return;
    finished = true;
    // dbus-run-session dies of a Ctrl-C at once; give the command time to shut down before removing its HOME.
    const pid = commandPid();
    if (pid !== null && pid !== child.pid) await waitForExit(pid, 10_000);
    for (const name of FORWARDED_SIGNALS) process.off(name, forward);
    cleanup();
    if (signal) {
      process.kill(process.pid, signal);
      setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 1)), 1000).unref();
      return;
    }
    process.exit(code ?? 1);
  };
  child.on('error', (error) => {
    console.error(`with-keyring: could not run ${program}: ${error.message}`);
    void finish(127, null);
  });
  child.on('exit', (code, signal) => void finish(code, signal));
}

function main() {
  const command = process.argv.slice(2);
  if (command.length === 0) {
    console.error('usage: node test/support/with-keyring.mjs <command> [args...]');
    process.exit(2);
  }

  if (process.env.KOODRIVE_USE_SESSION_KEYRING === '1') {
    const env = { ...process.env, KOODRIVE_KEYRING: 'ready' };
    delete env.KOODRIVE_KEYRING_REASON;
    run(
      command[0],
      command.slice(1),
      env,
      () => {},
      () => null,
    );
    return;
  }

  const { root, env } = makeSandbox();
  const removeSandbox = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });

  const missing = ['dbus-run-session', 'gnome-keyring-daemon'].filter((program) => !onPath(program));
  if (process.platform !== 'linux' || missing.length > 0) {
    const reason =
      process.platform !== 'linux'
        ? `no private keyring on ${process.platform}; set KOODRIVE_USE_SESSION_KEYRING=1 to use the session's keychain`
        : `${missing.join(' and ')} not found; install them (Debian: sudo apt install dbus gnome-keyring libsecret-1-0)`;
    console.error(`with-keyring: keychain tests will be skipped: ${reason}`);
    // A bus address that cannot exist, so nothing can reach the user's real keyring by accident.
    Object.assign(env, {
      KOODRIVE_KEYRING: 'absent',
      KOODRIVE_KEYRING_REASON: reason,
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(root, 'no-bus')}`,
    });
    run(command[0], command.slice(1), env, removeSandbox, () => null);
    return;
  }

  Object.assign(env, {
    KOODRIVE_KEYRING_DIR: root,
    KOODRIVE_KEYRING_PASSWORD: randomBytes(18).toString('base64url'),
  });
  const commandPid = join(root, 'command.pid');
  run(
    'dbus-run-session',
    ['--', 'sh', '-c', KEYRING_SCRIPT, 'sh', ...command],
    env,
    () => {
      stopKeyringDaemon(join(root, 'keyring.pid'));
      removeSandbox();
    },
    () => readPid(commandPid),
  );
}

main();
