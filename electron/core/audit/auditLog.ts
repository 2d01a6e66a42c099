import fs from 'node:fs/promises';
import type { AuditEntry, AuditSink } from './auditEntry';
import { auditFilePath, rotateAuditFiles } from './auditFiles';
import { AuditLogError } from './auditLogError';
import { type AuditReadResult, readAuditFiles } from './auditReader';
import { checkAuditRecord } from './auditRecord';

export { osUserName } from './osUser';

export const DEFAULT_AUDIT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_AUDIT_MAX_FILES = 10;

/** Lines written by one write call at most; a larger backlog is written in several. */
const MAX_BATCH_BYTES = 1024 * 1024;

export interface AuditLogOptions {
  dataDir: string;
  /** audit.jsonl is rotated before it would grow past this (default 5 MiB). */
  maxBytes?: number;
  /** Files kept in all, the live one included (default 10); the oldest is deleted on rotation. */
  maxFiles?: number;
}

export interface AuditLog extends AuditSink {
  /** The live file, <dataDir>/audit.jsonl. */
  readonly path: string;
  /** Newest first, across the rotated files; malformed lines are skipped. */
  read(options?: { limit?: number }): Promise<AuditEntry[]>;
  /** Like read, and also says how many malformed lines were skipped. */
  readDetailed(options?: { limit?: number }): Promise<AuditReadResult>;
  /** Waits for pending appends and closes the file. A later append opens it again. */
  close(): Promise<void>;
}

interface PendingLine {
  bytes: Buffer;
  resolve(): void;
  reject(error: unknown): void;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : 'unknown error';
}

/**
 * The append-only audit log (JSON Lines). append() resolves only once its line is on disk (written and
 * fsynced), so an entry appended before a request is sent survives a crash during that request.
 * Appends that arrive while a write is in flight are written together and share one fsync.
 */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { dataDir } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES;
  const maxFiles = options.maxFiles ?? DEFAULT_AUDIT_MAX_FILES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError('maxBytes must be a positive integer');
  if (!Number.isSafeInteger(maxFiles) || maxFiles < 2) throw new RangeError('maxFiles must be an integer of 2 or more');
  const file = auditFilePath(dataDir, 0);

  let handle: fs.FileHandle | null = null;
  const pending: PendingLine[] = [];
  let draining: Promise<void> | null = null;

  async function closeHandle(): Promise<void> {
    const open = handle;
    handle = null;
    await open?.close().catch(() => {});
  }

  /** The open live file and its size; reopened when another process has rotated it away. */
  async function liveFile(): Promise<{ fd: fs.FileHandle; size: number }> {
    if (handle) {
      const [opened, onDisk] = await Promise.all([handle.stat(), fs.stat(file).catch(() => null)]);
      if (onDisk && onDisk.ino === opened.ino && onDisk.dev === opened.dev) return { fd: handle, size: opened.size };
      await closeHandle();
    }
    await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
    const fd = await fs.open(file, 'a', 0o600);
    handle = fd;
    return { fd, size: (await fd.stat()).size };
  }

  async function rotate(fd: fs.FileHandle): Promise<void> {
    await fd.sync();
    await closeHandle();
    await rotateAuditFiles(dataDir, maxFiles);
  }

  async function writeBatch(batch: readonly PendingLine[]): Promise<void> {
    let { fd, size } = await liveFile();
    let next = 0;
    while (next < batch.length) {
      if (size > 0 && size + batch[next].bytes.length > maxBytes) {
        await rotate(fd);
        ({ fd, size } = await liveFile());
      }
      let end = next + 1;
      let bytes = batch[next].bytes.length;
      while (end < batch.length && size + bytes + batch[end].bytes.length <= maxBytes) {
        bytes += batch[end].bytes.length;
        end += 1;
      }
      const chunk = Buffer.concat(
        batch.slice(next, end).map((line) => line.bytes),
        bytes,
      );
      const { bytesWritten } = await fd.write(chunk, 0, chunk.length);
      if (bytesWritten !== chunk.length) throw new Error(`short write (${bytesWritten} of ${chunk.length} bytes)`);
      size += bytes;
      next = end;
    }
    await fd.sync();
  }

  function takeBatch(): PendingLine[] {
    let bytes = 0;
    let count = 0;
    while (count < pending.length && (count === 0 || bytes + pending[count].bytes.length <= MAX_BATCH_BYTES)) {
      bytes += pending[count].bytes.length;
      count += 1;
    }
    return pending.splice(0, count);
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = takeBatch();
      try {
        await writeBatch(batch);
        for (const line of batch) line.resolve();
      } catch (error) {
        await closeHandle();
        const failure = new AuditLogError(
          'io',
          `Could not write to the audit log ${file} (${describe(error)}). Check that the folder is writable ` +
            'and the disk has free space.',
        );
        for (const line of batch) line.reject(failure);
      }
    }
  }

  function kick(): void {
    draining ??= drain().finally(() => {
      draining = null;
      // An append made between the end of drain() and this callback would otherwise wait forever.
      if (pending.length > 0) kick();
    });
  }

  async function idle(): Promise<void> {
    while (draining) await draining;
  }

  async function readDetailed(readOptions: { limit?: number } = {}): Promise<AuditReadResult> {
    await idle();
    return readAuditFiles(dataDir, maxFiles, readOptions.limit ?? Number.POSITIVE_INFINITY);
  }

  return {
    path: file,

    append(entry) {
      const check = checkAuditRecord(entry);
      if (!check.ok) {
        return Promise.reject(new AuditLogError('invalid', `Audit entry refused: ${check.problem}.`));
      }
      const bytes = Buffer.from(`${JSON.stringify(check.entry)}\n`, 'utf8');
      return new Promise<void>((resolve, reject) => {
        pending.push({ bytes, resolve, reject });
        kick();
      });
    },

    async read(readOptions) {
      return (await readDetailed(readOptions)).entries;
    },

    readDetailed,

    async close() {
      await idle();
      await closeHandle();
    },
  };
}
