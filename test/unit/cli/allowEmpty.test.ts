import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
];
const env = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });

describe('release of an empty list', () => {
  it('exits 2 by default, and 0 with "nothing to do" under --allow-empty; nothing is sent either way', async () => {
    const file = path.join(dataDir, 'empty.txt');
    await fs.writeFile(file, '\n# no stuck locks today\n\n');
    const before = sandbox.received().length;

    const strict = await runCli(['release', ...flags(), '--file', file], { env: env() });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('No valid lock ID to release; nothing was sent.');

    const allowed = await runCli(['release', ...flags(), '--file', file, '--allow-empty'], { env: env() });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('koodrive-lock: No valid lock ID to release: nothing to do.\n');
    expect(allowed.stdout).toBe('');
    expect(sandbox.received().length).toBe(before);
  });

  it('an invalid row is still an error with --allow-empty', async () => {
    const file = path.join(dataDir, 'bad.txt');
    await fs.writeFile(file, 'not a lock id with spaces\n');
    const run = await runCli(['release', ...flags(), '--file', file, '--allow-empty', '--skip-invalid'], {
      env: env(),
    });
    expect(run.code).toBe(2);
  });
});
