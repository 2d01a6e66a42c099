// The audit log from the built CLI (`npm run build` first): an audit path that cannot be written ends the
// command before anything is sent (exit 4, the path named, at once), and `audit verify` finds tampering.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/audit-cli.test.ts
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
/** Node alone starts in ~0.5 s on a loaded 2-core machine; the old /proc loop ran into the kill timer instead. */
const PROMPT_MS = 3000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

let sandbox: RunningSandbox;
let root: string;
const mounts: string[] = [];

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, KOODRIVE_LOCK_ADMIN_DATA_DIR: path.join(root, 'default'), ...env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, elapsedMs: performance.now() - started });
    });
    child.stdin.end();
  });
}

function release(dataDir: string): Promise<Run> {
  const flags = ['--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
  return cli(['release', '--data-dir', dataDir, ...flags, sandbox.addLock()], {
    KOODRIVE_TOKEN: sandbox.credentials.token,
  });
}

/** A tmpfs of `options` (root only); null where mounting is not allowed. */
async function tmpfs(name: string, options: string): Promise<string | null> {
  const dir = path.join(root, name);
  await fs.mkdir(dir);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
  sandbox = await startSandbox({ seedLocks: 0 });
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-audit-cli-'));
});

afterAll(async () => {
  for (const dir of mounts) spawnSync('umount', [dir]);
  await sandbox?.stop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe('an audit path that cannot be written: exit 4 at once, path named, nothing sent', () => {
  const expectRefused = (run: Run, auditFile: string) => {
    expect(run.code, run.stderr).toBe(4);
    expect(run.elapsedMs).toBeLessThan(PROMPT_MS);
    expect(run.stderr).toContain(auditFile);
    expect(run.stdout).toBe('');
  };

  it.runIf(process.platform === 'linux')('/proc/nope (used to spin at 100 % CPU forever)', async () => {
    const before = sandbox.received().length;
    expectRefused(await release('/proc/nope'), '/proc/nope/audit.jsonl');
    expect(sandbox.received().length).toBe(before);
  });

  it.runIf(process.platform === 'linux')('a missing parent that cannot be created', async () => {
    const before = sandbox.received().length;
    expectRefused(await release('/proc/nope/data'), '/proc/nope/data/audit.jsonl');
    expect(sandbox.received().length).toBe(before);
  });

  it('a file where the folder should be', async () => {
    const before = sandbox.received().length;
    await fs.writeFile(path.join(root, 'a-file'), 'x');
    const dataDir = path.join(root, 'a-file', 'data');
    const run = await release(dataDir);
    expectRefused(run, path.join(dataDir, 'audit.jsonl'));
    expect(run.stderr).toContain('is not a folder');
    expect(sandbox.received().length).toBe(before);
  });

  it('a read-only file system', async (context) => {
    const dir = await tmpfs('read-only', 'ro,size=64k,mode=0700');
    if (!dir) return context.skip();
    const before = sandbox.received().length;
    const run = await release(dir);
    expectRefused(run, path.join(dir, 'audit.jsonl'));
    expect(run.stderr).toContain('EROFS');
    expect(sandbox.received().length).toBe(before);
  });

  it('a full disk', async (context) => {
    const dir = await tmpfs('full', 'size=64k,mode=0700');
    if (!dir) return context.skip();
    const dataDir = path.join(dir, 'data');
    await fs.mkdir(dataDir, { mode: 0o700 });
    await fs.writeFile(path.join(dataDir, 'audit.jsonl'), '', { mode: 0o600 });
    // Fill every block; the audit file exists, so only its first write fails.
    await fs.writeFile(path.join(dir, 'filler'), Buffer.alloc(64 * 1024)).catch(() => {});
    const before = sandbox.received().length;
    const run = await release(dataDir);
    expectRefused(run, path.join(dataDir, 'audit.jsonl'));
    expect(run.stderr).toContain('ENOSPC');
    expect(sandbox.received().length).toBe(before);
  });

  it('a symbolic link in place of audit.jsonl', async () => {
    const dataDir = path.join(root, 'linked');
    await fs.mkdir(dataDir, { mode: 0o700 });
    await fs.writeFile(path.join(root, 'target.jsonl'), '');
    await fs.symlink(path.join(root, 'target.jsonl'), path.join(dataDir, 'audit.jsonl'));
    const before = sandbox.received().length;
    const run = await release(dataDir);
    expectRefused(run, path.join(dataDir, 'audit.jsonl'));
    expect(run.stderr).toContain('symbolic link');
    expect(await fs.readFile(path.join(root, 'target.jsonl'), 'utf8')).toBe('');
    expect(sandbox.received().length).toBe(before);
  });
});

describe('koodrive-lock audit verify', () => {
  it('tightens a loose folder and file once, saying so on stderr, then releases', async () => {
    const dataDir = path.join(root, 'loose');
    await fs.mkdir(dataDir);
    await fs.chmod(dataDir, 0o755);
    await fs.writeFile(path.join(dataDir, 'audit.jsonl'), '');
    await fs.chmod(path.join(dataDir, 'audit.jsonl'), 0o644);
    const first = await release(dataDir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('from 0755 to 0700');
    expect(first.stderr).toContain('from 0644 to 0600');
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    const second = await release(dataDir);
    expect(second.stderr).not.toContain('Tightened');
  });

  it('intact log: exit 0; a changed byte, a removed line, a truncated file: exit 1 naming the entry', async () => {
    const dataDir = path.join(root, 'verify');
    for (let n = 0; n < 3; n += 1) expect((await release(dataDir)).code).toBe(0);
    const intact = await cli(['audit', 'verify', '--data-dir', dataDir]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^Audit log intact: 6 entries in 1 file\(s\)\.\n$/);
    const json = await cli(['audit', 'verify', '--json', '--data-dir', dataDir]);
    expect(JSON.parse(json.stdout)).toMatchObject({ intact: true, entries: 6 });

    const file = path.join(dataDir, 'audit.jsonl');
    const original = await fs.readFile(file, 'utf8');
    const lines = original.split('\n');

    await fs.writeFile(file, original.replace('"phase":"result"', '"phase":"pending"'));
    const changed = await cli(['audit', 'verify', '--data-dir', dataDir]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('audit.jsonl line 2');
    expect(changed.stderr).toContain('changed');

    await fs.writeFile(file, [...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    const removed = await cli(['audit', 'verify', '--data-dir', dataDir]);
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('audit.jsonl line 3');
    expect(removed.stderr).toContain('removed');

    await fs.writeFile(file, original.slice(0, -10));
    const truncated = await cli(['audit', 'verify', '--data-dir', dataDir]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('audit.jsonl line 6');

    await fs.writeFile(file, original);
    expect((await cli(['audit', 'verify', '--data-dir', dataDir])).code).toBe(0);
  });

  it('rotated logs verify across files; a rotated file edited is found in it', async () => {
    const dataDir = path.join(root, 'rotated');
    for (let n = 0; n < 2; n += 1) expect((await release(dataDir)).code).toBe(0);
    await fs.rename(path.join(dataDir, 'audit.jsonl'), path.join(dataDir, 'audit.1.jsonl'));
    for (let n = 0; n < 2; n += 1) expect((await release(dataDir)).code).toBe(0);
    const intact = await cli(['audit', 'verify', '--data-dir', dataDir]);
    expect(intact.stdout).toContain('8 entries in 2 file(s)');
    expect(intact.code).toBe(0);
    const older = path.join(dataDir, 'audit.1.jsonl');
    await fs.writeFile(older, (await fs.readFile(older, 'utf8')).replace('"ok":true', '"ok":false'));
    const broken = await cli(['audit', 'verify', '--data-dir', dataDir]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('audit.1.jsonl line 2');
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['audit', 'verify', 'extra'])).code).toBe(2);
    expect((await cli(['audit', 'verify', '--lock', 'x'])).code).toBe(2);
    expect((await cli(['audit'])).code).toBe(2);
  });
});
