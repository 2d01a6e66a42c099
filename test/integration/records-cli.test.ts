// The built CLI's records commands (docs/cli.md#records-list-records-show): run through bin/ against the sandbox's
// stuck backup, loaded lazily (a release loads none of their code). Needs `npx electron-vite build` first:
//   npx vitest run --project integration test/integration/records-cli.test.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

const BIN = path.resolve(import.meta.dirname, '../../bin/koodrive-lock.cjs');
const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
/** The records command's chunk and the reader's (the build names a chunk after its first module). */
const RECORDS_CHUNK = /[\\/](records|recordReader)-[\w-]+\.js$/;

let sandbox: RunningSandbox;
let dir: string;
let hook: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  loaded: string[];
}

/** Runs the CLI through bin/ with a preload that lists every module file the process loaded. */
function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const list = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', hook, BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: dir, TMPDIR: dir, LOADED_LIST: list, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => {
      fs.readFile(list, 'utf8').then(
        (text) => resolve({ code, stdout, stderr, loaded: JSON.parse(text) as string[] }),
        reject,
      );
    });
  });
}

const connection = () => [
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
  '--data-dir',
  path.join(dir, 'data'),
];

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first.`);
  sandbox = await startSandbox({ seedLocks: 1, stuckBackup: true, quiet: true });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koodrive-records-cli-'));
  hook = path.join(dir, 'list-loaded.cjs');
  await fs.writeFile(
    hook,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_LIST, " +
      'JSON.stringify(Object.keys(require.cache))));\n',
  );
});

afterAll(async () => {
  await sandbox?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('koodrive-lock records, built', () => {
  it('lists the stuck backup with --json, IDs as strings, and writes no audit log', async () => {
    const stuck = sandbox.stuckBackup;
    const run = await cli(
      ['records', 'list', ...connection(), '--module', '102', '--status', 'in-progress', '--json'],
      {
        KOODRIVE_TOKEN: sandbox.credentials.token,
      },
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`"recordId":"${stuck?.recordId}"`);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      statusName: 'in-progress',
      possiblyStuck: { thresholdMs: 7_200_000 },
    });
    expect(run.loaded.some((file) => RECORDS_CHUNK.test(file))).toBe(true);
    expect(existsSync(path.join(dir, 'data', 'audit.jsonl'))).toBe(false);
  });

  it('shows the record and its 37 files; a release loads none of the records code', async () => {
    const stuck = sandbox.stuckBackup;
    const show = await cli(['records', 'show', ...connection(), stuck?.recordId ?? '', '--json'], {
      KOODRIVE_TOKEN: sandbox.credentials.token,
    });
    expect(show.code).toBe(0);
    expect(show.stdout.trim().split('\n')).toHaveLength(38);
    const release = await cli(['release', ...connection(), stuck?.lockId ?? ''], {
      KOODRIVE_TOKEN: sandbox.credentials.token,
    });
    expect(release.code).toBe(0);
    expect(release.loaded.filter((file) => RECORDS_CHUNK.test(file))).toEqual([]);
  });
});
