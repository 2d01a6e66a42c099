import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';
import { type AuditLog, createAuditLog } from '../../../../electron/core/audit/auditLog';
import { AuditLogError } from '../../../../electron/core/audit/auditLogError';
import { verifyAuditLog } from '../../../../electron/core/audit/verifyAuditLog';

let root: string;
let dataDir: string;
const logs: AuditLog[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-audit-'));
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(logs.splice(0).map((log) => log.close()));
  await fs.rm(root, { recursive: true, force: true });
});

function open(options: { maxBytes?: number; maxFiles?: number } = {}): AuditLog {
  const log = createAuditLog({ dataDir, ...options });
  logs.push(log);
  return log;
}

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 10, 27, 12, 0, n % 60)).toISOString(),
    operationId: `op-${n}`,
    phase: 'pending',
    source: 'gui',
    osUser: 'ana',
    profile: 'prod-eu',
    host: 'intl.myhuaweicloud-koodrive.com',
    operation: 'release',
    lockId: `${1505084218764547200n + BigInt(n)}`,
    ...overrides,
  };
}

const result: Partial<AuditEntry> = {
  phase: 'result',
  ok: false,
  kind: 'not-found',
  httpStatus: 404,
  code: '31084',
  msg: 'lock not found',
  requestId: 'req-1',
  durationMs: 12.5,
};

/** The entry without its hash chain fields (those are checked in auditChain.test.ts). */
function unchained(written: AuditEntry): AuditEntry {
  const { prev, hash, ...rest } = written;
  expect(prev).toMatch(/^[0-9a-f]{64}$/);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  return rest;
}

/** Bytes of one written line, chain fields included. */
function writtenBytes(e: AuditEntry): number {
  return Buffer.byteLength(`${JSON.stringify(e)}\n`) + 148;
}

async function auditFiles(): Promise<string[]> {
  return (await fs.readdir(dataDir)).filter((name) => name.startsWith('audit')).sort();
}

describe('createAuditLog: append and read', () => {
  test('appends one JSON line per entry and reads them back newest first', async () => {
    const log = open();
    expect(log.path).toBe(path.join(dataDir, 'audit.jsonl'));
    await log.append(entry(1));
    await log.append(entry(1, result));
    await log.append(entry(2));
    const lines = (await fs.readFile(log.path, 'utf8')).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(unchained(JSON.parse(lines[1]) as AuditEntry)).toEqual(entry(1, result));
    expect((await log.read()).map(unchained)).toEqual([entry(2), entry(1, result), entry(1)]);
    expect((await log.read({ limit: 2 })).map(unchained)).toEqual([entry(2), entry(1, result)]);
    expect(await open().read()).toHaveLength(3);
  });

  test('creates the folder (0700) and the file (0600)', async () => {
    const log = open();
    await log.append(entry(1));
    if (process.platform !== 'win32') {
      expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
      expect((await fs.stat(log.path)).mode & 0o777).toBe(0o600);
    }
  });

  test('reading an empty log gives no entries and creates nothing', async () => {
    expect(await open().readDetailed()).toEqual({ entries: [], skipped: 0 });
    await expect(fs.stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('read waits for appends still in flight', async () => {
    const log = open();
    const pending = [log.append(entry(1)), log.append(entry(2))];
    expect(await log.read()).toHaveLength(2);
    await Promise.all(pending);
  });

  test('keeps appending to an existing file, across instances', async () => {
    await open().append(entry(1));
    await open().append(entry(2));
    expect((await open().read()).map((e) => e.operationId)).toEqual(['op-2', 'op-1']);
  });

  test('two writers taking turns on one file keep one unbroken chain (each notices the other grew it)', async () => {
    const app = open();
    const cli = open();
    for (let n = 0; n < 6; n += 1) await (n % 2 === 0 ? app : cli).append(entry(n));
    await app.append(entry(6));
    await app.append(entry(7));
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: true, entries: 8 });
  });

  test('a writer notices its file rotated away and replaced by another of the same size', async () => {
    const log = open();
    await log.append(entry(1));
    // Another log's file: one entry of the same length as entry 1, with another hash.
    const otherDir = path.join(root, 'other');
    const other = createAuditLog({ dataDir: otherDir });
    await other.append(entry(9));
    await other.close();
    const replacement = await fs.readFile(path.join(otherDir, 'audit.jsonl'));
    expect(replacement.length).toBe((await fs.stat(log.path)).size);
    await fs.rename(log.path, path.join(dataDir, 'audit.1.jsonl'));
    await fs.writeFile(log.path, replacement, { mode: 0o600 });
    await log.append(entry(2));
    const lines = (await fs.readFile(log.path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]).prev).toBe(JSON.parse(lines[0]).hash);
  });

  test('a later append reopens the file after close()', async () => {
    const log = open();
    await log.append(entry(1));
    await log.close();
    await log.append(entry(2));
    expect(await log.read()).toHaveLength(2);
  });
});

