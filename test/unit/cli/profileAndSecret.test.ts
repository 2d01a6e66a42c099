import fs from 'node:fs/promises';
import { ProfileStore } from '../../../electron/core/profiles/profileStore';
import { readProfileSecret, storeProfileSecret } from '../../../electron/core/secrets/boundSecret';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { SecretStoreError } from '../../../electron/core/secrets/secretStore';
import type { Profile } from '../../../shared/profile';
import { filesContaining, runCli, startCli, removeTempDirs, tempDir, TtyStdin } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;
let store: MemorySecretStore;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
  store = new MemorySecretStore({ label: 'Test keychain' });
});

const run = (argv: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli([...argv, '--data-dir', dataDir], { ...options, deps: { secretStore: store } });

/** Stores a secret the way `secret set` does: bound to the profile's destination. */
async function storeSecret(profileId: string, secret: string): Promise<void> {
  const profile = (await new ProfileStore(dataDir).list()).find((candidate) => candidate.id === profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  await storeProfileSecret(store, profile, secret);
}

/** The secret as the CLI reads it: only for the profile's own destination. */
async function storedSecret(profileId: string): Promise<string | null> {
  const profile = (await new ProfileStore(dataDir).list()).find((candidate) => candidate.id === profileId);
  if (!profile) throw new Error(`no profile ${profileId}`);
  return readProfileSecret(store, profile);
}

async function addSandboxProfile(name: string, auth: 'bearer' | 'app'): Promise<void> {
  const flags = ['--name', name, '--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', auth];
  const result = await run([
    'profile',
    'add',
    ...flags,
    ...(auth === 'app' ? ['--app-id', sandbox.credentials.appId] : []),
  ]);
  expect(result.code).toBe(0);
}

describe('profile commands', () => {
  it('add, list, show and remove a profile', async () => {
    const added = await run([
      'profile',
      'add',
      '--name',
      'Prod Intl',
      '--base-url',
      'https://intl.myhuaweicloud-koodrive.com',
      '--user-id',
      '1505084218764547200',
      '--auth',
      'app',
      '--app-id',
      'abc123',
      '--module',
      '101',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Saved profile "Prod Intl" (id prod-intl)');
    expect(added.stdout).toContain("koodrive-lock secret set --profile 'Prod Intl'");

    const list = await run(['profile', 'list']);
    expect(list.stdout).toMatch(/^ID +NAME +ENVIRONMENT +AUTH +MODULE +USER ID +BASE URL\n/);
    expect(list.stdout).toMatch(/prod-intl +Prod Intl +production +app +101 +1505084218764547200 +https:\/\/intl/);

    const json = await run(['profile', 'list', '--json']);
    const profile = JSON.parse(json.stdout) as Profile;
    expect(profile).toEqual({
      id: 'prod-intl',
      name: 'Prod Intl',
      baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
      userId: '1505084218764547200',
      authMode: 'app',
      appId: 'abc123',
      moduleCode: '101',
      environment: 'production',
    });

    await storeSecret('prod-intl', 'the-app-secret-1234');
    const show = await run(['profile', 'show', 'Prod Intl']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('auth:        app (App ID abc123)');
    expect(show.stdout).toContain('secret:      stored in Test keychain');
    expect(show.stdout).not.toContain('the-app-secret-1234');

    expect(show.stdout).toContain('proxy:       none');
    expect(show.stdout).toContain('CA:          system trust store');

    const removed = await run(['profile', 'remove', 'Prod Intl', '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed profile "Prod Intl" and its secret from the keychain.');
    expect(await store.get('prod-intl')).toBeNull();
    expect((await run(['profile', 'list'])).stdout).toContain('No profiles in');
  });

  it('keeps a proxy and an extra CA certificate from --proxy and --ca-file', async () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';
    const caFile = path.join(dataDir, 'ca.pem');
    await fs.writeFile(caFile, pem);
    const flags = ['--base-url', 'https://h.example', '--user-id', '1', '--auth', 'bearer'];
    const added = await run([
      'profile',
      'add',
      '--name',
      'corp',
      ...flags,
      '--proxy',
      'http://proxy.corp:3128',
      '--ca-file',
      caFile,
    ]);
    expect(added.code).toBe(0);
    const saved = JSON.parse((await run(['profile', 'show', 'corp', '--json'])).stdout) as Profile;
    expect(saved).toMatchObject({ proxyUrl: 'http://proxy.corp:3128', caPem: pem.trim() });
    const show = await run(['profile', 'show', 'corp']);
    expect(show.stdout).toContain('proxy:       http://proxy.corp:3128');
    expect(show.stdout).toContain('CA:          extra CA certificate(s) trusted');
  });

  it('refuses an invalid profile with the store’s message (exit 2)', async () => {
    const flags = ['--base-url', 'https://h.example', '--user-id', '1', '--auth', 'bearer'];
    expect((await run(['profile', 'add', '--name', 'a', ...flags])).code).toBe(0);
    const duplicate = await run(['profile', 'add', '--name', 'A', ...flags]);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('a profile named "a" already exists');
    const missing = await run(['profile', 'add', ...flags]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--name is required');
  });

  it('show and remove of an unknown profile exit 2', async () => {
    expect((await run(['profile', 'show', 'nope'])).stderr).toContain('There is no profile named "nope"');
    expect((await run(['profile', 'remove', 'nope'])).code).toBe(2);
  });

  it('a profile is named exactly: never by its derived id, a near miss is offered, not taken', async () => {
    const flags = ['--base-url', 'https://h.example', '--user-id', '1', '--auth', 'bearer'];
    expect((await run(['profile', 'add', '--name', 'Prod Intl', ...flags])).code).toBe(0);
    expect((await run(['profile', 'add', '--name', 'prod-intl', '--module', '101', ...flags])).code).toBe(0);

    const exact = await run(['profile', 'show', 'prod-intl']);
    expect(exact.code).toBe(0);
    expect(exact.stdout).toMatch(/name: +prod-intl\n/);
    expect(exact.stdout).toContain('101');

    const nearMiss = await run(['release', 'a@1', '--profile', 'prod intl', '-y']);
    expect(nearMiss.code).toBe(2);
    expect(nearMiss.stderr).toContain('There is no profile named "prod intl"');
    expect(nearMiss.stderr).toContain("Did you mean --profile 'Prod Intl'? Names must match exactly.");
  });
});

describe('secret commands and the keychain', () => {
  it('secret set reads the first piped line; the profile then releases with the stored secret', async () => {
    await addSandboxProfile('sbx', 'bearer');
    const set = await run(['secret', 'set', '--profile', 'sbx'], { stdin: `${sandbox.credentials.token}\nignored\n` });
    expect(set.code).toBe(0);
    expect(set.stdout).toBe('Stored the access token for profile "sbx" in Test keychain.\n');
    expect(await storedSecret('sbx')).toBe(sandbox.credentials.token);

    const status = await run(['secret', 'status', '--profile', 'sbx', '--json']);
    expect(JSON.parse(status.stdout)).toEqual({
      profile: 'sbx',
      stored: true,
      destinationChanged: false,
      store: 'Test keychain',
    });

    const lockId = sandbox.addLock();
    const release = await run(['release', '--profile', 'sbx', lockId], { env: {} });
    expect(release.code).toBe(0);
    expect(release.stdout).toContain(`released ${lockId}`);

    const history = await run(['history', '--json']);
    expect(JSON.parse(history.stdout.trim())).toMatchObject({ profile: 'sbx', source: 'cli', lockId, ok: true });
    expect(await filesContaining(dataDir, sandbox.credentials.token)).toEqual([]);

    const clear = await run(['secret', 'clear', '--profile', 'sbx']);
    expect(clear.stdout).toContain('Removed the secret of profile "sbx"');
    const again = await run(['release', '--profile', 'sbx', sandbox.addLock()], { env: {} });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('No access token is stored for profile "sbx" in Test keychain');
  });

  it('app mode: the App secret comes from the keychain', async () => {
    await addSandboxProfile('sbx-app', 'app');
    await storeSecret('sbx-app', sandbox.credentials.appSecret);
    const fresh = sandbox.addLock('101');
    const release = await run(['release', '--profile', 'sbx-app', fresh]);
    expect(release.code).toBe(0);
  });

  it('the environment variable wins over the keychain, and stderr says so', async () => {
    await addSandboxProfile('sbx', 'bearer');
    await storeSecret('sbx', 'stale-token-0000');
    const lockId = sandbox.addLock();
    const release = await run(['release', '--profile', 'sbx', lockId], {
      env: { KOODRIVE_TOKEN: sandbox.credentials.token },
    });
    expect(release.code).toBe(0);
    expect(release.stderr).toContain(
      'koodrive-lock: using the access token from the environment variable KOODRIVE_TOKEN, not the one stored in the keychain for profile "sbx".',
    );
    expect(release.stderr).not.toContain(sandbox.credentials.token);
  });

  it('the keychain secret is used silently, and named with --verbose', async () => {
    await addSandboxProfile('sbx', 'bearer');
    await storeSecret('sbx', sandbox.credentials.token);
    const quiet = await run(['release', '--profile', 'sbx', sandbox.addLock()]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('using the access token');
    const verbose = await run(['release', '--profile', 'sbx', '--verbose', sandbox.addLock()]);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toContain('koodrive-lock: using the access token from the keychain entry of profile "sbx"');
  });

  it('secret set on a terminal echoes nothing, and supports backspace', async () => {
    await addSandboxProfile('sbx', 'bearer');
    const tty = new TtyStdin();
    const running = startCli(['secret', 'set', '--profile', 'sbx', '--data-dir', dataDir], {
      tty,
      deps: { secretStore: store },
    });
    setTimeout(() => {
      tty.write('hunter2x');
      tty.write('\u007f');
      tty.write('\u001b[D');
      tty.write('\r');
    }, 20);
    const { code, stdout, stderr } = await running.done;
    expect(code).toBe(0);
    expect(await storedSecret('sbx')).toBe('hunter2');
    expect(stderr).toBe('access token for profile sbx (input hidden): \n');
    expect(stdout + stderr).not.toContain('hunter');
    expect(tty.rawModes).toEqual([true, false]);
  });

  it('Ctrl-C while typing a secret saves nothing and exits 130', async () => {
    await addSandboxProfile('sbx', 'bearer');
    const tty = new TtyStdin();
    const running = startCli(['secret', 'set', '--profile', 'sbx', '--data-dir', dataDir], {
      tty,
      deps: { secretStore: store },
    });
    setTimeout(() => tty.write('abc\u0003'), 20);
    const { code } = await running.done;
    expect(code).toBe(130);
    expect(await store.get('sbx')).toBeNull();
    expect(tty.rawModes).toEqual([true, false]);
  });

  it('an empty secret, or one with control characters, is not saved (exit 2)', async () => {
    await addSandboxProfile('sbx', 'bearer');
    expect((await run(['secret', 'set', '--profile', 'sbx'], { stdin: '' })).code).toBe(2);
    const empty = await run(['secret', 'set', '--profile', 'sbx'], { stdin: '\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The access token is empty; nothing was saved.');
    const bad = await run(['secret', 'set', '--profile', 'sbx'], { stdin: 'tok\u0000en\n' });
    expect(bad.code).toBe(2);
    expect(store.size).toBe(0);
  });

  it('a keychain failure prints its advice and exits 2 without sending anything', async () => {
    await addSandboxProfile('sbx', 'bearer');
    store.failure = new SecretStoreError('unavailable', 'No keychain is reachable. Install gnome-keyring.');
    const before = sandbox.received().length;
    const release = await run(['release', '--profile', 'sbx', sandbox.addLock()]);
    expect(release.code).toBe(2);
    // The CLI's own short message: the environment route first, then how to get a keyring.
    expect(release.stderr).toContain(
      'The OS keychain (Test keychain) is not available, so the access token of profile "sbx" cannot be read.',
    );
    expect(release.stderr).toContain('Give it in KOODRIVE_TOKEN or on standard input with --secret-stdin instead');
    expect(release.stderr).toContain('Nothing was sent.');
    expect(release.stderr.length).toBeLessThan(400);
    expect(sandbox.received().length).toBe(before);

    const set = await run(['secret', 'set', '--profile', 'sbx'], { stdin: 'token\n' });
    expect(set.code).toBe(2);
    const show = await run(['profile', 'show', 'sbx']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('secret:      unknown: No keychain is reachable.');
    // Headless (no keychain): the profile is still removed, and stderr says what could not be checked.
    const remove = await run(['profile', 'remove', 'sbx', '--yes']);
    expect(remove.code).toBe(0);
    expect(remove.stdout).toBe('Removed profile "sbx".\n');
    expect(remove.stderr).toContain(
      'the keychain could not be reached (No keychain is reachable. Install gnome-keyring.)',
    );
    expect(remove.stderr).toContain('if any, was not removed');
    expect((await run(['profile', 'show', 'sbx'])).code).toBe(2);
  });

  it('profile remove asks on a terminal, and needs --yes when it cannot ask', async () => {
    await addSandboxProfile('sbx', 'bearer');
    const piped = await run(['profile', 'remove', 'sbx']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('needs confirmation and standard input is not a terminal to ask on: add --yes');
    expect((await run(['profile', 'show', 'sbx'])).code).toBe(0);

    for (const [answer, code] of [
      ['n\n', 2],
      ['y\n', 0],
    ] as const) {
      const tty = new TtyStdin();
      const running = startCli(['profile', 'remove', 'sbx', '--data-dir', dataDir], {
        tty,
        deps: { secretStore: store },
      });
      tty.write(answer);
      const result = await running.done;
      expect(result.stderr).toMatch(
        /Remove profile "sbx" \(127\.0\.0\.1:\d+, SANDBOX\) and its keychain entries\? \[y\/N\]/,
      );
      expect(result.code).toBe(code);
    }
    expect((await run(['profile', 'show', 'sbx'])).code).toBe(2);
  });

  it('secret commands need --profile and refuse extra arguments', async () => {
    expect((await run(['secret', 'status'])).stderr).toContain('--profile NAME is required.');
    expect((await run(['secret', 'status', 'sbx'])).stderr).toContain('takes no arguments');
  });

  it('profiles.json never holds a secret', async () => {
    await addSandboxProfile('sbx', 'bearer');
    await run(['secret', 'set', '--profile', 'sbx'], { stdin: `${sandbox.credentials.token}\n` });
    const text = await fs.readFile(path.join(dataDir, 'profiles.json'), 'utf8');
    expect(text).not.toContain(sandbox.credentials.token);
  });
});

describe('the stored secret goes only where it was stored for', () => {
  it('a profiles.json edit that re-points the profile: exit 2, nothing reaches the new host', async () => {
    const elsewhere = await startSandbox({ seedLocks: 0, credentials: sandbox.credentials });
    try {
      await addSandboxProfile('sbx', 'bearer');
      const set = await run(['secret', 'set', '--profile', 'sbx'], { stdin: `${sandbox.credentials.token}\n` });
      expect(set.code).toBe(0);
      const file = path.join(dataDir, 'profiles.json');
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { profiles: { baseUrl: string }[] };
      data.profiles[0].baseUrl = elsewhere.url;
      await fs.writeFile(file, JSON.stringify(data));

      const release = await run(['release', '--profile', 'sbx', elsewhere.addLock()], { env: {} });
      expect(release.code).toBe(2);
      expect(release.stderr).toContain('now points elsewhere than when its secret was stored (changed: base URL)');
      expect(release.stderr).toContain('koodrive-lock secret set --profile sbx');
      expect(elsewhere.received()).toEqual([]);
      const status = await run(['secret', 'status', '--profile', 'sbx', '--json']);
      expect(JSON.parse(status.stdout)).toMatchObject({ stored: true, destinationChanged: true });
    } finally {
      await elsewhere.stop();
    }
  });
});
