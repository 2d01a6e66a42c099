import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';
import { type AuditLog, createAuditLog } from '../../../../electron/core/audit/auditLog';
import { HistoryFilterError, createHistoryIndex } from '../../../../electron/core/history/historyIndex';
import type { HistoryFilter, HistoryRow } from '../../../../shared/history';
import {
  FIXTURE_PROFILES,
  FIXTURE_START_MS,
  fixtureEntries,
  fixtureLockId,
  fixtureOutcome,
  generateAuditLog,
} from './auditFixtures';

let dataDir: string;
const logs: AuditLog[] = [];

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-history-'));
});

afterEach(async () => {
  await Promise.all(logs.splice(0).map((log) => log.close()));
  await fs.rm(dataDir, { recursive: true, force: true });
});

function openLog(): AuditLog {
  const log = createAuditLog({ dataDir });
  logs.push(log);
  return log;
}

const live = () => path.join(dataDir, 'audit.jsonl');
const lines = (entries: AuditEntry[]) => entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');

async function writeOps(from: number, to: number, file = live()): Promise<void> {
  const entries: AuditEntry[] = [];
  for (let op = from; op < to; op += 1) entries.push(...fixtureEntries(op));
  await fs.appendFile(file, lines(entries));
}

async function all(filter: HistoryFilter = {}, index = createHistoryIndex({ dataDir })): Promise<HistoryRow[]> {
  return (await index.query(filter, 0, 1000)).rows;
}

const opIds = (rows: HistoryRow[]) => rows.map((row) => row.operationId);

describe('history rows from the audit log', () => {
  it('merges each pending entry with its result, newest first, and keeps a pending without result', async () => {
    const log = openLog();
    const base = {
      source: 'gui' as const,
      osUser: 'ana',
      profile: 'production',
      host: 'intl.myhuaweicloud-koodrive.com',
      operation: 'release' as const,
    };
    const lockA = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
    const lockB = '1f7126e9-bdc9-4683-938e-4869f15d412e@100';
    await log.append({ ...base, operationId: 'a', time: '2026-11-03T07:00:00.000Z', phase: 'pending', lockId: lockA });
    await log.append({ ...base, operationId: 'b', time: '2026-11-03T07:00:01.000Z', phase: 'pending', lockId: lockB });
    await log.append({
      ...base,
      operationId: 'a',
      time: '2026-11-03T07:00:02.000Z',
      phase: 'result',
      lockId: lockA,
      ok: false,
      kind: 'not-found',
      httpStatus: 400,
      code: '13000309',
      msg: 'Resource not found',
      requestId: 'req-a',
      durationMs: 41.5,
    });
    await log.append({
      ...base,
      operation: 'create',
      operationId: 'c',
      time: '2026-11-03T07:00:03.000Z',
      phase: 'pending',
      lockId: null,
    });
    await log.append({
      ...base,
      operation: 'create',
      operationId: 'c',
      time: '2026-11-03T07:00:04.000Z',
      phase: 'result',
      lockId: 'created-lock@101',
      ok: true,
      kind: 'success',
      httpStatus: 200,
      code: '0',
      msg: 'success',
      durationMs: 12,
    });

    const page = await createHistoryIndex({ dataDir }).query({}, 0, 10);
    expect(page.total).toBe(3);
    expect(page.skippedLines).toBe(0);
    expect(page.rows).toEqual([
      {
        ...base,
        operation: 'create',
        operationId: 'c',
        time: '2026-11-03T07:00:03.000Z',
        lockId: 'created-lock@101',
        outcome: 'success',
        kind: 'success',
        httpStatus: 200,
        code: '0',
        msg: 'success',
        durationMs: 12,
      },
      { ...base, operationId: 'b', time: '2026-11-03T07:00:01.000Z', lockId: lockB, outcome: 'pending' },
      {
        ...base,
        operationId: 'a',
        time: '2026-11-03T07:00:00.000Z',
        lockId: lockA,
        outcome: 'failed',
        kind: 'not-found',
        httpStatus: 400,
        code: '13000309',
        msg: 'Resource not found',
        requestId: 'req-a',
        durationMs: 41.5,
      },
    ]);
  });

  it('counts malformed lines, and a torn last line only once the file is rotated', async () => {
    await writeOps(0, 3);
    await fs.appendFile(live(), 'not json\n{"time":"x"}\n');
    await fs.appendFile(live(), lines(fixtureEntries(3)));
    await fs.appendFile(live(), '{"time":"2026-');
    const index = createHistoryIndex({ dataDir });
    expect(await index.query({}, 0, 10)).toMatchObject({ total: 4, skippedLines: 2 });

    await fs.rename(live(), path.join(dataDir, 'audit.1.jsonl'));
    expect(await index.query({}, 0, 10)).toMatchObject({ total: 4, skippedLines: 3 });
  });

  it('pages through the matching rows with offset and limit', async () => {
    await writeOps(0, 30);
    const index = createHistoryIndex({ dataDir });
    const first = await index.query({}, 0, 10);
    const second = await index.query({}, 10, 10);
    const last = await index.query({}, 25, 10);
    expect(first.total).toBe(30);
    expect(opIds(first.rows)).toEqual(Array.from({ length: 10 }, (_, i) => `op-${29 - i}`));
    expect(opIds(second.rows)).toEqual(Array.from({ length: 10 }, (_, i) => `op-${19 - i}`));
    expect(opIds(last.rows)).toEqual(['op-4', 'op-3', 'op-2', 'op-1', 'op-0']);
    expect((await index.query({}, 40, 10)).rows).toEqual([]);
  });

  it('reads rotated files too, oldest file first, and an operation split across two files', async () => {
    const [pending, result] = fixtureEntries(5);
    await writeOps(0, 5, path.join(dataDir, 'audit.2.jsonl'));
    await fs.appendFile(path.join(dataDir, 'audit.2.jsonl'), lines([pending]));
    await fs.appendFile(path.join(dataDir, 'audit.1.jsonl'), lines([result]));
    await writeOps(6, 8, path.join(dataDir, 'audit.1.jsonl'));
    await writeOps(8, 10);
    const rows = await all();
    expect(opIds(rows)).toEqual(['op-9', 'op-8', 'op-7', 'op-6', 'op-5', 'op-4', 'op-3', 'op-2', 'op-1', 'op-0']);
    expect(rows[4]).toMatchObject({ outcome: 'success', requestId: 'req-5', time: pending.time });
  });
});

