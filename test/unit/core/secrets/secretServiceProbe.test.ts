import { describe, expect, test } from 'vitest';
import { type BusAnswer, type BusTool, probeSecretService } from '../../../../electron/core/secrets/secretServiceProbe';

const ok = (stdout: string): BusAnswer => ({ ok: true, stdout, stderr: '', missing: false });
const failed = (stderr: string): BusAnswer => ({ ok: false, stdout: '', stderr, missing: false });
const missing: BusAnswer = { ok: false, stdout: '', stderr: '', missing: true };

/** Answers by program and by whether the call reads the alias or the Locked property; records the calls. */
function bus(answers: Record<string, { alias: BusAnswer; locked?: BusAnswer }>) {
  const calls: string[] = [];
  const run: BusTool = async (program, args) => {
    const forLocked = args.some((arg) => arg.endsWith('Locked'));
    calls.push(
      `${program} ${forLocked ? 'Locked' : 'ReadAlias'} ${args.find((a) => a.includes('/collection')) ?? ''}`.trim(),
    );
    const answer = answers[program] ?? { alias: missing };
    return forLocked ? (answer.locked ?? missing) : answer.alias;
  };
  return { run, calls };
}

// Output as gdbus 2.74 and dbus-send 1.14 print it (seen against gnome-keyring 42).
const GDBUS_LOGIN = "(objectpath '/org/freedesktop/secrets/collection/login',)\n";
const DBUS_SEND_LOGIN =
  'method return time=1 sender=:1.0 -> destination=:1.13 serial=27 reply_serial=2\n   object path "/org/freedesktop/secrets/collection/login"\n';

describe('probeSecretService', () => {
  test('gdbus: the default collection locked or unlocked', async () => {
    const locked = bus({ gdbus: { alias: ok(GDBUS_LOGIN), locked: ok('(<true>,)\n') } });
    expect(await probeSecretService(locked.run)).toBe('locked');
    expect(locked.calls).toEqual(['gdbus ReadAlias', 'gdbus Locked /org/freedesktop/secrets/collection/login']);
    const unlocked = bus({ gdbus: { alias: ok(GDBUS_LOGIN), locked: ok('(<false>,)\n') } });
    expect(await probeSecretService(unlocked.run)).toBe('unlocked');
  });

  test('dbus-send is used when gdbus is not installed', async () => {
    const { run, calls } = bus({
      'dbus-send': {
        alias: ok(DBUS_SEND_LOGIN),
        locked: ok('method return time=1 sender=:1.0\n   variant       boolean true\n'),
      },
    });
    expect(await probeSecretService(run)).toBe('locked');
    expect(calls[0]).toBe('gdbus ReadAlias');
    expect(calls.slice(1)).toEqual([
      'dbus-send ReadAlias',
      'dbus-send Locked /org/freedesktop/secrets/collection/login',
    ]);
  });

  test('no default collection, no service on the bus, no tool at all', async () => {
    expect(await probeSecretService(bus({ gdbus: { alias: ok("(objectpath '/',)\n") } }).run)).toBe('no-collection');
    const noService = failed(
      'Error: GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files\n',
    );
    expect(await probeSecretService(bus({ gdbus: { alias: noService } }).run)).toBe('no-service');
    expect(await probeSecretService(bus({}).run)).toBe('unknown');
  });

  test('an answer it cannot read is unknown, never locked', async () => {
    expect(await probeSecretService(bus({ gdbus: { alias: ok('something else') } }).run)).toBe('unknown');
    expect(await probeSecretService(bus({ gdbus: { alias: failed('Error: Timeout was reached') } }).run)).toBe(
      'unknown',
    );
    const oddLocked = bus({ gdbus: { alias: ok(GDBUS_LOGIN), locked: ok('(<1>,)') } });
    expect(await probeSecretService(oddLocked.run)).toBe('unknown');
  });
});
