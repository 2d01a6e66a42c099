import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { GENESIS_HASH, sha256Hex } from '../../../../electron/core/audit/auditChain';
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';
import { type AuditLog, createAuditLog } from '../../../../electron/core/audit/auditLog';
import { AUDIT_LOCK_NAME } from '../../../../electron/core/audit/auditLock';
import { verifyAuditLog } from '../../../../electron/core/audit/verifyAuditLog';

let root: string;
let dataDir: string;
const logs: AuditLog[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-chain-'));
  dataDir = path.join(root, 'data');
});

afterEach(async () => {
  await Promise.all(logs.splice(0).map((log) => log.close()));
  await fs.rm(root, { recursive: true, force: true });
});

function open(options: { maxBytes?: number; maxFiles?: number } = {}): AuditLog {
  const log = createAuditLog({ dataDir, ...options });
  logs.push(log);
  return log;
}

function entry(n: number): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 10, 27, 12, 0, n % 60)).toISOString(),
    operationId: `op-${n}`,
    phase: 'result',
    source: 'cli',
    osUser: 'ana',
    profile: 'prod-eu',
    host: 'intl.myhuaweicloud-koodrive.com',
    operation: 'release',
    lockId: `lock-${n}`,
    ok: true,
    msg: `message ${n}`,
  };
}

async function appendAll(log: AuditLog, from: number, to: number): Promise<void> {
  for (let n = from; n < to; n += 1) await log.append(entry(n));
}

async function lines(file: string): Promise<string[]> {
  return (await fs.readFile(file, 'utf8')).split('\n').slice(0, -1);
}

async function writeLines(file: string, content: string[]): Promise<void> {
  await fs.writeFile(file, content.map((line) => `${line}\n`).join(''));
}

describe('hash chain', () => {
  test('the first entry chains to the genesis, each next one to the hash of the one before', async () => {
    const log = open();
    await appendAll(log, 0, 3);
    const written = (await lines(log.path)).map((line) => JSON.parse(line) as AuditEntry);
    expect(written[0].prev).toBe(GENESIS_HASH);
    expect(written[1].prev).toBe(written[0].hash);
    expect(written[2].prev).toBe(written[1].hash);
    const first = (await lines(log.path))[0];
    expect(written[0].hash).toBe(sha256Hex(`${first.slice(0, first.indexOf(',"hash"'))}}`));
  });

  test('a chain field given by the caller is replaced by the writer', async () => {
    const log = open();
    await log.append({ ...entry(0), prev: 'f'.repeat(64), hash: 'e'.repeat(64) });
    const [written] = (await lines(log.path)).map((line) => JSON.parse(line) as AuditEntry);
    expect(written.prev).toBe(GENESIS_HASH);
    expect(written.hash).not.toBe('e'.repeat(64));
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: true, entries: 1 });
  });

  test('a rotated file: the new file’s first entry chains to the last entry of the file before', async () => {
    const log = open({ maxBytes: 1200, maxFiles: 3 });
    await appendAll(log, 0, 12);
    const older = await lines(path.join(dataDir, 'audit.1.jsonl'));
    const live = await lines(log.path);
    const lastOlder = JSON.parse(older.at(-1) ?? '') as AuditEntry;
    expect((JSON.parse(live[0]) as AuditEntry).prev).toBe(lastOlder.hash);
    const names = await fs.readdir(dataDir);
    expect(names.some((name) => name.startsWith('audit.archive.'))).toBe(true);
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: true, entries: 12, unchained: 0 });
  });

  test('two writers in one folder (app and CLI) keep one unbroken chain, serialized by the lock file', async () => {
    const a = open({ maxBytes: 4000 });
    const b = open({ maxBytes: 4000 });
    await Promise.all(Array.from({ length: 60 }, (_, n) => (n % 2 === 0 ? a : b).append(entry(n))));
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: true, entries: 60 });
    expect((await fs.readdir(dataDir)).includes(AUDIT_LOCK_NAME)).toBe(false);
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(dataDir, AUDIT_LOCK_NAME), `${gone}\n`);
    const started = Date.now();
    await open().append(entry(1));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: true, entries: 1 });
  });

  test('a log written before the chain existed: its lines are accepted, and the chain continues from them', async () => {
    await fs.mkdir(dataDir, { recursive: true });
    const legacy = [JSON.stringify(entry(100)), JSON.stringify(entry(101))];
    await writeLines(path.join(dataDir, 'audit.jsonl'), legacy);
    const log = open();
    await log.append(entry(1));
    const [, , chained] = await lines(log.path);
    expect((JSON.parse(chained) as AuditEntry).prev).toBe(sha256Hex(legacy[1]));
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: true, entries: 3, unchained: 2 });
  });

  test('a torn last line: the next write starts on a new line, and verification names the torn line', async () => {
    const log = open();
    await appendAll(log, 0, 2);
    await fs.appendFile(log.path, '{"time":"2026-11-27T12:00:00.000Z","pha');
    await log.append(entry(2));
    const written = await lines(log.path);
    expect(written).toHaveLength(4);
    expect((JSON.parse(written[3]) as AuditEntry).prev).toBe((JSON.parse(written[1]) as AuditEntry).hash);
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: false, line: 3 });
  });
});

