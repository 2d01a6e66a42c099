import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { LockResult } from '../../../shared/result';
import { runCli, startCli, removeTempDirs, tempDir, TtyStdin, waitFor } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;

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
});

const flags = () => [
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
];
const env = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });
const newLocks = (count: number) => Array.from({ length: count }, () => sandbox.addLock());
const sentSince = (before: number) => sandbox.received().slice(before);

describe('batch release', () => {
  it('releases every ID once with --json: one line per lock, a summary on stderr', async () => {
    const ids = newLocks(20);
    const before = sandbox.received().length;
    const { code, stdout, stderr } = await runCli(
      ['release', '--json', '--yes', '--concurrency', '4', ...flags(), ...ids, ids[0]],
      { env: env() },
    );
    expect(code).toBe(0);
    const results = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LockResult);
    expect(results).toHaveLength(20);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.lockId).sort()).toEqual([...ids].sort());
    expect(sentSince(before)).toHaveLength(20);
    expect(stderr).toContain('note: 1 repeated row (same user and lock) sent once.');
    expect(stderr).toMatch(/Done in [\d.]+ s: 20 released, 0 retryable, 0 need a fix\. Batch [0-9a-f-]{36}\./);
    const batchIds = new Set(results.map((r) => r.batchId));
    expect(batchIds.size).toBe(1);
    expect(results.every((r) => r.userId === sandbox.credentials.userId)).toBe(true);
    expect(stderr).not.toContain('\r');
  });

  it('reads (user, lock) rows from a CSV with a header, and counts a lock that is gone apart', async () => {
    const ids = newLocks(3);
    const user = sandbox.credentials.userId;
    const gone = '00000000-0000-4000-8000-000000000000@102';
    const file = path.join(dataDir, 'ids.csv');
    await fs.writeFile(
      file,
      `note,userId,lockId\na,${user},${ids[0]}\nb,${user},${ids[1]}\nc,${user},${ids[2]}\nd,${user},${gone}\n`,
    );
    const { code, stdout, stderr } = await runCli(['release', '--yes', ...flags(), '--file', file], { env: env() });
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(stdout).toMatch(new RegExp(`^already gone ${gone} for user ${user}: `, 'm'));
    expect(stderr).toContain(`${file}: 4 rows: user from column userId, lock from column lockId`);
    expect(stderr).toMatch(/3 released, 1 already gone, 0 retryable, 0 need a fix\./);
    expect(stderr).not.toContain('Failures:');
  });

  it("a (user, lock) row for another user than the token's is refused before anything is sent (bearer)", async () => {
    const ids = newLocks(1);
    const file = path.join(dataDir, 'ids.csv');
    await fs.writeFile(file, `userId,lockId\n1505084218764547200,${ids[0]}\n`);
    const before = sandbox.received().length;
    const { code, stderr } = await runCli(['release', '--yes', ...flags(), '--file', file], { env: env() });
    expect(code).toBe(2);
    expect(stderr).toContain('bearer token, which acts only for its own user');
    expect(sentSince(before)).toEqual([]);
  });

  it('reads IDs from stdin with --file -', async () => {
    const ids = newLocks(2);
    const { code } = await runCli(['release', '--yes', ...flags(), '--file', '-'], {
      env: env(),
      stdin: ids.join(', '),
    });
    expect(code).toBe(0);
    for (const id of ids) expect(sandbox.activeLockIds()).not.toContain(id);
  });

  it('sends nothing and exits 2 when any ID is invalid, naming each with its line', async () => {
    const ids = newLocks(2);
    const file = path.join(dataDir, 'ids.txt');
    await fs.writeFile(file, `${ids[0]}\nbad\u0007id\n${ids[1]}\n${'y'.repeat(300)}\n`);
    const before = sandbox.received().length;
    const { code, stdout, stderr } = await runCli(['release', '--yes', ...flags(), '--file', file], { env: env() });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('2 invalid rows:');
    expect(stderr).toContain(`${file}:2: "bad id"`);
    expect(stderr).toContain(`${file}:4: `);
    expect(stderr).toContain('add --skip-invalid to release the 2 valid ones only');
    expect(sentSince(before)).toEqual([]);
  });

  it('with --skip-invalid sends the valid IDs and exits by their results', async () => {
    const ids = newLocks(2);
    const before = sandbox.received().length;
    const { code, stderr } = await runCli(
      ['release', '--yes', '--skip-invalid', ...flags(), ids[0], 'bad id', ids[1]],
      {
        env: env(),
      },
    );
    expect(code).toBe(0);
    expect(stderr).toContain('argument 2: "bad id"');
    expect(
      sentSince(before)
        .map((r) => r.lockId)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('needs --yes when stdin is not a terminal, and sends nothing without it', async () => {
    const before = sandbox.received().length;
    const { code, stderr } = await runCli(['release', ...flags(), ...newLocks(2)], { env: env() });
    expect(code).toBe(2);
    expect(stderr).toContain('needs confirmation');
    expect(stderr).toContain('add --yes');
    expect(sentSince(before)).toEqual([]);
  });

  it.each([
    ['y\n', 0, 2],
    ['yes\n', 0, 2],
    ['n\n', 2, 0],
    ['\n', 2, 0],
  ])('asks on a terminal; answer %j exits %i after %i requests', async (answer, exit, sent) => {
    const tty = new TtyStdin();
    const before = sandbox.received().length;
    const running = runCli(['release', ...flags(), ...newLocks(2)], { env: env(), tty });
    setTimeout(() => tty.write(answer), 20);
    const { code, stderr } = await running;
    expect(stderr).toMatch(/Release 2 locks on 127\.0\.0\.1:\d+ \(profile command line, SANDBOX\)\? \[y\/N\]/);
    expect(code).toBe(exit);
    expect(sentSince(before)).toHaveLength(sent);
  });

  it('Ctrl-C stops sending: requests in flight finish, the rest are not sent, exit 130', async () => {
    const ids = newLocks(30);
    sandbox.setFault({ kind: 'delay', ms: 40 }, 1000);
    const before = sandbox.received().length;
    let interrupted = false;
    const { code, stdout, stderr } = await runCli(
      ['release', '--json', '--yes', '--concurrency', '3', ...flags(), ...ids],
      {
        env: env(),
        onStdout: (text, interrupt) => {
          if (!interrupted && text.split('\n').length > 4) {
            interrupted = true;
            interrupt();
          }
        },
      },
    );
    sandbox.setFault(null);
    expect(code).toBe(130);
    const printed = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LockResult);
    const sent = sentSince(before);
    // Everything sent got its answer and was printed; nothing else was sent.
    expect(printed.length).toBe(sent.length);
    expect(printed.every((r) => r.ok)).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.length).toBeLessThanOrEqual(4 + 3);
    expect(stderr).toContain('Interrupted: nothing more will be sent');
    expect(stderr).toContain(`${30 - sent.length} not sent`);
    expect(sandbox.activeLockIds().filter((id) => ids.includes(id))).toHaveLength(30 - sent.length);
  });

  it('a second Ctrl-C aborts the requests in flight (kind cancelled, exit 130)', async () => {
    const ids = newLocks(5);
    sandbox.setFault({ kind: 'hang' }, 2);
    const before = sandbox.received().length;
    const run = startCli(['release', '--json', '--yes', '--concurrency', '2', ...flags(), ...ids], { env: env() });
    await waitFor(() => sentSince(before).length === 2);
    run.interrupt();
    run.interrupt();
    const { code, stdout, stderr } = await run.done;
    expect(code).toBe(130);
    const printed = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as LockResult);
    expect(printed.map((r) => r.kind)).toEqual(['cancelled', 'cancelled']);
    expect(sentSince(before)).toHaveLength(2);
    expect(stderr).toContain('Aborting the requests in flight');
    expect(stderr).toContain('3 not sent');
  });

  it('shows a single updating progress line only when stderr is a terminal', async () => {
    const ids = newLocks(6);
    const { code, stderr } = await runCli(['release', '--yes', ...flags(), ...ids], { env: env(), stderrIsTTY: true });
    expect(code).toBe(0);
    expect(stderr).toContain('\r\u001b[2K');
    expect(stderr).toMatch(/\d+\/6 done, \d+ failed, \d+ remaining · /);
    // As a terminal shows it: each line keeps what follows its last clear; the progress line is gone at the end.
    const shown = stderr.split('\n').map((line) => line.split('\r\u001b[2K').at(-1));
    expect(shown.filter((line) => line?.includes('/6 done'))).toEqual([]);
    expect(shown.join('\n')).toMatch(
      /^Done in [\d.]+ s: 6 released, 0 retryable, 0 need a fix\. Batch [0-9a-f-]{36}\.\n$/,
    );
  });
});