describe('createAuditLog: nothing but AuditEntry fields', () => {
  test('an entry carrying an extra `secret` field is written without it', async () => {
    const log = open();
    const leaky = { ...entry(1), secret: 'S3CRET-do-not-write', token: 'tok-xyz' } as AuditEntry;
    await log.append(leaky);
    const text = await fs.readFile(log.path, 'utf8');
    expect(text).not.toContain('S3CRET-do-not-write');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('tok-xyz');
    expect(unchained(JSON.parse(text) as AuditEntry)).toEqual(entry(1));
  });

  test('an entry with an invalid field is refused and nothing is written', async () => {
    const log = open();
    const bad = { ...entry(1), phase: 'later' } as unknown as AuditEntry;
    const error = await log.append(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuditLogError);
    expect((error as AuditLogError).failure).toBe('invalid');
    expect((error as AuditLogError).message).toContain('"phase"');
    const nested = { ...entry(1), msg: { secret: 'x' } } as unknown as AuditEntry;
    await expect(log.append(nested)).rejects.toMatchObject({ failure: 'invalid' });
    await expect(fs.stat(log.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('very long messages are cut so every line stays small', async () => {
    const log = open();
    await log.append(entry(1, { ...result, msg: 'x'.repeat(100_000) }));
    const [read] = await log.read();
    expect(read.msg?.length).toBeLessThanOrEqual(2001);
  });
});

describe('createAuditLog: durability', () => {
  test('each append resolves only after its line was written and fsynced', async () => {
    const probe = await fs.open(path.join(root, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as fs.FileHandle;
    await probe.close();
    const events: string[] = [];
    const write = proto.write;
    const sync = proto.sync;
    vi.spyOn(proto, 'write').mockImplementation(function (this: fs.FileHandle, ...args: unknown[]) {
      events.push('write');
      return (write as (...a: unknown[]) => ReturnType<fs.FileHandle['write']>).apply(this, args);
    } as fs.FileHandle['write']);
    vi.spyOn(proto, 'sync').mockImplementation(function (this: fs.FileHandle) {
      events.push('sync');
      return sync.call(this);
    });
    const log = open();
    for (let n = 1; n <= 3; n += 1) {
      events.length = 0;
      await log.append(entry(n));
      expect(events).toEqual(['write', 'sync']);
    }
  });

  test('thousands of concurrent appends are all written, whole, with far fewer fsyncs', async () => {
    const probe = await fs.open(path.join(root, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as fs.FileHandle;
    await probe.close();
    const syncSpy = vi.spyOn(proto, 'sync');
    const log = open();
    const count = 5000;
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, n) => log.append(entry(n))));
    const elapsed = performance.now() - started;
    const { entries, skipped } = await log.readDetailed();
    expect(skipped).toBe(0);
    expect(entries).toHaveLength(count);
    expect(entries[0].operationId).toBe(`op-${count - 1}`);
    expect(entries[count - 1].operationId).toBe('op-0');
    expect(syncSpy.mock.calls.length).toBeLessThan(count / 10);
    expect(elapsed).toBeLessThan(5000);
  });

  test('under concurrent appends (a batch: 16 writers in turn), each resolves only after a sync that followed the write of its line', async () => {
    const probe = await fs.open(path.join(root, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as fs.FileHandle;
    await probe.close();
    const write = proto.write;
    const sync = proto.sync;
    /** Operation IDs written to the log, and those written before a sync that has completed. */
    const written = new Set<string>();
    const synced = new Set<string>();
    vi.spyOn(proto, 'write').mockImplementation(function (this: fs.FileHandle, ...args: unknown[]) {
      const text = Buffer.isBuffer(args[0]) ? args[0].toString('utf8') : String(args[0]);
      for (const match of text.matchAll(/"operationId":"(op-\d+)"/g)) written.add(match[1]);
      return (write as (...a: unknown[]) => ReturnType<fs.FileHandle['write']>).apply(this, args);
    } as fs.FileHandle['write']);
    vi.spyOn(proto, 'sync').mockImplementation(async function (this: fs.FileHandle) {
      const covered = [...written];
      await sync.call(this);
      for (const id of covered) synced.add(id);
    });
    const log = open();
    const early: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 400) {
          const n = next++;
          await log.append(entry(n));
          if (!synced.has(`op-${n}`)) early.push(`op-${n}`);
        }
      }),
    );
    expect(early).toEqual([]);
    expect(synced.size).toBe(400);
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: true, entries: 400 });
  });

  test('a busy writer keeps the lock for a while only: another writer appends while it is still busy', async () => {
    const busy = open();
    const other = open();
    let otherDone = false;
    let busyAppends = 0;
    const started = Date.now();
    const workers = Array.from({ length: 16 }, async () => {
      while (!otherDone && Date.now() - started < 20_000) {
        await busy.append(entry(busyAppends++));
      }
    });
    await busy.append(entry(100_000));
    await other.append(entry(200_000)).finally(() => (otherDone = true));
    await Promise.all(workers);
    const verification = await verifyAuditLog(dataDir);
    expect(verification).toMatchObject({ intact: true });
    expect((await other.read()).some((e) => e.operationId === 'op-200000')).toBe(true);
  });

  test('a folder that cannot be created makes append fail with an "io" AuditLogError naming the file', async () => {
    await fs.writeFile(path.join(root, 'blocker'), 'x');
    const log = createAuditLog({ dataDir: path.join(root, 'blocker', 'data') });
    logs.push(log);
    const error = await log.append(entry(1)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuditLogError);
    expect((error as AuditLogError).failure).toBe('io');
    expect((error as AuditLogError).message).toContain(path.join(root, 'blocker', 'data', 'audit.jsonl'));
  });
});

describe('createAuditLog: rotation', () => {
  test('rotates past maxBytes; older files stay readable, newest first', async () => {
    const lineBytes = writtenBytes(entry(10));
    const log = open({ maxBytes: lineBytes * 3, maxFiles: 10 });
    for (let n = 10; n < 20; n += 1) await log.append(entry(n));
    expect(await auditFiles()).toEqual(['audit.1.jsonl', 'audit.2.jsonl', 'audit.3.jsonl', 'audit.jsonl']);
    for (const name of await auditFiles()) {
      expect((await fs.stat(path.join(dataDir, name))).size).toBeLessThanOrEqual(lineBytes * 3);
    }
    const live = await fs.readFile(log.path, 'utf8');
    expect(live.trim().split('\n')).toHaveLength(1);
    const ids = (await log.read()).map((e) => e.operationId);
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `op-${19 - i}`));
    expect((await log.read({ limit: 5 })).map((e) => e.operationId)).toEqual(ids.slice(0, 5));
  });

  test('reads maxFiles files and archives older ones instead of deleting them', async () => {
    const lineBytes = writtenBytes(entry(10));
    const log = open({ maxBytes: lineBytes * 2, maxFiles: 3 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(entry(10 + i))));
    expect(await auditFiles()).toEqual([
      'audit.1.jsonl',
      'audit.2.jsonl',
      'audit.archive.000001.jsonl',
      'audit.archive.000002.jsonl',
      'audit.jsonl',
    ]);
    const archived = await fs.readFile(path.join(dataDir, 'audit.archive.000001.jsonl'), 'utf8');
    expect(archived).toContain('"operationId":"op-10"');
    expect(archived).toContain('"operationId":"op-11"');
    expect((await log.read()).map((e) => e.operationId)).toEqual([
      'op-19',
      'op-18',
      'op-17',
      'op-16',
      'op-15',
      'op-14',
    ]);
  });

  test('a line larger than maxBytes still gets written, alone in its file', async () => {
    const log = open({ maxBytes: 50, maxFiles: 4 });
    await log.append(entry(1));
    await log.append(entry(2));
    expect(await auditFiles()).toEqual(['audit.1.jsonl', 'audit.jsonl']);
    expect((await log.read()).map((e) => e.operationId)).toEqual(['op-2', 'op-1']);
  });

  test('notices when another process rotated the file and writes to the new one', async () => {
    const log = open();
    await log.append(entry(1));
    await fs.rename(log.path, path.join(dataDir, 'audit.1.jsonl'));
    await log.append(entry(2));
    expect((await fs.readFile(log.path, 'utf8')).trim().split('\n')).toHaveLength(1);
    expect((await log.read()).map((e) => e.operationId)).toEqual(['op-2', 'op-1']);
  });

  test('rejects options that would lose the log', () => {
    expect(() => createAuditLog({ dataDir, maxFiles: 1 })).toThrow(RangeError);
    expect(() => createAuditLog({ dataDir, maxBytes: 0 })).toThrow(RangeError);
  });
});

describe('createAuditLog: damaged lines', () => {
  test('malformed lines are skipped and counted, the rest is read', async () => {
    const log = open();
    await log.append(entry(1));
    await fs.appendFile(log.path, 'not json\n{"time":"x"}\n[1,2]\n\n');
    await log.append(entry(2));
    await fs.appendFile(log.path, '{"time":"2026-11-27T12:00:00.000Z","operationId":"torn","pha');
    const { entries, skipped } = await log.readDetailed();
    expect(entries.map((e) => e.operationId)).toEqual(['op-2', 'op-1']);
    expect(skipped).toBe(4);
    expect(await log.read()).toHaveLength(2);
  });

  test('unknown fields found in the file are not passed on', async () => {
    const log = open();
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(log.path, `${JSON.stringify({ ...entry(1), secret: 'zzz' })}\n`);
    expect(await log.read()).toEqual([entry(1)]);
    await log.append(entry(2));
    expect((await log.read()).map((e) => e.operationId)).toEqual(['op-2', 'op-1']);
  });
});
