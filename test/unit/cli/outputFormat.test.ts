import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../electron/core/audit/auditEntry';
import { createAuditLog } from '../../../electron/core/audit/auditLog';
import { ProfileStore } from '../../../electron/core/profiles/profileStore';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { parseCsvRecords, removeFormulaGuard } from '../../../shared/csv';
import { removeTempDirs, runCli, tempDir } from './harness';

let dataDir: string;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0, stuckBackup: true });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
});

const run = (argv: string[], env: Record<string, string> = {}) => runCli([...argv, '--data-dir', dataDir], { env });

/** CSV text back to cells, formula guards removed. */
function cellsOf(csv: string): string[][] {
  return parseCsvRecords(csv, { separator: ',', comments: false }).map((record) =>
    record.cells.map(removeFormulaGuard),
  );
}

async function twoProfiles(): Promise<void> {
  const profiles = new ProfileStore(dataDir);
  await profiles.save({
    name: 'prod, intl',
    baseUrl: 'https://p.example',
    authMode: 'app',
    appId: 'a1',
    moduleCode: '101',
  });
  await profiles.save({
    name: '=cmd|calc',
    baseUrl: 'http://127.0.0.1:9',
    authMode: 'bearer',
    userId: '1505084218764547200',
    moduleCode: '102',
  });
}

