import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';
import { type AuditLog, createAuditLog } from '../../../../electron/core/audit/auditLog';
import { AuditLogError } from '../../../../electron/core/audit/auditLogError';

const posix = process.platform !== 'win32';
let root: string;
let dataDir: string;
const logs: AuditLog[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-audit-hard-'));
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(logs.splice(0).map((log) => log.close()));
  await fs.rm(root, { recursive: true, force: true });
});

function open(dir = dataDir): AuditLog {
  const log = createAuditLog({ dataDir: dir });
  logs.push(log);
  return log;
}

const entry: AuditEntry = {
  time: '2026-11-27T12:00:00.000Z',
  operationId: 'op-1',
  phase: 'pending',
  source: 'cli',
  osUser: 'ana',
  profile: 'prod-eu',
  host: 'example.test',
  operation: 'release',
  lockId: 'lock-1',
};

async function failure(promise: Promise<unknown>): Promise<AuditLogError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuditLogError);
  return error as AuditLogError;
}

describe.runIf(posix)('permissions at open', () => {
  test('a loose folder and loose files are tightened to 0700 / 0600, and open() says so once', async () => {
    await fs.mkdir(dataDir, { mode: 0o755 });
    await fs.chmod(dataDir, 0o755);
    await fs.writeFile(path.join(dataDir, 'audit.jsonl'), '', { mode: 0o644 });
    await fs.writeFile(path.join(dataDir, 'audit.1.jsonl'), '', { mode: 0o644 });
    const log = open();
    const notices = await log.open();
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toContain(`${dataDir} from 0755 to 0700`);
    expect(notices.join('\n')).toContain(`${path.join(dataDir, 'audit.jsonl')} from 0644 to 0600`);
    expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(dataDir, 'audit.jsonl'))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.join(dataDir, 'audit.1.jsonl'))).mode & 0o777).toBe(0o600);
    expect(await log.open()).toEqual([]);
    expect(await open().open()).toEqual([]);
  });

  test('a shared (sticky) folder is refused, not chmod-ed', async () => {
    await fs.mkdir(dataDir);
    await fs.chmod(dataDir, 0o1777);
    const error = await failure(open().open());
    expect(error.message).toContain('sticky');
    expect((await fs.stat(dataDir)).mode & 0o7777).toBe(0o1777);
  });
});

describe.runIf(posix)('symbolic links', () => {
  test('a symlinked audit.jsonl is refused: nothing is written through it', async () => {
    await fs.mkdir(dataDir, { mode: 0o700 });
    const target = path.join(root, 'target.jsonl');
    await fs.writeFile(target, '');
    await fs.symlink(target, path.join(dataDir, 'audit.jsonl'));
    const log = open();
    expect((await failure(log.open())).message).toContain('symbolic link');
    expect((await failure(log.append(entry))).message).toContain('symbolic link');
    expect(await fs.readFile(target, 'utf8')).toBe('');
  });

  test('a symlink to a folder that does not exist yet is refused too', async () => {
    await fs.mkdir(dataDir, { mode: 0o700 });
    const target = path.join(root, 'nowhere.jsonl');
    await fs.symlink(target, path.join(dataDir, 'audit.jsonl'));
    await failure(open().append(entry));
    await expect(fs.stat(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('fail closed, fast, naming the path', () => {
  const cases: Array<[string, () => Promise<string>]> = [
    [
      'a file where the folder should be',
      async () => {
        await fs.writeFile(path.join(root, 'file'), 'x');
        return path.join(root, 'file', 'data');
      },
    ],
    ['a missing parent that cannot be created (/proc)', async () => '/proc/nope/deeper'],
    ['/proc/nope, where mkdir -p never returns', async () => '/proc/nope'],
  ];
  for (const [name, makeDir] of cases) {
    test.runIf(name.startsWith('a file') || process.platform === 'linux')(name, async () => {
      const dir = await makeDir();
      const started = performance.now();
      const error = await failure(open(dir).append(entry));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error.failure).toBe('io');
      expect(error.message).toContain(path.join(dir, 'audit.jsonl'));
      expect(error.message).toContain('Nothing was sent');
    });
  }

  test('a full disk (a failing write) rejects the append with the path; the next append tries again', async () => {
    const log = open();
    await log.append(entry);
    const handle = await fs.open(path.join(root, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(handle) as { write: (...args: unknown[]) => unknown };
    await handle.close();
    const spy = vi
      .spyOn(prototype, 'write')
      .mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    const error = await failure(log.append({ ...entry, operationId: 'op-2' }));
    expect(error.message).toContain('ENOSPC');
    expect(error.message).toContain(log.path);
    spy.mockRestore();
    await log.append({ ...entry, operationId: 'op-3' });
    expect((await log.read()).map((e) => e.operationId)).toEqual(['op-3', 'op-1']);
  });

  test('an unwritable folder (EACCES on the lock file) fails at once', async () => {
    const log = open();
    await log.open();
    const spy = vi.spyOn(fs, 'open');
    spy.mockRejectedValueOnce(Object.assign(new Error('permission denied'), { code: 'EACCES' }));
    const error = await failure(log.append(entry));
    expect(error.message).toContain(log.path);
    expect(error.message).toContain('EACCES');
  });
});
