import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBatchRemedies } from '../../../electron/cli/batchRemedies';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
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

const flags = () => [
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
  '--yes',
  '--concurrency',
  '1',
];
const AUTH_REMEDY = /KooDrive rejected the access token/g;

describe('a batch prints each remedy once, with a count', () => {
  it('failure lines name the remedy by number; the summary prints it once', async () => {
    const locks = [sandbox.addLock(), sandbox.addLock(), sandbox.addLock()].map(String);
    const { code, stdout, stderr } = await runCli(['release', ...locks, ...flags()], {
      env: { KOODRIVE_TOKEN: 'not-the-token' },
    });
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^FAILED .*\(HTTP 401, .*\) — remedy 1 below$/);
    expect(stdout.match(AUTH_REMEDY)).toBeNull();
    expect(stderr.match(AUTH_REMEDY)).toHaveLength(1);
    expect(stderr).toMatch(/Failures: 3 auth\.\nRemedy 1 \(3 failures\): KooDrive rejected the access token .*\n$/);
  });

  it('numbers different remedies in order of first appearance; successes and "already gone" have none', async () => {
    const locks = [sandbox.addLock(), sandbox.addLock(), sandbox.addLock()].map(String);
    sandbox.setFault({ kind: 'status', status: 500 }, 2);
    const gone = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee@102';
    const { code, stdout, stderr } = await runCli(['release', ...locks, gone, ...flags()], {
      env: { KOODRIVE_TOKEN: sandbox.credentials.token },
    });
    expect(code).toBe(1);
    expect(stdout.match(/— remedy 1 below$/gm)).toHaveLength(2);
    expect(stdout).toMatch(/^released .*\)$/m);
    expect(stdout).toMatch(/^already gone .*\)$/m);
    expect(stderr).toMatch(/\nRemedy 1 \(2 failures\): KooDrive failed internally/);
    expect(stderr).not.toContain('Remedy 2');
  });

  it('one operation and --json keep the remedy on the result', async () => {
    const single = await runCli(['release', String(sandbox.addLock()), ...flags()], {
      env: { KOODRIVE_TOKEN: 'not-the-token' },
    });
    expect(single.stdout).toMatch(/ — KooDrive rejected the access token/);
    expect(single.stderr).not.toContain('Remedy 1');
    const json = await runCli(['release', String(sandbox.addLock()), String(sandbox.addLock()), ...flags(), '--json'], {
      env: { KOODRIVE_TOKEN: 'not-the-token' },
    });
    const results = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { remedy: string });
    expect(results.every((result) => /KooDrive rejected the access token/.test(result.remedy))).toBe(true);
    expect(json.stderr).not.toContain('Remedy 1');
  });

  it('counts per remedy text', () => {
    const remedies = createBatchRemedies();
    expect([remedies.numberOf('a'), remedies.numberOf('b'), remedies.numberOf('a')]).toEqual([1, 2, 1]);
    expect(remedies.lines()).toEqual(['Remedy 1 (2 failures): a', 'Remedy 2 (1 failure): b']);
  });
});
