import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profileById } from '../../../../electron/core/profiles/profileById';
import { ProfileStore } from '../../../../electron/core/profiles/profileStore';
import { ProfileStoreError } from '../../../../electron/core/profiles/profileStoreError';

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-profile-by-id-'));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('profileById', () => {
  it('finds a saved profile by its id, never by its name', async () => {
    const store = new ProfileStore(dataDir);
    const saved = await store.save({
      name: 'Prod EU',
      baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
      userId: '1505084218764547200',
      authMode: 'bearer',
      moduleCode: '100',
    });
    expect(await profileById(store, saved.id)).toEqual(saved);
    const byName = profileById(store, 'Prod EU');
    await expect(byName).rejects.toBeInstanceOf(ProfileStoreError);
    await expect(byName).rejects.toMatchObject({
      kind: 'not-found',
      message: 'There is no profile "Prod EU". It may have been deleted; pick another one.',
    });
  });
});
