import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HttpTransport, createHttpTransport } from '../../../electron/core/koodrive/httpTransport';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { BackupFileView, BackupRecordView, StuckReason } from '../../../shared/records';
import { removeTempDirs, runCli, startCli, tempDir } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;
let transport: HttpTransport;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0, stuckBackup: true });
  transport = createHttpTransport();
});
afterAll(async () => {
  transport.close();
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
  sandbox.setFault(null);
});

const bearer = () => [
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
];
const app = (userId: string) => [
  '--data-dir',
  dataDir,
  '--base-url',
  sandbox.url,
  '--user-id',
  userId,
  '--auth',
  'app',
  '--app-id',
  sandbox.credentials.appId,
];
const tokenEnv = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });
const appEnv = () => ({ KOODRIVE_APP_SECRET: sandbox.credentials.appSecret });
const jsonLines = <T>(stdout: string): T[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);

type ListedJson = BackupRecordView & { possiblyStuck: StuckReason | null };

describe('records list', () => {
  it('lists every record of a module, flags the stuck backup with its reason, and reads nothing else', async () => {
    const stuck = sandbox.stuckBackup;
    const before = sandbox.received().length;
    const { code, stdout, stderr } = await runCli(['records', 'list', ...bearer(), '--module', '102'], {
      env: tokenEnv(),
    });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^RECORD ID\s+STATUS\s+CREATED \(UTC\)\s+AGE\s+DEVICE/);
    const stuckRow = lines.find((line) => line.startsWith(stuck?.recordId ?? '-'));
    expect(stuckRow).toMatch(/in-progress\s+\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\s+6h \d+m\s+.*POSSIBLY STUCK$/);
    expect(lines.filter((line) => line.includes('POSSIBLY STUCK'))).toHaveLength(1);
    expect(stdout).toContain(`Possibly stuck: record ${stuck?.recordId} has been in progress for 6h`);
    const count = sandbox.records(sandbox.credentials.userId, '102').length;
    expect(stderr).toBe(`${count} records of user ${sandbox.credentials.userId} for module 102 (1 page read).\n`);
    expect(
      sandbox
        .received()
        .slice(before)
        .map((request) => request.outcome),
    ).toEqual(['listed-records']);
  });

  it('prints one JSON record per line with exact string IDs, filtered by status here', async () => {
    const other = sandbox.users[1] ?? '';
    const { code, stdout } = await runCli(
      ['records', 'list', ...app(other), '--module', '101', '--status', 'in-progress', '--json'],
      { env: appEnv() },
    );
    expect(code).toBe(0);
    const records = jsonLines<ListedJson>(stdout);
    const expected = sandbox.records(other, '101').filter((record) => record.status === 0);
    expect(records.map((record) => record.recordId)).toEqual(expected.map((record) => record.recordId));
    expect(stdout).toMatch(/"recordId":"\d{19}"/);
    // Module 101's old in-progress record was followed by completed ones: not stuck.
    expect(records.every((record) => record.statusName === 'in-progress' && record.possiblyStuck === null)).toBe(true);
  });

  it('stops at --limit and says more exist', async () => {
    const { code, stdout, stderr } = await runCli(
      ['records', 'list', ...bearer(), '--module', '101', '--limit', '5', '--json'],
      {
        env: tokenEnv(),
      },
    );
    expect(code).toBe(0);
    expect(jsonLines(stdout)).toHaveLength(5);
    expect(stderr).toContain('More records exist: the limit of 5 was reached');
  });

  it('refuses bad --limit, --status and --device values before sending anything', async () => {
    const before = sandbox.received().length;
    for (const [flag, value, message] of [
      ['--limit', '10001', '--limit must be a whole number from 1 to 10000.'],
      ['--limit', '0', '--limit must be a whole number from 1 to 10000.'],
      ['--status', 'stuck', '--status must be one of in-progress, completed, pending-deletion.'],
      ['--device', ' ', '--device takes a device ID of 1 to 128 characters.'],
    ] as const) {
      const { code, stderr } = await runCli(['records', 'list', ...bearer(), flag, value], { env: tokenEnv() });
      expect(code).toBe(2);
      expect(stderr).toContain(message);
    }
    expect(sandbox.received().length).toBe(before);
  });

  it('prints the records read before a failure, then the failure, with the exit status of its kind', async () => {
    // 120 in-progress records of a user nobody else uses: two pages of 100.
    const userId = '4242000000000000001';
    for (let i = 0; i < 120; i += 1) sandbox.addStuckBackup({ userId, moduleCode: '103' });
    let answered = 0;
    const { code, stdout, stderr } = await runCli(['records', 'list', ...app(userId), '--module', '103', '--json'], {
      env: appEnv(),
      deps: {
        // After the first page, the sandbox fails the next request.
        transport: async (request) => {
          const response = await transport(request);
          answered += 1;
          if (answered === 1) sandbox.setFault({ kind: 'status', status: 500 }, 1);
          return response;
        },
      },
    });
    expect(code).toBe(1);
    expect(jsonLines(stdout)).toHaveLength(100);
    expect(stderr).toMatch(
      /^FAILED records list after 100 records of user 4242000000000000001 for module 103 \(1 page read\): .*\(server; HTTP 500, code 13000201/,
    );
    expect(stderr).toContain('the call only reads, so nothing changed');
  });

  it('exits 3 when the server cannot be reached, and 1 on a wrong token', async () => {
    const wrong = await runCli(['records', 'list', ...bearer()], { env: { KOODRIVE_TOKEN: 'not-the-token' } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('(auth; HTTP 401, code APIGW.0301');
    expect(wrong.stderr).not.toContain('not-the-token');
    sandbox.setFault({ kind: 'reset' }, 1);
    const reset = await runCli(['records', 'list', ...bearer()], { env: tokenEnv() });
    expect(reset.code).toBe(3);
  });

  it('shows each request with --verbose, never the token', async () => {
    const { code, stderr } = await runCli(['records', 'list', ...bearer(), '--module', '100', '--verbose'], {
      env: tokenEnv(),
    });
    expect(code).toBe(0);
    expect(stderr).toContain('/koodrive/ose/v1/backup/record?moduleCode=100&pageSize=100');
    expect(stderr).not.toContain(sandbox.credentials.token);
  });

  it('stops at Ctrl-C and prints what it read (exit 130)', async () => {
    sandbox.setFault({ kind: 'hang' }, 1);
    const running = startCli(['records', 'list', ...bearer()], { env: tokenEnv() });
    await expect.poll(() => sandbox.received().at(-1)?.outcome).toBe('fault:hang');
    running.interrupt();
    const { code, stderr } = await running.done;
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted: reading stopped');
  });
});

describe('records show', () => {
  it('shows the record and all of its 250 files over three pages', async () => {
    const big = sandbox.records(sandbox.credentials.userId, '101').find((record) => record.fileCount === 250);
    const recordId = big?.recordId ?? '';
    const { code, stdout, stderr } = await runCli(['records', 'show', ...bearer(), recordId, '--json'], {
      env: tokenEnv(),
    });
    expect(code).toBe(0);
    const [record, ...files] = jsonLines<BackupRecordView & BackupFileView>(stdout);
    expect(record).toMatchObject({ recordId, moduleCode: '101', statusName: 'completed' });
    expect(files).toHaveLength(250);
    expect(files.every((file) => typeof file.fileId === 'string' && typeof file.size === 'string')).toBe(true);
    expect(stderr).toBe('250 files (3 pages read).\n');
  });

  it('prints the record as fields and the files as a table', async () => {
    const stuck = sandbox.stuckBackup;
    const { code, stdout } = await runCli(['records', 'show', ...bearer(), stuck?.recordId ?? ''], { env: tokenEnv() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Record ID\s+\d{19}\nModule\s+102\nStatus\s+in-progress\n/);
    expect(stdout).toMatch(/\nFILE ID\s+BYTES\s+CREATED \(UTC\)\s+MIME TYPE\s+SHA-256\s+NAME\n/);
    expect(stdout.split('\n').filter((line) => /^\d{19}\s+\d+\s/.test(line))).toHaveLength(37);
  });

  it('checks an explicit --module and reports an unknown record as refused', async () => {
    const stuck = sandbox.stuckBackup;
    const wrongModule = await runCli(['records', 'show', ...bearer(), stuck?.recordId ?? '', '--module', '100'], {
      env: tokenEnv(),
    });
    expect(wrongModule.code).toBe(1);
    expect(wrongModule.stderr).toContain('belongs to module 102, not 100');
    const unknown = await runCli(['records', 'show', ...bearer(), '1000000000000000001'], { env: tokenEnv() });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('(not-found; HTTP 400, code 13000309');
    const malformed = await runCli(['records', 'show', ...bearer(), '12ab'], { env: tokenEnv() });
    expect(malformed.code).toBe(2);
    const none = await runCli(['records', 'show', ...bearer()], { env: tokenEnv() });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Give exactly one record ID.');
  });
});

describe('records help', () => {
  it('lists the sub-commands under records', async () => {
    const { code, stdout } = await runCli(['records', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('records list');
    expect(stdout).toContain('records show');
  });
});
