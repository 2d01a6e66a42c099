import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type AtomicWriteFs, writeFileAtomic } from '../../../../electron/core/profiles/atomicWrite';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-atomic-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const realFs: AtomicWriteFs = { open: fs.open, rename: fs.rename, rm: fs.rm };

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

describe('writeFileAtomic', () => {
  test('creates the file with mode 0600 and leaves no temp file behind', async () => {
    const file = path.join(dir, 'profiles.json');
    await writeFileAtomic(file, '{"a":1}\n');
    expect(await fs.readFile(file, 'utf8')).toBe('{"a":1}\n');
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(dir)).toEqual(['profiles.json']);
  });

  test('replaces an existing file, and tightens its mode', async () => {
    const file = path.join(dir, 'profiles.json');
    await fs.writeFile(file, 'old', { mode: 0o644 });
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
  });

  test('a failed rename leaves the old file intact and removes the temp file', async () => {
    const file = path.join(dir, 'profiles.json');
    await fs.writeFile(file, 'old');
    const ops: AtomicWriteFs = {
      ...realFs,
      rename: async () => {
        throw failure('EXDEV');
      },
    };
    await expect(writeFileAtomic(file, 'new', { fs: ops })).rejects.toMatchObject({ code: 'EXDEV' });
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['profiles.json']);
  });

  test('a failed write (here: a closed handle, EBADF) leaves the old file intact and removes the temp file', async () => {
    const file = path.join(dir, 'profiles.json');
    await fs.writeFile(file, 'old');
    const ops: AtomicWriteFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        await handle.close();
        return handle;
      }) as typeof fs.open,
    };
    await expect(writeFileAtomic(file, 'new', { fs: ops })).rejects.toThrow();
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['profiles.json']);
  });

  test('a folder that does not exist fails without creating anything', async () => {
    const file = path.join(dir, 'missing', 'profiles.json');
    await expect(writeFileAtomic(file, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test('concurrent writes never interleave: the result is one of the complete contents', async () => {
    const file = path.join(dir, 'data.txt');
    const contents = Array.from({ length: 20 }, (_, index) => String(index).repeat(10_000));
    await Promise.all(contents.map((content) => writeFileAtomic(file, content)));
    expect(contents).toContain(await fs.readFile(file, 'utf8'));
    expect(await fs.readdir(dir)).toEqual(['data.txt']);
  });
});
