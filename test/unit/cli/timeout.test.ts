import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { durationText, parseDurationMs } from '../../../electron/cli/timeoutOption';
import { removeTempDirs, runCli, tempDir } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
  sandbox.setFault(null);
});

const release = (timeout: string) => [
  'release',
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
  '--timeout',
  timeout,
  sandbox.addLock(),
];
const tokenEnv = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });

describe('--timeout durations', () => {
  it.each([
    ['30s', 30_000],
    ['2m', 120_000],
    ['1500ms', 1500],
    ['1500', 1500],
    ['1.5s', 1500],
    [' 10S ', 10_000],
    ['0.5m', 30_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['', 's', '30 sec', '1h', '-5s', '1e3', '0x10', '1.5ms', '30s5', '1,5s'])('refuses %j', (text) => {
    expect(parseDurationMs(text)).toBeNull();
  });

  it('writes durations back in the largest whole unit', () => {
    expect([durationText(600_000), durationText(15_000), durationText(100), durationText(1500)]).toEqual([
      '10m',
      '15s',
      '100ms',
      '1500ms',
    ]);
  });

  it('a duration reaches the request: 300ms times out a hanging server (exit 3)', async () => {
    sandbox.setFault({ kind: 'hang' }, 1);
    const { code, stdout } = await runCli(release('300ms'), { env: tokenEnv() });
    expect(stdout).toContain('no HTTP response');
    expect(code).toBe(3);
  });

  it('a duration in seconds releases as usual', async () => {
    const { code } = await runCli(release('30s'), { env: tokenEnv() });
    expect(code).toBe(0);
  });

  it('anything else exits 2 with an example, and nothing is sent', async () => {
    const sentBefore = sandbox.received().length;
    const wrong = await runCli(release('30 sec'), { env: tokenEnv() });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      '--timeout "30 sec" is not a duration: give e.g. 30s, 2m or 1500ms (a bare number is milliseconds), from 100ms to 10m.',
    );
    const tooLong = await runCli(release('11m'), { env: tokenEnv() });
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toContain('--timeout 11m is out of range: give a duration from 100ms to 10m.');
    expect(sandbox.received().length).toBe(sentBefore);
  });

  it('check takes a duration too', async () => {
    const { code } = await runCli(
      [
        'check',
        '--data-dir',
        dataDir,
        '--base-url',
        sandbox.url,
        '--user-id',
        sandbox.credentials.userId,
        '--auth',
        'bearer',
        '--timeout',
        '2s',
      ],
      { env: tokenEnv() },
    );
    expect(code).toBe(0);
    expect((await runCli(['check', '--timeout', 'soon'])).code).toBe(2);
  });
});
