import { describe, expect, it } from 'vitest';
import { refusalMessage, refusedSwitches } from '../../../electron/main/refusedSwitches';

describe('refused command-line switches', () => {
  it('finds every debugging and sandbox switch, in the spellings Chromium and Node accept', () => {
    const argv = [
      '/opt/app/koodrive-lock-admin',
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect-brk=0',
      '--inspect-port=9229',
      '--no-sandbox',
      '-no-sandbox',
      '--Remote-Debugging-Port=1',
    ];
    expect(refusedSwitches(argv, 'linux').map((found) => found.arg)).toEqual(
      argv.slice(1).map((arg) => arg.split('=')[0]),
    );
    expect(refusedSwitches(['/no-sandbox'], 'win32')).toHaveLength(1);
  });

  it('leaves ordinary arguments alone', () => {
    const argv = [
      '/opt/app/koodrive-lock-admin',
      '--self-test',
      '--lang=de',
      '/no-sandbox',
      'no-sandbox',
      '--sandbox',
      '--inspector-x',
    ];
    // "--inspector-x" starts with "inspect": refusing a harmless look-alike is the safe side.
    expect(refusedSwitches(argv, 'linux').map((found) => found.arg)).toEqual(['--inspector-x']);
  });

  it('says which switch and why, and what to do', () => {
    const message = refusalMessage(refusedSwitches(['--no-sandbox', '--remote-debugging-port=9222'], 'linux'));
    expect(message).toMatch(/did not start/);
    expect(message).toMatch(/--no-sandbox: it turns off the operating-system sandbox/);
    expect(message).toMatch(/--remote-debugging-port: it lets any local program control the window/);
    expect(message).toMatch(/Start the app again without these options/);
  });
});
