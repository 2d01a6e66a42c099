// A locked keychain is told apart from an absent secret (docs/security.md#a-locked-keychain): the built CLI
// (`npm run build` first) against a real GNOME Keyring of the test's own, locked over D-Bus and unlocked again.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/keychain-locked.test.ts
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { type LockableKeyring, lockableKeyringMissing, startLockableKeyring } from '../support/lockableKeyring';

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');
const missing = lockableKeyringMissing();
if (missing) console.warn(`keychain-locked.test.ts skipped: a keyring cannot be locked and unlocked here: ${missing}`);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let keyring: LockableKeyring;
let sandbox: RunningSandbox;
let dataDir: string;

function cli(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...keyring.env, KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir };
    delete env.KOODRIVE_APP_SECRET;
    delete env.KOODRIVE_TOKEN;
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe.skipIf(missing !== null)('a locked keychain (GNOME Keyring, locked over D-Bus)', () => {
  beforeAll(async () => {
    keyring = await startLockableKeyring();
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, quiet: true });
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'koodrive-locked-'));
    for (const name of ['Stored', 'Never stored']) {
      const flags = ['--base-url', sandbox.url, '--auth', 'app', '--app-id', sandbox.credentials.appId];
      expect((await cli(['profile', 'add', '--name', name, ...flags])).code).toBe(0);
    }
    const set = await cli(['secret', 'set', '--profile', 'Stored'], `${sandbox.credentials.appSecret}\n`);
    expect(set.code).toBe(0);
  });

  afterAll(async () => {
    await keyring?.stop();
    await sandbox?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('unlocked: stored and absent as they are', async () => {
    const stored = await cli(['secret', 'status', '--profile', 'Stored', '--json']);
    expect(stored.code).toBe(0);
    expect(JSON.parse(stored.stdout)).toMatchObject({ stored: true });
    const absent = await cli(['secret', 'status', '--profile', 'Never stored']);
    expect(absent.code).toBe(0);
    expect(absent.stdout).toContain('No App secret is stored for profile "Never stored"');
  });

  // Locking and re-unlocking restarts the daemon: slow on a loaded machine, hence its own time limit.
  it(
    'locked: status exits 2 saying it is locked, a release sends nothing; unlocked again, all is as before',
    { timeout: 90_000 },
    async () => {
      await keyring.lock();
      try {
        for (const name of ['Stored', 'Never stored']) {
          const status = await cli(['secret', 'status', '--profile', name]);
          expect(status.code).toBe(2);
          expect(status.stdout).toBe('');
          expect(status.stderr).toContain(`the keychain is locked, so it cannot say whether an App secret is stored`);
          expect(status.stderr).toContain('KOODRIVE_APP_SECRET or on standard input with --secret-stdin');
        }
        const json = await cli(['secret', 'status', '--profile', 'Stored', '--json']);
        expect(JSON.parse(json.stdout)).toMatchObject({ stored: null, keychain: 'locked' });

        const lockId = sandbox.addLock();
        const requestsBefore = sandbox.received().length;
        const release = await cli([
          'release',
          lockId,
          '--profile',
          'Stored',
          '--user-id',
          sandbox.credentials.userId,
          '-y',
        ]);
        expect(release.code).toBe(2);
        expect(release.stderr).toContain('is locked, so the App secret of profile "Stored" cannot be read');
        expect(release.stderr).not.toContain('No App secret is stored');
        expect(sandbox.received().length).toBe(requestsBefore);
      } finally {
        await keyring.unlock();
      }
      expect(await keyring.isLocked()).toBe(false);
      const stored = await cli(['secret', 'status', '--profile', 'Stored', '--json']);
      expect(stored.code).toBe(0);
      expect(JSON.parse(stored.stdout)).toMatchObject({ stored: true });
      const transcript = JSON.stringify(stored);
      expect(transcript).not.toContain(sandbox.credentials.appSecret);
    },
  );
});
