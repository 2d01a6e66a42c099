import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { historyRows, parseSince } from '../../../electron/cli/commands/history';
import type { AuditEntry } from '../../../electron/core/audit/auditEntry';
import { createAuditLog } from '../../../electron/core/audit/auditLog';
import { runCli, removeTempDirs, tempDir } from './harness';

let dataDir: string;
beforeEach(async () => {
  dataDir = await tempDir();
});
afterAll(removeTempDirs);

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 10, 3, 7, n)).toISOString(),
    operationId: `op-${n}`,
    phase: 'result',
    source: 'gui',
    osUser: 'alice',
    profile: 'prod',
    host: 'intl.example',
    operation: 'release',
    lockId: `lock-${n}@102`,
    ok: true,
    kind: 'success',
    httpStatus: 200,
    code: '0',
    msg: 'success',
    durationMs: 40 + n,
    ...overrides,
  };
}

async function writeLog(entries: AuditEntry[]): Promise<void> {
  const log = createAuditLog({ dataDir });
  for (const e of entries) await log.append(e);
  await log.close();
}

describe('parseSince', () => {
  const now = new Date('2026-11-03T12:00:00Z');
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T08:30:00Z', '2026-11-01T08:30:00.000Z'],
    ['2026-11-01T08:30:00+02:00', '2026-11-01T06:30:00.000Z'],
    // No zone: UTC, as the window's History filter reads it (not this machine's local time).
    ['2026-11-01T08:30', '2026-11-01T08:30:00.000Z'],
    ['2026-11-01 08:30:15', '2026-11-01T08:30:15.000Z'],
    ['30m', '2026-11-03T11:30:00.000Z'],
    ['24h', '2026-11-02T12:00:00.000Z'],
    ['7d', '2026-10-27T12:00:00.000Z'],
  ])('%s', (text, iso) => {
    expect(parseSince(text, now)?.toISOString()).toBe(iso);
  });

  it.each(['yesterday', '2026-13-01', '2026-02-30', '2026-11-01T24:00', '11/03/2026', '5w', ''])(
    'rejects %j',
    (text) => {
      expect(parseSince(text, now)).toBeNull();
    },
  );
});

describe('historyRows', () => {
  it('keeps result entries and pending entries without a result', () => {
    const rows = historyRows([
      entry(3, { phase: 'pending', operationId: 'op-3' }),
      entry(2),
      entry(1, { phase: 'pending', operationId: 'op-2' }),
    ]);
    expect(rows.map((r) => `${r.operationId}/${r.phase}`)).toEqual(['op-3/pending', 'op-2/result']);
  });
});

