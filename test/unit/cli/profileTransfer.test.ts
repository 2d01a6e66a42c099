import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../../electron/core/profiles/profileStore';
import { readProfileSecret, storeProfileSecret } from '../../../electron/core/secrets/boundSecret';
import { MemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { storeProxyCredential } from '../../../electron/core/secrets/proxyCredential';
import type { Profile } from '../../../shared/profile';
import { filesContaining, removeTempDirs, runCli, tempDir } from './harness';

const SECRET = 'bearer-token-never-exported-7311';
const PROXY_PASSWORD = 'proxy-pw-never-exported-5150';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----';
let dataDir: string;
let otherDir: string;
let store: MemorySecretStore;

afterAll(removeTempDirs);
beforeEach(async () => {
  dataDir = await tempDir();
  otherDir = await tempDir();
  store = new MemorySecretStore();
});

const runIn = (dir: string, argv: string[], stdin?: string) =>
  runCli([...argv, '--data-dir', dir], { deps: { secretStore: store }, stdin });

/** Two profiles in dataDir: "prod" (app, proxy, CA, secret and proxy password stored) and "lab" (bearer). */
async function twoProfiles(): Promise<Profile[]> {
  const profiles = new ProfileStore(dataDir);
  const prod = await profiles.save({
    name: 'prod',
    baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
    authMode: 'app',
    appId: 'abc123',
    moduleCode: '101',
    proxyUrl: 'http://proxy.corp:3128',
    caPem: PEM,
  });
  const lab = await profiles.save({
    name: '实验室 lab',
    baseUrl: 'http://127.0.0.1:8080',
    authMode: 'bearer',
    userId: '1505084218764547200',
    moduleCode: '102',
    bearerPrefix: 'Token',
  });
  await storeProfileSecret(store, prod, SECRET);
  await storeProxyCredential(store, prod.id, {
    proxy: 'http://proxy.corp:3128',
    user: 'ops',
    password: PROXY_PASSWORD,
  });
  return [prod, lab];
}

describe('profile export', () => {
  it('writes a versioned document with every field but the id, never a secret or proxy password', async () => {
    const [prod, lab] = await twoProfiles();
    const result = await runIn(dataDir, ['profile', 'export']);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document).toMatchObject({ kind: 'koodrive-lock-admin/profiles', version: 1 });
    expect(document.exportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const withoutId = (profile: Profile) => Object.fromEntries(Object.entries(profile).filter(([key]) => key !== 'id'));
    expect(document.profiles).toEqual([withoutId(prod), withoutId(lab)]);
    expect(result.stdout).not.toContain(SECRET);
    expect(result.stdout).not.toContain(PROXY_PASSWORD);
    expect(result.stdout).not.toContain('"id"');
  });

  it('exports the named profiles to --output, and refuses an unknown name', async () => {
    await twoProfiles();
    const file = path.join(otherDir, 'sub', 'profiles.json');
    const result = await runIn(dataDir, ['profile', 'export', '实验室 lab', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Exported 1 profile to ${file} (no secrets, no proxy passwords).\n`);
    const document = JSON.parse(await fs.readFile(file, 'utf8')) as { profiles: { name: string }[] };
    expect(document.profiles.map((p) => p.name)).toEqual(['实验室 lab']);
    expect(await filesContaining(otherDir, SECRET)).toEqual([]);
    expect(await filesContaining(otherDir, PROXY_PASSWORD)).toEqual([]);

    const unknown = await runIn(dataDir, ['profile', 'export', 'Prod', '-o', file]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/There is no profile named "Prod"/);
  });
});

describe('profile import', () => {
  it('adds the profiles of an export, without secrets, and says so', async () => {
    const [prod, lab] = await twoProfiles();
    const file = path.join(otherDir, 'export.json');
    expect((await runIn(dataDir, ['profile', 'export', '-o', file])).code).toBe(0);
    const result = await runIn(otherDir, ['profile', 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Imported "prod" (id prod): no secret stored; store it with: koodrive-lock secret set --profile prod\n' +
        'Imported "实验室 lab" (id lab): no secret stored; store it with: koodrive-lock secret set --profile \'实验室 lab\'\n',
    );
    expect(result.stderr).toBe('Imported 2 profiles (2 new, 0 replaced).\n');
    const imported = await new ProfileStore(otherDir).list();
    expect(imported).toEqual([prod, lab]);
  });

  it('refuses a name already saved unless --replace, which keeps the id and follows the destination rule', async () => {
    const [prod] = await twoProfiles();
    const document = {
      kind: 'koodrive-lock-admin/profiles',
      version: 1,
      profiles: [
        {
          name: 'PROD',
          baseUrl: prod.baseUrl,
          authMode: 'app',
          appId: 'abc123',
          moduleCode: '100',
          proxyUrl: prod.proxyUrl,
          caPem: PEM,
        },
        { name: 'new one', baseUrl: 'https://n.example', authMode: 'app', appId: 'n1', moduleCode: '102' },
      ],
    };
    const file = path.join(otherDir, 'in.json');
    await fs.writeFile(file, JSON.stringify(document));
    const before = await fs.readFile(path.join(dataDir, 'profiles.json'), 'utf8');

    const refused = await runIn(dataDir, ['profile', 'import', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Already saved: "prod". Add --replace');
    expect(refused.stderr).toContain('Nothing was imported.');
    expect(await fs.readFile(path.join(dataDir, 'profiles.json'), 'utf8')).toBe(before);

    const replaced = await runIn(dataDir, ['profile', 'import', file, '--replace', '--json']);
    expect(replaced.code).toBe(0);
    expect(
      replaced.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual([
      { name: 'PROD', id: 'prod', replaced: true, secret: 'kept' },
      { name: 'new one', id: 'new-one', replaced: false, secret: 'none' },
    ]);
    const now = await new ProfileStore(dataDir).findByName('PROD');
    expect(now?.moduleCode).toBe('100');
    if (!now) throw new Error('not replaced');
    expect(await readProfileSecret(store, now)).toBe(SECRET);

    await fs.writeFile(
      file,
      JSON.stringify({ ...document, profiles: [{ ...document.profiles[0], baseUrl: 'https://moved.example' }] }),
    );
    const moved = await runIn(dataDir, ['profile', 'import', file, '--replace']);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain(
      'Replaced "PROD" (id prod): its secret was removed because the destination changed (base URL); store it again with:',
    );
    expect(await store.get('prod')).toBeNull();
  });

  it('imports nothing when one profile is invalid, the document is not an export, or a name repeats', async () => {
    await twoProfiles();
    const before = await fs.readFile(path.join(dataDir, 'profiles.json'), 'utf8');
    const good = { name: 'a', baseUrl: 'https://a.example', authMode: 'app', appId: 'x', moduleCode: '102' };
    const cases: [unknown, RegExp][] = [
      [
        {
          kind: 'koodrive-lock-admin/profiles',
          version: 1,
          profiles: [good, { ...good, name: 'b', baseUrl: 'ftp://b' }],
        },
        /profiles\[1\]\.baseUrl: /,
      ],
      [
        {
          kind: 'koodrive-lock-admin/profiles',
          version: 1,
          profiles: [good, { ...good, name: 'b', authMode: 'bearer' }],
        },
        /profiles\[1\]: A bearer token belongs to one user/,
      ],
      [
        {
          kind: 'koodrive-lock-admin/profiles',
          version: 1,
          profiles: [good, { ...good, name: 'b', proxyUrl: 'http://u:p@h:1' }],
        },
        /profiles\[1\]\.proxyUrl: Remove the user name/,
      ],
      [
        { kind: 'koodrive-lock-admin/profiles', version: 1, profiles: [{ ...good, id: 'prod' }] },
        /profiles\[0\]\.id: is not part of an export/,
      ],
      [
        { kind: 'koodrive-lock-admin/profiles', version: 1, profiles: [good, { ...good, name: 'A' }] },
        /names "A" twice/,
      ],
      [
        { kind: 'koodrive-lock-admin/profiles', version: 2, profiles: [] },
        /version: is 2; this version reads version 1/,
      ],
      [{ version: 2, profiles: [good] }, /kind: must be "koodrive-lock-admin\/profiles"/],
    ];
    for (const [document, message] of cases) {
      const result = await runIn(dataDir, ['profile', 'import', '-'], JSON.stringify(document));
      expect(result.code, message.source).toBe(2);
      expect(result.stderr, message.source).toMatch(message);
      expect(result.stderr).toContain('Nothing was imported.');
    }
    const notJson = await runIn(dataDir, ['profile', 'import', '-'], '{oops');
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^koodrive-lock: -: is not JSON/);
    const missing = await runIn(dataDir, ['profile', 'import', path.join(otherDir, 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('(ENOENT)');
    expect((await runIn(dataDir, ['profile', 'import'])).code).toBe(2);
    expect(await fs.readFile(path.join(dataDir, 'profiles.json'), 'utf8')).toBe(before);
  });

  it('a new profile never inherits a keychain entry left under its id', async () => {
    await store.set('left', 'stale-entry');
    const document = {
      kind: 'koodrive-lock-admin/profiles',
      version: 1,
      profiles: [{ name: 'left', baseUrl: 'https://l.example', authMode: 'app', appId: 'l', moduleCode: '102' }],
    };
    const result = await runIn(dataDir, ['profile', 'import', '-'], JSON.stringify(document));
    expect(result.code).toBe(0);
    expect(await store.get('left')).toBeNull();
  });
});

describe('ProfileStore.saveAll', () => {
  it('saves all or none: a missing id or two equal names write nothing', async () => {
    const profiles = new ProfileStore(dataDir);
    await profiles.save({ name: 'one', baseUrl: 'https://o.example', authMode: 'app', appId: 'o', moduleCode: '102' });
    const input = { baseUrl: 'https://t.example', authMode: 'app' as const, appId: 't', moduleCode: '102' };
    await expect(
      profiles.saveAll([
        { ...input, name: 'two' },
        { ...input, name: 'x', id: 'gone' },
      ]),
    ).rejects.toThrow('no profile with id "gone"');
    await expect(
      profiles.saveAll([
        { ...input, name: 'two' },
        { ...input, name: 'ONE' },
      ]),
    ).rejects.toThrow('two profiles would be named');
    expect((await profiles.list()).map((p) => p.name)).toEqual(['one']);
  });
});