describe('history filters', () => {
  beforeEach(async () => {
    await writeOps(0, 120);
  });

  const profiles = [
    { id: 'production', name: 'Production (intl)' },
    { id: 'staging', name: 'Staging' },
  ];

  it('matches a lock ID substring in any case', async () => {
    const needle = fixtureLockId(77).slice(-10).toUpperCase();
    expect(opIds(await all({ lockId: needle }))).toEqual(['op-77']);
    expect(opIds(await all({ lockId: '@102' }))).toHaveLength(40);
    expect(await all({ lockId: 'no-such-lock' })).toEqual([]);
  });

  it('matches a profile by id or by name, exactly and in any case', async () => {
    const index = createHistoryIndex({ dataDir });
    const byId = await index.query({ profile: 'STAGING' }, 0, 1000, profiles);
    expect(byId.total).toBe(40);
    expect(byId.rows.every((row) => row.profile === 'staging')).toBe(true);
    const byName = await index.query({ profile: 'production (INTL)' }, 0, 1000, profiles);
    expect(byName.total).toBe(40);
    expect(byName.rows.every((row) => row.profile === 'production')).toBe(true);
    expect((await index.query({ profile: 'prod' }, 0, 1000, profiles)).total).toBe(0);
    // A deleted profile's history stays reachable by its id.
    expect((await index.query({ profile: FIXTURE_PROFILES[2] }, 0, 1000, profiles)).total).toBe(40);
  });

  it('matches an outcome', async () => {
    for (const outcome of ['success', 'failed', 'pending'] as const) {
      const expected = Array.from({ length: 120 }, (_, op) => op)
        .filter((op) => fixtureOutcome(op) === outcome)
        .reverse()
        .map((op) => `op-${op}`);
      expect(opIds(await all({ outcome }))).toEqual(expected);
    }
  });

  it('matches an operation and a result kind (the last result of an operation)', async () => {
    const at = (minute: number) => new Date(FIXTURE_START_MS + (200 + minute) * 60_000).toISOString();
    const base = { source: 'gui' as const, osUser: 'ana', profile: 'staging', host: 'h.example', lockId: 'x@102' };
    const more: AuditEntry[] = [
      { ...base, operationId: 'renew-1', time: at(0), phase: 'pending', operation: 'renew' },
      { ...base, operationId: 'renew-1', time: at(1), phase: 'result', operation: 'renew', ok: false, kind: 'auth' },
      { ...base, operationId: 'create-1', time: at(2), phase: 'pending', operation: 'create', lockId: null },
      { ...base, operationId: 'renew-2', time: at(3), phase: 'result', operation: 'renew', ok: false, kind: 'clock' },
      { ...base, operationId: 'renew-2', time: at(4), phase: 'result', operation: 'renew', ok: true, kind: 'success' },
    ];
    await fs.appendFile(live(), lines(more));
    expect(opIds(await all({ operation: 'renew' }))).toEqual(['renew-2', 'renew-1']);
    expect(opIds(await all({ operation: 'create' }))).toEqual(['create-1']);
    expect(await all({ operation: 'create', outcome: 'success' })).toEqual([]);
    expect(opIds(await all({ kind: 'auth' }))).toEqual(['renew-1']);
    // An operation answered twice counts with its last answer, as its row shows it.
    expect(await all({ kind: 'clock' })).toEqual([]);
    expect(opIds(await all({ kind: 'success', operation: 'renew' }))).toEqual(['renew-2']);
    const notFound = Array.from({ length: 120 }, (_, op) => op).filter((op) => fixtureOutcome(op) === 'failed');
    expect(await all({ kind: 'not-found' })).toHaveLength(notFound.length);
    expect((await all({ kind: 'not-found', operation: 'release' }))[0]).toMatchObject({ kind: 'not-found' });
  });

  it('keeps from/to inclusive, a date alone covering the whole day', async () => {
    // One operation per minute from 2026-01-01T00:00Z: ops 0-59 in the first hour, 60-119 in the second.
    expect(opIds(await all({ from: '2026-01-01T01:00', to: '2026-01-01T01:02' }))).toEqual(['op-62', 'op-61', 'op-60']);
    expect(await all({ from: '2026-01-01', to: '2026-01-01' })).toHaveLength(120);
    expect(await all({ to: '2025-12-31' })).toEqual([]);
    expect(await all({ from: '2026-01-02' })).toEqual([]);
    const firstStart = new Date(FIXTURE_START_MS).toISOString();
    expect(opIds(await all({ to: firstStart }))).toEqual(['op-0']);
  });

  it('combines filters', async () => {
    const rows = await all({ outcome: 'failed', profile: 'sandbox', from: '2026-01-01T00:30' });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ outcome: 'failed', profile: 'sandbox' });
      expect(Date.parse(row.time)).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:30:00Z'));
    }
  });

  it('refuses an invalid date or an empty range with a message that says what to type', async () => {
    const index = createHistoryIndex({ dataDir });
    await expect(index.query({ from: '31.12.2026' }, 0, 10)).rejects.toThrow(HistoryFilterError);
    await expect(index.query({ to: '2026-02-30' }, 0, 10)).rejects.toThrow(/“To” is not a date.*YYYY-MM-DD/);
    await expect(index.query({ from: '2026-02-02', to: '2026-02-01' }, 0, 10)).rejects.toThrow(/after/);
  });

  it('exports every matching row as guarded CSV', async () => {
    const index = createHistoryIndex({ dataDir });
    const exported = await index.exportCsv({ outcome: 'failed' });
    const csvLines = exported.csv.split('\r\n');
    expect(exported.rows).toBe(12);
    expect(csvLines[0]).toBe(
      'time,operation,userId,lockId,outcome,kind,httpStatus,code,msg,durationMs,requestId,profile,profileName,environment,batchId,host,source,osUser,operationId',
    );
    expect(csvLines).toHaveLength(12 + 2);
    expect(csvLines[1]).toContain(fixtureLockId(113));
    expect(csvLines.at(-1)).toBe('');
  });
});