describe('verifyAuditLog', () => {
  test('an empty or missing log is intact', async () => {
    expect(await verifyAuditLog(dataDir)).toEqual({ intact: true, entries: 0, unchained: 0, files: [] });
  });

  test('a changed byte is found, with its file and line', async () => {
    const log = open();
    await appendAll(log, 0, 5);
    const content = await lines(log.path);
    content[2] = content[2].replace('message 2', 'message 7');
    await writeLines(log.path, content);
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: false, file: log.path, line: 3, entries: 2 });
    expect(verdict.intact ? '' : verdict.problem).toContain('changed');
  });

  test('a changed hash (the line re-hashed by hand) breaks the next line', async () => {
    const log = open();
    await appendAll(log, 0, 3);
    const content = await lines(log.path);
    const edited = content[1].replace('message 1', 'message 9');
    const body = `${edited.slice(0, edited.indexOf(',"hash"'))}}`;
    content[1] = `${body.slice(0, -1)},"hash":"${sha256Hex(body)}"}`;
    await writeLines(log.path, content);
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: false, line: 3 });
    expect(verdict.intact ? '' : verdict.problem).toContain('removed, inserted or reordered');
  });

  test('a removed line is found', async () => {
    const log = open();
    await appendAll(log, 0, 5);
    const content = await lines(log.path);
    content.splice(1, 1);
    await writeLines(log.path, content);
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: false, line: 2, entries: 1 });
  });

  test('the removed first line is found', async () => {
    const log = open();
    await appendAll(log, 0, 3);
    await writeLines(log.path, (await lines(log.path)).slice(1));
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: false, line: 1 });
    expect(verdict.intact ? '' : verdict.problem).toContain('missing');
  });

  test('reordered lines are found', async () => {
    const log = open();
    await appendAll(log, 0, 4);
    const content = await lines(log.path);
    [content[1], content[2]] = [content[2], content[1]];
    await writeLines(log.path, content);
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: false, line: 2 });
  });

  test('a truncated file is found', async () => {
    const log = open();
    await appendAll(log, 0, 3);
    const { size } = await fs.stat(log.path);
    await fs.truncate(log.path, size - 20);
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: false, line: 3 });
    expect(verdict.intact ? '' : verdict.problem).toContain('truncated');
  });

  test('a rotated file that went missing is found at the first entry after it', async () => {
    const log = open({ maxBytes: 1200, maxFiles: 5 });
    await appendAll(log, 0, 10);
    await fs.rm(path.join(dataDir, 'audit.2.jsonl'));
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: false, file: path.join(dataDir, 'audit.1.jsonl'), line: 1 });
  });

  test('an unchained line after chained ones is refused', async () => {
    const log = open();
    await appendAll(log, 0, 2);
    await fs.appendFile(log.path, `${JSON.stringify(entry(5))}\n`);
    expect(await verifyAuditLog(dataDir)).toMatchObject({ intact: false, line: 3 });
  });

  test('a symbolic link in place of an audit file is reported, not followed', async () => {
    const log = open();
    await appendAll(log, 0, 2);
    await fs.rename(log.path, path.join(root, 'elsewhere.jsonl'));
    await fs.symlink(path.join(root, 'elsewhere.jsonl'), log.path);
    const verdict = await verifyAuditLog(dataDir);
    expect(verdict).toMatchObject({ intact: false, line: 1 });
    expect(verdict.intact ? '' : verdict.problem).toContain('symbolic link');
  });
});
