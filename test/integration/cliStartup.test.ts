// What the built CLI loads and caches at start (docs/benchmarks.md, CLI start-up): a release loads its own
// command chunk and nothing of history, profiles, secrets, audit verify or the sandbox, nor keytar when the
// secret comes from the environment; bin/koodrive-lock.cjs keeps V8's compile cache only in a folder of
// this user's. Needs `npx electron-vite build` first:
//   npx vitest run --project integration test/integration/cliStartup.test.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

const BIN = path.resolve(import.meta.dirname, '../../bin/koodrive-lock.cjs');
const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
/** Chunks a release must not load (the build names a chunk after its first module). */
const NOT_FOR_RELEASE = /[\\/](history|profile|secret|audit|verifyAuditLog|server)-[\w-]+\.js$/;

let sandbox: RunningSandbox;
let dir: string;
let hook: string;

interface Run {
  code: number | null;
  stderr: string;
  loaded: string[];
  /** Public built-in modules loaded (process.moduleLoadList), e.g. 'http'. */
  builtins: string[];
}

/** Runs the CLI through bin/ with a preload that lists every module file the process loaded. */
function cli(args: string[], env: Record<string, string>, tmpDir = dir): Promise<Run> {
  const list = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', hook, BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: dir, TMPDIR: tmpDir, LOADED_LIST: list, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => {
      fs.readFile(list, 'utf8').then((text) => {
        const { loaded, builtins } = JSON.parse(text) as { loaded: string[]; builtins: string[] };
        resolve({ code, stderr, loaded, builtins });
      }, reject);
    });
  });
}

const connection = () => ['--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx electron-vite build\` first.`);
  sandbox = await startSandbox({ seedLocks: 2, quiet: true });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koodrive-cli-startup-'));
  hook = path.join(dir, 'list-loaded.cjs');
  await fs.writeFile(
    hook,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_LIST, JSON.stringify({ " +
      'loaded: Object.keys(require.cache), builtins: process.moduleLoadList.filter((m) => ' +
      "m.startsWith('NativeModule ') && !m.includes('internal/')).map((m) => m.slice(13)) })));\n",
  );
});

afterAll(async () => {
  await sandbox?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('koodrive-lock start-up', () => {
  it('a release loads its command and none of the others, the sandbox or keytar', async () => {
    const lockId = sandbox.seededLockIds[0];
    const run = await cli(['release', ...connection(), '--data-dir', path.join(dir, 'data'), lockId], {
      KOODRIVE_TOKEN: sandbox.credentials.token,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.loaded.some((file) => /[\\/]release-[\w-]+\.js$/.test(file))).toBe(true);
    expect(run.loaded.filter((file) => NOT_FOR_RELEASE.test(file))).toEqual([]);
    // The packages themselves (keytar's native module and libsecret; the certificate generator), whatever chunk
    // the build put our keychain wrapper in (a chunk is named after one of its modules).
    expect(run.loaded.filter((file) => /node_modules[\\/](keytar|selfsigned)[\\/]|\.node$/.test(file))).toEqual([]);
    // An http:// server (the sandbox) needs neither TLS nor HTTPS: they load with the first https:// request;
    // the keychain probe's child processes load with the first probe.
    expect(run.builtins).toContain('http');
    expect(run.builtins.filter((name) => ['tls', 'https', 'child_process'].includes(name))).toEqual([]);
  });

  it('history loads its own chunk and not the release command', async () => {
    const run = await cli(['history', '--data-dir', path.join(dir, 'data')], {});
    expect(run.code).toBe(0);
    expect(run.loaded.some((file) => /[\\/]history-[\w-]+\.js$/.test(file))).toBe(true);
    expect(run.loaded.some((file) => /[\\/]release-[\w-]+\.js$/.test(file))).toBe(false);
  });

  it.runIf(typeof process.getuid === 'function')(
    'keeps the compile cache in a private folder, and ignores one that others can write to',
    async () => {
      const privateTmp = await fs.mkdtemp(path.join(dir, 'tmp-'));
      const first = await cli(['--version'], {}, privateTmp);
      expect(first.code).toBe(0);
      const cache = path.join(privateTmp, `koodrive-lock-compile-cache-${process.getuid?.()}`);
      expect((await fs.stat(cache)).mode & 0o777).toBe(0o700);
      expect((await fs.readdir(cache)).length).toBeGreaterThan(0);

      const sharedTmp = await fs.mkdtemp(path.join(dir, 'tmp-'));
      const planted = path.join(sharedTmp, `koodrive-lock-compile-cache-${process.getuid?.()}`);
      await fs.mkdir(planted);
      await fs.chmod(planted, 0o777);
      const second = await cli(['--version'], {}, sharedTmp);
      expect(second.code).toBe(0);
      expect(await fs.readdir(planted)).toEqual([]);
    },
  );
});
