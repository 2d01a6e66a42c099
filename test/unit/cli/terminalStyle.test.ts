import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { removeTempDirs, runCli, tempDir } from './harness';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});

async function batchOnTerminal(env: Record<string, string>) {
  const ids = Array.from({ length: 4 }, () => sandbox.addLock());
  const flags = ['--data-dir', await tempDir(), '--base-url', sandbox.url, '--user-id', sandbox.credentials.userId];
  return runCli(['release', '--yes', ...flags, '--auth', 'bearer', ...ids], {
    env: { KOODRIVE_TOKEN: sandbox.credentials.token, ...env },
    stderrIsTTY: true,
  });
}

describe('NO_COLOR and TERM=dumb', () => {
  it('TERM=dumb: a batch on a terminal prints no control sequence, only plain lines', async () => {
    const { code, stderr, stdout } = await batchOnTerminal({ TERM: 'dumb' });
    expect(code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(`${stdout}${stderr}`).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(stderr).toMatch(/^Done in [\d.]+ s: 4 released/m);
  });

  it('another TERM keeps the redrawn progress line; NO_COLOR does not change it (the tool prints no colour)', async () => {
    const envs: Record<string, string>[] = [{ TERM: 'xterm-256color' }, { TERM: 'xterm-256color', NO_COLOR: '1' }];
    for (const env of envs) {
      const { code, stderr, stdout } = await batchOnTerminal(env);
      expect(code).toBe(0);
      expect(stderr).toContain('\r\u001b[2K');
      // No colour or other SGR sequence anywhere.
      // eslint-disable-next-line no-control-regex -- looking for escape sequences is the point
      expect(`${stdout}${stderr}`).not.toMatch(/\u001b\[[\d;]*m/);
    }
  });
});