describe('history cache', () => {
  it('reads only what was appended, and nothing when the files did not change', async () => {
    await writeOps(0, 10);
    const index = createHistoryIndex({ dataDir });
    expect((await index.query({}, 0, 100)).total).toBe(10);
    const first = index.stats();
    const size = (await fs.stat(live())).size;
    expect(first.bytesRead).toBeGreaterThanOrEqual(size);

    await index.query({ outcome: 'failed' }, 0, 100);
    expect(index.stats()).toEqual(first);

    await writeOps(10, 12);
    const grown = (await fs.stat(live())).size;
    const page = await index.query({}, 0, 100);
    expect(page.total).toBe(12);
    expect(opIds(page.rows).slice(0, 2)).toEqual(['op-11', 'op-10']);
    const second = index.stats();
    expect(second.rebuilds).toBe(first.rebuilds + 1);
    // The appended bytes, plus the few bytes that tell a grown file from a new one.
    expect(second.bytesRead - first.bytesRead).toBeLessThan(grown - size + 200);
  });

  it('finds a line that was half written at the last read once it is complete', async () => {
    const [pending, result] = fixtureEntries(0);
    const resultLine = JSON.stringify(result);
    await fs.appendFile(live(), `${JSON.stringify(pending)}\n${resultLine.slice(0, 40)}`);
    const index = createHistoryIndex({ dataDir });
    expect((await index.query({}, 0, 10)).rows[0]).toMatchObject({ outcome: 'pending', operationId: 'op-0' });
    await fs.appendFile(live(), `${resultLine.slice(40)}\n`);
    const page = await index.query({}, 0, 10);
    expect(page.rows[0]).toMatchObject({ outcome: 'success', requestId: 'req-0' });
    expect(page.skippedLines).toBe(0);
  });

  it('does not read a rotated file again, and reads a rewritten file in full', async () => {
    await writeOps(0, 10);
    const index = createHistoryIndex({ dataDir });
    await index.query({}, 0, 100);
    const before = index.stats().bytesRead;

    await fs.rename(live(), path.join(dataDir, 'audit.1.jsonl'));
    await writeOps(10, 11);
    const newFile = (await fs.stat(live())).size;
    expect((await index.query({}, 0, 100)).total).toBe(11);
    expect(index.stats().bytesRead - before).toBeLessThanOrEqual(newFile);

    // Same size, other content: a rewrite, not an append.
    const text = await fs.readFile(live(), 'utf8');
    await fs.writeFile(live(), text.replace('"ana"', '"bob"'));
    const future = new Date(Date.now() + 5000);
    await fs.utimes(live(), future, future);
    const rows = await all({}, index);
    expect(rows[0]).toMatchObject({ operationId: 'op-10', osUser: 'bob' });

    await fs.rm(path.join(dataDir, 'audit.1.jsonl'));
    expect((await index.query({}, 0, 100)).total).toBe(1);
  });

  it('reads a log with non-ASCII text as UTF-8, and an ASCII one the same way', async () => {
    const [pending, result] = fixtureEntries(1);
    const accented = { ...pending, operationId: 'op-é', profile: 'Été 😀', lockId: 'Lock-Ä@102', osUser: 'jürgen' };
    await fs.writeFile(live(), lines([accented, { ...result, operationId: 'op-é', lockId: null }, pending, result]));
    const index = createHistoryIndex({ dataDir });
    const rows = await all({}, index);
    expect(rows.map(({ operationId, profile, lockId, osUser }) => ({ operationId, profile, lockId, osUser }))).toEqual([
      { operationId: 'op-1', profile: pending.profile, lockId: pending.lockId, osUser: 'ana' },
      { operationId: 'op-é', profile: 'Été 😀', lockId: 'Lock-Ä@102', osUser: 'jürgen' },
    ]);
    expect(opIds(await all({ lockId: 'k-ä@' }, index))).toEqual(['op-é']);
    expect(opIds(await all({ profile: 'été 😀' }, index))).toEqual(['op-é']);
    await fs.appendFile(live(), lines(fixtureEntries(2)));
    expect(opIds(await all({}, index))).toEqual(['op-2', 'op-1', 'op-é']);
  });

  it('builds 100,000 audit entries into the right rows', async () => {
    const { text, operations } = generateAuditLog(100_000);
    await fs.writeFile(live(), text);
    const index = createHistoryIndex({ dataDir });

    const first = await index.query({}, 0, 3);
    expect(first.total).toBe(operations);
    expect(first.skippedLines).toBe(0);
    expect(opIds(first.rows)).toEqual([`op-${operations - 1}`, `op-${operations - 2}`, `op-${operations - 3}`]);
    const last = await index.query({}, operations - 1, 10);
    expect(opIds(last.rows)).toEqual(['op-0']);

    let pending = 0;
    let failed = 0;
    for (let op = 0; op < operations; op += 1) {
      if (fixtureOutcome(op) === 'pending') pending += 1;
      if (fixtureOutcome(op) === 'failed') failed += 1;
    }
    expect((await index.query({ outcome: 'pending' }, 0, 1)).total).toBe(pending);
    expect((await index.query({ outcome: 'failed' }, 0, 1)).total).toBe(failed);
    const one = await index.query({ lockId: fixtureLockId(31_337) }, 0, 10);
    expect(one.rows).toEqual([expect.objectContaining({ operationId: 'op-31337', outcome: fixtureOutcome(31_337) })]);
    expect((await index.exportCsv({ outcome: 'pending' })).rows).toBe(pending);
  }, 60_000);
});