describe('--output on profile list', () => {
  it('csv: a header and one quoted, formula-guarded row per profile, CRLF line ends', async () => {
    await twoProfiles();
    const result = await run(['profile', 'list', '--output', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\r\n')).toEqual([
      'id,name,environment,authMode,appId,moduleCode,userId,baseUrl,bearerPrefix,proxyUrl',
      'prod-intl,"prod, intl",other,app,a1,101,,https://p.example,,',
      "cmd-calc,'=cmd|calc,sandbox,bearer,,102,1505084218764547200,http://127.0.0.1:9,,",
      '',
    ]);
    expect(cellsOf(result.stdout)[2][1]).toBe('=cmd|calc');
  });

  it('json is the same as --json; table stays the default; an empty list in csv is the header only', async () => {
    await twoProfiles();
    const json = await run(['profile', 'list', '-o', 'json']);
    expect(json.code).toBe(0);
    expect(json.stdout).toBe((await run(['profile', 'list', '--json'])).stdout);
    expect(json.stdout.trim().split('\n')).toHaveLength(2);
    expect((await run(['profile', 'list', '--output', 'TABLE'])).stdout).toBe((await run(['profile', 'list'])).stdout);
    dataDir = await tempDir();
    expect((await run(['profile', 'list', '--output', 'csv'])).stdout).toBe(
      'id,name,environment,authMode,appId,moduleCode,userId,baseUrl,bearerPrefix,proxyUrl\r\n',
    );
  });

  it('refuses an unknown format, --json with another format, and --output on commands without lists', async () => {
    for (const [argv, message] of [
      [['profile', 'list', '--output', 'xml'], '--output must be table, json, csv.'],
      [['profile', 'list', '--output', 'csv', '--json'], '--json cannot be combined with --output csv.'],
      [['history', '--output', 'yaml'], '--output must be table, json, csv.'],
      [['release', 'x@102', '--output', 'csv'], '`koodrive-lock release` does not take --output.'],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toContain(message);
      expect(result.stdout).toBe('');
    }
  });
});

describe('--output on history', () => {
  it('csv: the audit fields, the outcome in words, server text guarded against formulas', async () => {
    const log = createAuditLog({ dataDir });
    const base: AuditEntry = {
      time: '2026-11-03T07:01:00.000Z',
      operationId: 'op-1',
      phase: 'result',
      source: 'cli',
      osUser: 'alice',
      profile: 'prod',
      host: 'p.example',
      operation: 'release',
      lockId: 'lock-1@102',
      userId: '1505084218764547200',
      ok: false,
      kind: 'server',
      httpStatus: 500,
      code: '-1',
      msg: '@SUM(1+1), "quoted"\nnext line',
      durationMs: 41.5,
      batchId: 'b-1',
    };
    await log.append(base);
    await log.append({
      ...base,
      time: '2026-11-03T07:02:00.000Z',
      operationId: 'op-2',
      phase: 'pending',
      ok: undefined,
      kind: undefined,
      httpStatus: undefined,
      code: undefined,
      msg: undefined,
      durationMs: undefined,
    });
    await log.close();

    const result = await run(['history', '--output', 'csv']);
    expect(result.code).toBe(0);
    const [header, pending, failed] = cellsOf(result.stdout);
    expect(header).toEqual([
      'time',
      'source',
      'osUser',
      'profile',
      'environment',
      'host',
      'operation',
      'userId',
      'lockId',
      'outcome',
      'httpStatus',
      'code',
      'msg',
      'durationMs',
      'requestId',
      'batchId',
      'operationId',
    ]);
    expect(pending).toEqual([
      '2026-11-03T07:02:00.000Z',
      'cli',
      'alice',
      'prod',
      '',
      'p.example',
      'release',
      '1505084218764547200',
      'lock-1@102',
      'no result',
      '',
      '',
      '',
      '',
      '',
      'b-1',
      'op-2',
    ]);
    expect(failed[9]).toBe('server');
    expect(failed[12]).toBe('@SUM(1+1), "quoted"\nnext line');
    expect(result.stdout).toContain(`"'@SUM(1+1), ""quoted""\nnext line"`);
    expect(failed[11]).toBe('-1');
    expect(result.stdout).toContain(",'-1,");
  });
});

describe('history says when --limit cut the list', () => {
  function entries(count: number): AuditEntry[] {
    return Array.from({ length: count }, (_, i) => ({
      time: new Date(Date.UTC(2026, 10, 3, 7, 0, i)).toISOString(),
      operationId: `op-${i}`,
      phase: 'result',
      source: 'cli',
      osUser: 'alice',
      profile: 'prod',
      host: 'p.example',
      operation: 'release',
      lockId: `lock-${i % 3}@102`,
      ok: true,
      kind: 'success',
    }));
  }

  async function writeLog(list: AuditEntry[]): Promise<void> {
    const log = createAuditLog({ dataDir });
    for (const item of list) await log.append(item);
    await log.close();
  }

  it('"showing N of M" on stderr, in every format, counting only matching operations', async () => {
    await writeLog(entries(300));
    const table = await run(['history', '--limit', '5']);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(table.stderr).toBe('Showing the newest 5 of 300 matching operations; `--limit 300` shows them all.\n');
    const csv = await run(['history', '--lock', 'lock-1@102', '--limit', '2', '--output', 'csv']);
    expect(csv.stderr).toBe('Showing the newest 2 of 100 matching operations; `--limit 100` shows them all.\n');
    expect(cellsOf(csv.stdout)).toHaveLength(3);
    const json = await run(['history', '--since', '2026-11-03T07:04:50Z', '--limit', '3', '--json']);
    expect(json.stderr).toBe('Showing the newest 3 of 10 matching operations; `--limit 10` shows them all.\n');
  });

  it('no note when nothing was cut', async () => {
    await writeLog(entries(4));
    for (const argv of [
      ['history'],
      ['history', '--limit', '4'],
      ['history', '--lock', 'lock-0@102', '--limit', '2'],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(0);
      expect(result.stderr, argv.join(' ')).toBe('');
    }
    expect((await run(['history', '--limit', '3'])).stderr).toContain('Showing the newest 3 of 4 matching operations');
  });
});

describe('--output on records list', () => {
  it('csv has one row per record, the same records as json, the stuck one marked', async () => {
    const connection = ['--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
    const env = { KOODRIVE_TOKEN: sandbox.credentials.token };
    const csv = await run(['records', 'list', ...connection, '--module', '102', '--output', 'csv'], env);
    expect(csv.code).toBe(0);
    const [header, ...rows] = cellsOf(csv.stdout);
    expect(header).toEqual([
      'recordId',
      'moduleCode',
      'status',
      'statusName',
      'createTime',
      'createdAtUtc',
      'endTime',
      'deviceId',
      'deviceName',
      'possiblyStuck',
    ]);
    const json = await run(['records', 'list', ...connection, '--module', '102', '--json'], env);
    const records = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { recordId: string });
    expect(rows.map((row) => row[0])).toEqual(records.map((record) => record.recordId));
    expect(rows.filter((row) => row[9] === 'true').map((row) => row[0])).toEqual([sandbox.stuckBackup?.recordId]);
    expect(csv.stderr).toMatch(/records of user \d+ for module 102/);
  });
});
