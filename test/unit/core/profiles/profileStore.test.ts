import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ProfileStore } from '../../../../electron/core/profiles/profileStore';
import { ProfileStoreError } from '../../../../electron/core/profiles/profileStoreError';
import type { ProfileInput } from '../../../../shared/profile';

let root: string;
let dataDir: string;
let file: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-profiles-'));
  dataDir = path.join(root, 'data');
  file = path.join(dataDir, 'profiles.json');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function input(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Prod EU',
    baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
    userId: '1505084218764547200',
    authMode: 'bearer',
    moduleCode: '100',
    ...overrides,
  };
}

async function caught(promise: Promise<unknown>): Promise<ProfileStoreError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ProfileStoreError);
  return error as ProfileStoreError;
}

describe('ProfileStore', () => {
  test('starts empty without creating anything', async () => {
    const store = new ProfileStore(dataDir);
    expect(await store.list()).toEqual([]);
    expect(await store.findByName('anything')).toBeNull();
    await expect(fs.stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('save creates the folder (0700) and the file (0600) in the documented format', async () => {
    const store = new ProfileStore(dataDir);
    const saved = await store.save(input());
    expect(saved).toEqual({ id: 'prod-eu', environment: 'production', ...input() });
    const text = await fs.readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual({ version: 2, profiles: [saved] });
    if (process.platform !== 'win32') {
      expect((await fs.stat(dataDir)).mode & 0o777).toBe(0o700);
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    }
    expect(await new ProfileStore(dataDir).list()).toEqual([saved]);
  });

  test('values are normalised by the shared schema (trimmed)', async () => {
    const saved = await new ProfileStore(dataDir).save(input({ name: '  Sandbox  ', userId: ' 42 ' }));
    expect(saved.name).toBe('Sandbox');
    expect(saved.userId).toBe('42');
    expect(saved.id).toBe('sandbox');
  });

  test('ids come from the name and are made unique with -2, -3', async () => {
    const store = new ProfileStore(dataDir);
    const a = await store.save(input({ name: 'Prod EU' }));
    const b = await store.save(input({ name: 'prod/eu' }));
    const c = await store.save(input({ name: 'PROD eu!' }));
    expect([a.id, b.id, c.id]).toEqual(['prod-eu', 'prod-eu-2', 'prod-eu-3']);
    const d = await store.save(input({ name: '***' }));
    expect(d.id).toBe('profile');
  });

  test('findByName: the exact name only, never a derived id; namesLike offers what was probably meant', async () => {
    const store = new ProfileStore(dataDir);
    const prod = await store.save(input({ name: 'Prod Intl' }));
    const other = await store.save(input({ name: 'prod-intl' }));
    expect(prod.id).toBe('prod-intl');
    expect(await store.findByName('prod-intl')).toEqual(other);
    expect(await store.findByName('Prod Intl')).toEqual(prod);
    expect(await store.findByName('PROD intl')).toBeNull();
    expect(await store.findByName('Prod')).toBeNull();
    expect(await store.namesLike('PROD  intl')).toEqual(['Prod Intl']);
    expect(await store.namesLike(other.id)).toEqual(['prod-intl']);
    expect(await store.namesLike('Prod')).toEqual([]);
  });

  test('saving with an existing id updates that profile in place', async () => {
    const store = new ProfileStore(dataDir);
    const first = await store.save(input({ name: 'First' }));
    const second = await store.save(input({ name: 'Second' }));
    const updated = await store.save({ ...first, name: 'First renamed', authMode: 'app', appId: 'app-1' });
    expect(updated).toMatchObject({ id: 'first', name: 'First renamed', authMode: 'app', appId: 'app-1' });
    expect(await store.list()).toEqual([updated, second]);
  });

  test('saving with an unknown id is "not-found" and changes nothing', async () => {
    const store = new ProfileStore(dataDir);
    await store.save(input());
    const before = await fs.readFile(file, 'utf8');
    const error = await caught(store.save(input({ id: 'ghost', name: 'Ghost' })));
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('"ghost"');
    expect(await fs.readFile(file, 'utf8')).toBe(before);
  });

  test('an invalid profile is rejected with a message that names the field', async () => {
    const store = new ProfileStore(dataDir);
    const badUrl = await caught(store.save(input({ baseUrl: 'http://example.com' })));
    expect(badUrl.kind).toBe('invalid');
    expect(badUrl.message).toMatch(/^Profile not saved: baseUrl: /);
    const noAppId = await caught(store.save(input({ authMode: 'app' })));
    expect(noAppId.kind).toBe('invalid');
    expect(noAppId.message).toContain('App ID');
    const extra = await caught(store.save({ ...input(), secret: 'x' } as ProfileInput));
    expect(extra.message).toContain('unexpected field "secret"');
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('a second profile with the same name (any case) is refused', async () => {
    const store = new ProfileStore(dataDir);
    const first = await store.save(input({ name: 'Sandbox' }));
    const error = await caught(store.save(input({ name: 'SANDBOX' })));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('already exists');
    expect(await store.save({ ...first, name: 'sandbox' })).toMatchObject({ id: 'sandbox', name: 'sandbox' });
  });

  test('remove deletes by id and reports whether it did', async () => {
    const store = new ProfileStore(dataDir);
    const a = await store.save(input({ name: 'A' }));
    const b = await store.save(input({ name: 'B' }));
    expect(await store.remove(a.id)).toBe(true);
    expect(await store.remove(a.id)).toBe(false);
    expect(await store.list()).toEqual([b]);
  });

  test('concurrent saves in one process lose nothing', async () => {
    const store = new ProfileStore(dataDir);
    const names = Array.from({ length: 25 }, (_, index) => `Profile ${index}`);
    const saved = await Promise.all(names.map((name) => store.save(input({ name }))));
    expect(new Set(saved.map((profile) => profile.id)).size).toBe(names.length);
    const listed = await new ProfileStore(dataDir).list();
    expect(listed.map((profile) => profile.name).sort()).toEqual([...names].sort());
  });

  test('concurrent saves of the same name get distinct ids or a clear refusal, never a lost write', async () => {
    const store = new ProfileStore(dataDir);
    const results = await Promise.allSettled([
      store.save(input({ name: 'Same' })),
      store.save(input({ name: 'same' })),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await store.list()).toHaveLength(1);
  });

  test('a failed save does not block later saves', async () => {
    const store = new ProfileStore(dataDir);
    await caught(store.save(input({ userId: 'abc' })));
    await expect(store.save(input())).resolves.toMatchObject({ id: 'prod-eu' });
  });
});

describe('ProfileStore with a damaged profiles.json', () => {
  async function writeRaw(text: string): Promise<void> {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, text);
  }

  test.each([
    ['not JSON', '{"version": 1, "profiles": [', /is not valid JSON/],
    ['not an object', '[]', /does not contain a JSON object/],
    ['an unknown version', '{"version": 3, "profiles": []}', /format version 3, but this app reads versions 1 and 2/],
    ['no profiles list', '{"version": 1}', /no "profiles" list/],
    [
      'an invalid profile',
      '{"version":1,"profiles":[{"id":"a","name":"A","baseUrl":"ftp://x","userId":"1","authMode":"bearer","moduleCode":"100"}]}',
      /invalid profile: profiles\[0\]\.baseUrl/,
    ],
    [
      'a profile without id',
      '{"version":1,"profiles":[{"name":"A","baseUrl":"https://a.example","userId":"1","authMode":"bearer","moduleCode":"100"}]}',
      /profiles\[0\]\.id: is required/,
    ],
    [
      'app auth without app id',
      '{"version":1,"profiles":[{"id":"a","name":"A","baseUrl":"https://a.example","userId":"1","authMode":"app","moduleCode":"100"}]}',
      /App ID/,
    ],
  ])('%s: reported as corrupt, naming the file, and never overwritten', async (_label, text, problem) => {
    await writeRaw(text);
    const store = new ProfileStore(dataDir);
    const listed = await caught(store.list());
    expect(listed.kind).toBe('corrupt');
    expect(listed.file).toBe(file);
    expect(listed.message).toContain(file);
    expect(listed.message).toMatch(problem);
    expect(listed.message).toContain('move it away');
    const saving = await caught(store.save(input()));
    expect(saving.kind).toBe('corrupt');
    const removing = await caught(store.remove('a'));
    expect(removing.kind).toBe('corrupt');
    expect(await fs.readFile(file, 'utf8')).toBe(text);
  });

  test('duplicate ids are corrupt', async () => {
    const profile = {
      id: 'a',
      name: 'A',
      baseUrl: 'https://a.example',
      userId: '1',
      authMode: 'bearer',
      moduleCode: '1',
    };
    await writeRaw(JSON.stringify({ version: 1, profiles: [profile, { ...profile, name: 'B' }] }));
    const error = await caught(new ProfileStore(dataDir).list());
    expect(error.message).toContain('"a" twice');
  });

  test('an unreadable profiles.json (here: a folder) is an "io" error naming the file', async () => {
    await fs.mkdir(file, { recursive: true });
    const error = await caught(new ProfileStore(dataDir).list());
    expect(error.kind).toBe('io');
    expect(error.message).toContain(file);
    expect(error.message).toContain('EISDIR');
  });

  test('a profiles path that cannot be read (here: below a file) is an "io" error', async () => {
    await fs.writeFile(path.join(root, 'blocker'), 'x');
    const error = await caught(new ProfileStore(path.join(root, 'blocker', 'data')).save(input()));
    expect(error.kind).toBe('io');
    expect(error.message).toContain('ENOTDIR');
  });

  test('a failed write is an "io" error and keeps the previous file', async () => {
    await new ProfileStore(dataDir).save(input({ name: 'Kept' }));
    const before = await fs.readFile(file, 'utf8');
    const store = new ProfileStore(dataDir, {
      writeFs: {
        open: fs.open,
        rm: fs.rm,
        rename: async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    });
    const error = await caught(store.save(input({ name: 'Lost' })));
    expect(error.kind).toBe('io');
    expect(error.message).toContain('ENOSPC');
    expect(error.message).toContain('previous version is unchanged');
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(await fs.readdir(dataDir)).toEqual(['profiles.json']);
  });
});

describe('profiles.json from before tenant connections (version 1)', () => {
  /** A file exactly as the previous release wrote it: every profile with a fixed user, no environment. */
  const versionOne = {
    version: 1,
    profiles: [
      {
        id: 'prod-intl',
        name: 'Prod Intl',
        baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
        userId: '1505084218764547200',
        authMode: 'app',
        appId: 'a1b2c3',
        moduleCode: '102',
        proxyUrl: 'http://proxy.corp:3128',
      },
      {
        id: 'sandbox',
        name: 'Sandbox',
        baseUrl: 'http://127.0.0.1:41234',
        userId: '1234567890123456789',
        authMode: 'bearer',
        moduleCode: '102',
        bearerPrefix: 'Bearer',
      },
      {
        id: 'carrier',
        name: 'Carrier',
        baseUrl: 'https://koodrive.carrier.example/prefix',
        userId: '42',
        authMode: 'bearer',
        moduleCode: '100',
      },
    ],
  };

  test('reads every profile without loss, each with the environment its host implies and its user as default', async () => {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(versionOne, null, 2));
    const store = new ProfileStore(dataDir);
    const profiles = await store.list();
    expect(profiles).toEqual([
      { ...versionOne.profiles[0], environment: 'production' },
      { ...versionOne.profiles[1], environment: 'sandbox' },
      { ...versionOne.profiles[2], environment: 'other' },
    ]);
  });

  test('the next save writes version 2 and keeps every other profile as it was', async () => {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(versionOne, null, 2));
    const store = new ProfileStore(dataDir);
    const [prod, sandbox, carrier] = await store.list();
    await store.save({ ...carrier, environment: 'staging' });
    const written = JSON.parse(await fs.readFile(file, 'utf8')) as { version: number; profiles: unknown[] };
    expect(written.version).toBe(2);
    expect(written.profiles).toEqual([prod, sandbox, { ...carrier, environment: 'staging' }]);
  });
});

describe('tenant connections', () => {
  test('an app profile may leave the user to each operation; a bearer profile needs its user', async () => {
    const store = new ProfileStore(dataDir);
    const app = await store.save(input({ name: 'Tenant', authMode: 'app', appId: 'a1', userId: undefined }));
    expect(app.userId).toBeUndefined();
    const error = await caught(store.save(input({ name: 'Token', userId: undefined })));
    expect(error.kind).toBe('invalid');
    expect(error.message).toContain('A bearer token belongs to one user');
  });

  test('the environment is kept as chosen, else derived from the host', async () => {
    const store = new ProfileStore(dataDir);
    expect((await store.save(input({ name: 'A', environment: 'staging' }))).environment).toBe('staging');
    expect((await store.save(input({ name: 'B', baseUrl: 'https://cn.myhuaweicloud-koodrive.com' }))).environment).toBe(
      'production',
    );
    expect((await store.save(input({ name: 'C', baseUrl: 'http://localhost:8080' }))).environment).toBe('sandbox');
    expect((await store.save(input({ name: 'D', baseUrl: 'https://kd.example.net' }))).environment).toBe('other');
  });
});
