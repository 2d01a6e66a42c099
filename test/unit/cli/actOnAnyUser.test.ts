/**
 * The CLI acting on any user of a tenant: --user-id with an app profile, (user, lock) files, the batch
 * ID in every result, --retry-from, and history by user and batch. Against the strict sandbox, whose
 * locks belong to users: a lock released for the wrong user is not found.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { AuditEntry } from '../../../electron/core/audit/auditEntry';
import type { LockResult } from '../../../shared/result';
import { removeTempDirs, runCli, tempDir } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;
const USERS = ['1000000000000000001', '1000000000000000002', '1000000000000000003'];

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
  sandbox.setFault(null);
  const added = await runCli([
    'profile',
    'add',
    '--data-dir',
    dataDir,
    '--name',
    'Tenant',
    '--base-url',
    sandbox.url,
    '--auth',
    'app',
    '--app-id',
    sandbox.credentials.appId,
  ]);
  expect(added.code).toBe(0);
});

const env = () => ({ KOODRIVE_APP_SECRET: sandbox.credentials.appSecret });
const base = () => ['--data-dir', dataDir, '--profile', 'Tenant'];
const stillHeld = (lockIds: readonly string[]) => sandbox.activeLocks().filter((lock) => lockIds.includes(lock.lockId));
const jsonLines = <T>(text: string): T[] =>
  text
    .trimEnd()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);

describe('acting on any user through one app profile', () => {
  it('releases the lock of the user named by --user-id, without a default user on the profile', async () => {
    const lockId = sandbox.addLock({ userId: USERS[1], moduleCode: '102' });
    const { code, stdout } = await runCli(['release', '--json', ...base(), '--user-id', USERS[1], lockId], {
      env: env(),
    });
    expect(code).toBe(0);
    const [result] = jsonLines<LockResult>(stdout);
    expect(result).toMatchObject({ ok: true, userId: USERS[1], lockId });
    expect(result.batchId).toBeUndefined();
    expect(stillHeld([lockId])).toEqual([]);
  });

  it('the same lock for another user is "already gone", and nothing is released', async () => {
    const lockId = sandbox.addLock({ userId: USERS[0], moduleCode: '102' });
    const { code, stdout } = await runCli(['release', ...base(), '--user-id', USERS[2], lockId], { env: env() });
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^already gone ${lockId} for user ${USERS[2]}: `));
    expect(stillHeld([lockId])).toEqual([{ userId: USERS[0], lockId, moduleCode: '102' }]);
  });

  it('without --user-id and without a default user, says what to enter and sends nothing', async () => {
    const before = sandbox.received().length;
    const { code, stderr } = await runCli(['release', ...base(), sandbox.addLock({ userId: USERS[0] })], {
      env: env(),
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/argument 1: .*Enter the user ID/);
    expect(sandbox.received().length).toBe(before);
  });

  it('a (user, lock) CSV releases each lock for its own user; every JSON line carries the user and the batch ID', async () => {
    const rows = USERS.flatMap((userId) => [0, 1].map(() => ({ userId, lockId: sandbox.addLock({ userId }) })));
    const file = path.join(dataDir, 'stuck.csv');
    await fs.writeFile(
      file,
      `\uFEFFnote;User_ID;LockId\r\n${rows.map((row, index) => `"row ${index}; ok";${row.userId};${row.lockId}`).join('\r\n')}\r\n`,
    );
    const { code, stdout, stderr } = await runCli(['release', '--json', '--yes', ...base(), '--file', file], {
      env: env(),
    });
    expect(code).toBe(0);
    expect(stderr).toContain('6 rows: user from column User_ID, lock from column LockId');
    const results = jsonLines<LockResult>(stdout);
    expect(results.map((result) => [result.userId, result.lockId]).sort()).toEqual(
      rows.map((row) => [row.userId, row.lockId]).sort(),
    );
    const batchIds = new Set(results.map((result) => result.batchId));
    expect(batchIds.size).toBe(1);
    const [batchId] = [...batchIds];
    expect(stderr).toContain(`Batch ${batchId}.`);
    expect(stillHeld(rows.map((row) => row.lockId))).toEqual([]);

    const history = await runCli(['history', '--json', '--data-dir', dataDir, '--batch', String(batchId)]);
    const entries = jsonLines<AuditEntry>(history.stdout);
    expect(entries).toHaveLength(6);
    expect(entries.every((entry) => entry.batchId === batchId && entry.environment === 'sandbox')).toBe(true);
    const forOneUser = await runCli(['history', '--json', '--data-dir', dataDir, '--user', USERS[2]]);
    expect(
      jsonLines<AuditEntry>(forOneUser.stdout)
        .map((entry) => entry.lockId)
        .sort(),
    ).toEqual(
      rows
        .filter((row) => row.userId === USERS[2])
        .map((row) => row.lockId)
        .sort(),
    );
  });

  it('refuses a file with an invalid user ID (exit 2, nothing sent) and names the line', async () => {
    const file = path.join(dataDir, 'bad.csv');
    await fs.writeFile(
      file,
      `userId,lockId\n${USERS[0]},${sandbox.addLock({ userId: USERS[0] })}\n12x,${sandbox.addLock()}\n`,
    );
    const before = sandbox.received().length;
    const { code, stderr } = await runCli(['release', '--yes', ...base(), '--file', file], { env: env() });
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:3`);
    expect(sandbox.received().length).toBe(before);
  });

  it('--retry-from sends again only the retryable failures of an earlier --json run', async () => {
    const ids = [0, 1, 2, 3].map(() => sandbox.addLock({ userId: USERS[0] }));
    const gone = '00000000-0000-4000-8000-00000000abcd@102';
    sandbox.setFault({ kind: 'status', status: 503 }, 2);
    const first = await runCli(
      ['release', '--json', '--yes', '--concurrency', '1', ...base(), '--user-id', USERS[0], ...ids, gone],
      { env: env() },
    );
    const earlier = jsonLines<LockResult>(first.stdout);
    expect(earlier.filter((result) => result.kind === 'server')).toHaveLength(2);
    const file = path.join(dataDir, 'earlier.jsonl');
    await fs.writeFile(file, first.stdout);

    const before = sandbox.received().length;
    const retry = await runCli(['release', '--json', '--yes', ...base(), '--retry-from', file], { env: env() });
    expect(retry.code).toBe(0);
    expect(retry.stderr).toContain('5 earlier results, 2 retryable sent again, 3 not');
    const again = sandbox.received().slice(before);
    expect(again.map((request) => request.lockId).sort()).toEqual(
      earlier
        .filter((result) => result.kind === 'server')
        .map((result) => result.lockId)
        .sort(),
    );
    expect(stillHeld(ids)).toEqual([]);
  });

  it('--retry-from a results file with nothing retryable sends nothing and says so', async () => {
    const file = path.join(dataDir, 'done.jsonl');
    const done = { ok: false, kind: 'not-found', operation: 'release', lockId: 'a@102', userId: USERS[0] };
    await fs.writeFile(file, `${JSON.stringify(done)}\n`);
    const { code, stderr } = await runCli(['release', '--yes', ...base(), '--retry-from', file], { env: env() });
    expect(code).toBe(2);
    expect(stderr).toContain('No retryable failure in that file; nothing was sent.');
  });
});
