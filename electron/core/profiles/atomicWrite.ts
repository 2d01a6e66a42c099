import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls writeFileAtomic makes; tests inject failures through them. */
export interface AtomicWriteFs {
  open: typeof fs.open;
  rename: typeof fs.rename;
  rm: typeof fs.rm;
}

export interface AtomicWriteOptions {
  /** Mode of the new file (default 0o600: owner only). */
  mode?: number;
  fs?: AtomicWriteFs;
}

const realFs: AtomicWriteFs = { open: fs.open, rename: fs.rename, rm: fs.rm };

/**
 * Replaces `file` with `data` so that readers (and a crash) see either the old content or the new, never a
 * mix: write a temp file in the same folder, fsync it, rename it over the target, fsync the folder.
 * On failure the old file is untouched and the temp file is removed.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const ops = options.fs ?? realFs;
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await ops.open(temp, 'wx', options.mode ?? 0o600);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close().catch(() => {});
    }
    await ops.rename(temp, file);
    created = false;
  } catch (error) {
    if (created) await ops.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable. Not supported on Windows (and some file systems): best effort. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // The data is already safely renamed; only durability of the rename across power loss is affected.
  } finally {
    await handle?.close().catch(() => {});
  }
}