describe('koodrive-lock history', () => {
  it('says so when nothing was recorded', async () => {
    const { code, stdout } = await runCli(['history', '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(stdout).toBe('No operations recorded yet.\n');
  });

  it('shows a table newest first, with "no result" for an unfinished operation', async () => {
    await writeLog([
      entry(1, { phase: 'pending', ok: undefined, kind: undefined }),
      entry(1, { source: 'cli', osUser: 'bob' }),
      entry(2, { ok: false, kind: 'not-found', httpStatus: 400, code: '13000309' }),
      entry(3, { phase: 'pending', ok: undefined, kind: undefined, httpStatus: undefined, durationMs: undefined }),
    ]);
    const { code, stdout } = await runCli(['history', '--data-dir', dataDir]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME +SOURCE +OPERATOR +PROFILE +OPERATION +USER ID +LOCK ID +RESULT +HTTP +CODE +MS$/);
    expect(lines[1]).toMatch(/^2026-11-03T07:03:00Z +gui +alice +prod +release +- +lock-3@102 +no result +- +0 +-$/);
    expect(lines[2]).toMatch(/lock-2@102 +not-found +400 +13000309 +42$/);
    expect(lines[3]).toMatch(/cli +bob .* lock-1@102 +ok +200 +0 +41$/);
    expect(lines).toHaveLength(4);
  });

  it('filters by --lock, --since and --limit, and prints JSON lines', async () => {
    await writeLog([entry(1), entry(2), entry(3), entry(4, { lockId: 'lock-1@102' })]);
    const byLock = await runCli(['history', '--json', '--lock', 'lock-1@102', '--data-dir', dataDir]);
    expect(
      byLock.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as AuditEntry).operationId),
    ).toEqual(['op-4', 'op-1']);
    const since = await runCli(['history', '--json', '--since', '2026-11-03T07:02:00Z', '--data-dir', dataDir]);
    expect(since.stdout.trimEnd().split('\n')).toHaveLength(3);
    const limited = await runCli(['history', '--json', '--limit', '1', '--data-dir', dataDir]);
    expect(JSON.parse(limited.stdout)).toMatchObject({ operationId: 'op-4' });
    const none = await runCli(['history', '--lock', 'other@1', '--data-dir', dataDir]);
    expect(none.stdout).toBe('No operations recorded that match.\n');
  });

  it('orders by time, not by position in the log', async () => {
    await writeLog([entry(3), entry(1, { operationId: 'op-1' }), entry(2, { operationId: 'op-2' })]);
    const { stdout } = await runCli(['history', '--json', '--data-dir', dataDir]);
    const times = stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as AuditEntry).time);
    expect(times).toEqual([...times].sort().reverse());
    expect(times).toHaveLength(3);
  });

  it('filters by --profile (a saved profile by exact name, else the id in the log) and --outcome', async () => {
    await writeLog([
      entry(1),
      entry(2, { operationId: 'op-2', profile: 'staging', ok: false, kind: 'auth', httpStatus: 401 }),
      entry(3, { operationId: 'op-3', ok: false, kind: 'not-found', httpStatus: 400 }),
      entry(4, { operationId: 'op-4', phase: 'pending', ok: undefined, kind: undefined }),
    ]);
    const ids = async (...args: string[]) => {
      const run = await runCli(['history', '--json', ...args, '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      if (run.stdout === '') return [];
      return run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as AuditEntry).operationId);
    };
    expect(await ids('--profile', 'staging')).toEqual(['op-2']);
    expect(await ids('--outcome', 'failed')).toEqual(['op-3', 'op-2']);
    expect(await ids('--outcome', 'not-found')).toEqual(['op-3']);
    expect(await ids('--outcome', 'no-result')).toEqual(['op-4']);
    expect(await ids('--outcome', 'ok', '--profile', 'prod')).toEqual(['op-1']);
    const bad = await runCli(['history', '--outcome', 'sucess', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--outcome takes one of: ok, failed, no-result, success, auth');
  });

  it('filters by --operation, and refuses an operation it does not know', async () => {
    await writeLog([
      entry(1),
      entry(2, { operationId: 'op-2', operation: 'renew' }),
      entry(3, { operationId: 'op-3', operation: 'create', lockId: null }),
      entry(4, { operationId: 'op-4', operation: 'renew', ok: false, kind: 'not-found' }),
    ]);
    const ids = async (...args: string[]) => {
      const run = await runCli(['history', '--json', ...args, '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout
        .trimEnd()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as AuditEntry).operationId);
    };
    expect(await ids('--operation', 'renew')).toEqual(['op-4', 'op-2']);
    expect(await ids('--operation', 'create')).toEqual(['op-3']);
    expect(await ids('--operation', 'renew', '--outcome', 'ok')).toEqual(['op-2']);
    const none = await runCli(['history', '--operation', 'release', '--outcome', 'failed', '--data-dir', dataDir]);
    expect(none.stdout).toBe('No operations recorded that match.\n');
    const bad = await runCli(['history', '--operation', 'delete', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--operation takes one of: release, renew, create.');
  });

  it('finds old matches beyond the first page of the log', async () => {
    const entries = Array.from({ length: 300 }, (_, i) =>
      entry(i % 60, { operationId: `op-${i}`, lockId: `l-${i}@1` }),
    );
    await writeLog(entries);
    const { stdout } = await runCli(['history', '--json', '--lock', 'l-0@1', '--limit', '5', '--data-dir', dataDir]);
    expect(JSON.parse(stdout)).toMatchObject({ operationId: 'op-0' });
  });

  it('rejects a bad --since or --limit (exit 2)', async () => {
    expect((await runCli(['history', '--since', 'last week', '--data-dir', dataDir])).code).toBe(2);
    const impossible = await runCli(['history', '--since', '2026-02-30', '--data-dir', dataDir]);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain('--since: "2026-02-30" is not a date');
    expect((await runCli(['history', '--limit', '0', '--data-dir', dataDir])).code).toBe(2);
  });
});
