import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { CHAIN_OVERHEAD_BYTES, chainRecord } from './auditChain';
import { ensureAuditDir } from './auditDir';
import type { AuditEntry, AuditSink } from './auditEntry';
import { auditFilePath, openLiveFile, rotateAuditFiles, tightenOlderFiles } from './auditFiles';
import { YIELD_TO_WAITER_MS, withAuditLock, writerWaiting } from './auditLock';
import { AuditLogError } from './auditLogError';
import { describeError } from './auditProblems';
import { type AuditReadResult, readAuditFiles } from './auditReader';
import { checkAuditRecord } from './auditRecord';
import { type Tail, chainTail } from './auditTail';

export { osUserName } from './osUser';

export const DEFAULT_AUDIT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_AUDIT_MAX_FILES = 10;

/** Lines written by one write call at most; a larger backlog is written in several. */
const MAX_BATCH_BYTES = 1024 * 1024;
/**
 * While appends keep arriving, one hold of the cross-process lock covers several writes (each still fsynced
 * before its appends resolve), for at most this long: another writer waits no longer than that for its turn.
 */
const LOCK_HOLD_MS = 50;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface AuditLogOptions {
  dataDir: string;
  /** audit.jsonl is rotated before it would grow past this (default 5 MiB). */
  maxBytes?: number;
  /** Files the history reads, the live one included (default 10); older ones are archived, never deleted. */
  maxFiles?: number;
}

export interface AuditLog extends AuditSink {
  /** The live file, <dataDir>/audit.jsonl. */
  readonly path: string;
  /**
   * Creates the folder (0700) and opens the live file (0600, never through a symbolic link), tightening
   * loose permissions. Resolves with what was tightened, to show once; rejects with an "io" AuditLogError
   * naming the path when the log cannot be written. append() opens the log too, if open() was not called.
   */
  open(): Promise<string[]>;
  /** Newest first, across the rotated files; malformed lines are skipped. */
  read(options?: { limit?: number }): Promise<AuditEntry[]>;
  /** Like read, and also says how many malformed lines were skipped. */
  readDetailed(options?: { limit?: number }): Promise<AuditReadResult>;
  /** Waits for pending appends and closes the file. A later append opens it again. */
  close(): Promise<void>;
}

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
}

/** Where this writer left the live file: while it is still that file at that size, its chain head is known. */
interface WrittenHead extends FileIdentity {
  prev: string;
}

interface PendingLine {
  /** The record's JSON, without the chain fields. */
  json: string;
  /** Bytes of the written line, chain fields and line break included. */
  size: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The append-only audit log (JSON Lines). append() resolves only once its line is on disk (written and
 * fsynced), so an entry appended before a request is sent survives a crash during that request.
 * Appends that arrive while a write is in flight are written together and share one fsync. Every
 * write holds the cross-process audit lock and chains its lines to the entry before (auditChain.ts).
 */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const { dataDir } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_AUDIT_MAX_BYTES;
  const maxFiles = options.maxFiles ?? DEFAULT_AUDIT_MAX_FILES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError('maxBytes must be a positive integer');
  if (!Number.isSafeInteger(maxFiles) || maxFiles < 2) throw new RangeError('maxFiles must be an integer of 2 or more');
  const file = auditFilePath(dataDir, 0);

  let handle: fs.FileHandle | null = null;
  let prepared = false;
  let unreported: string[] = [];
  const pending: PendingLine[] = [];
  let draining: Promise<void> | null = null;
  let head: WrittenHead | null = null;

  async function closeHandle(): Promise<void> {
    const open = handle;
    handle = null;
    head = null;
    await open?.close().catch(() => {});
  }

  async function prepare(): Promise<void> {
    if (prepared) return;
    const notices = await ensureAuditDir(dataDir, file);
    notices.push(...(await tightenOlderFiles(dataDir).catch(() => [])));
    unreported.push(...notices);
    prepared = true;
  }

  /** The open live file and its stats; reopened when another process has rotated it away. */
  async function liveFile(): Promise<{ fd: fs.FileHandle; stats: Stats }> {
    if (handle) {
      const [opened, onDisk] = await Promise.all([handle.stat(), fs.lstat(file).catch(() => null)]);
      if (onDisk && onDisk.ino === opened.ino && onDisk.dev === opened.dev) return { fd: handle, stats: opened };
      await closeHandle();
    }
    await prepare();
    const { handle: fd, notices } = await openLiveFile(file);
    unreported.push(...notices);
    handle = fd;
    return { fd, stats: await fd.stat() };
  }

  /**
   * The chain head: known without reading when the live file is still the one this writer last wrote and
   * has not grown since (no other writer appended, nothing rotated it); else read from the files.
   */
  async function tailOf(fd: fs.FileHandle, stats: FileIdentity): Promise<Tail> {
    if (head && head.dev === stats.dev && head.ino === stats.ino && head.size === stats.size) {
      return { prev: head.prev, endsWithNewline: true };
    }
    return chainTail(fd, stats.size, dataDir);
  }

  async function rotate(fd: fs.FileHandle): Promise<void> {
    await fd.sync();
    await closeHandle();
    await rotateAuditFiles(dataDir, maxFiles);
  }

  /**
   * Writes and fsyncs `batch`; the caller holds the audit lock. `sameHold`: this writer wrote the write before
   * under the same hold of the lock, so no other writer can have touched the file since and it is not looked at again.
   */
  async function writeBatch(batch: readonly PendingLine[], sameHold: boolean): Promise<void> {
    let { fd, stats } = sameHold && handle && head ? { fd: handle, stats: head } : await liveFile();
    let size = stats.size;
    const tail = await tailOf(fd, stats);
    // Until this write is on disk, the head is not known (a failure half-way leaves the file unknown).
    head = null;
    let prev = tail.prev;
    let lead = tail.endsWithNewline ? '' : '\n';
    let next = 0;
    while (next < batch.length) {
      if (size > 0 && size + batch[next].size > maxBytes) {
        await rotate(fd);
        ({ fd, stats } = await liveFile());
        size = stats.size;
        lead = '';
      }
      let end = next + 1;
      let bytes = batch[next].size;
      while (end < batch.length && size + bytes + batch[end].size <= maxBytes) {
        bytes += batch[end].size;
        end += 1;
      }
      let text = lead;
      for (let at = next; at < end; at += 1) {
        const chained = chainRecord(batch[at].json, prev);
        text += `${chained.line}\n`;
        prev = chained.hash;
      }
      const chunk = Buffer.from(text, 'utf8');
      const { bytesWritten } = await fd.write(chunk, 0, chunk.length);
      if (bytesWritten !== chunk.length) throw new Error(`short write (${bytesWritten} of ${chunk.length} bytes)`);
      size += chunk.length;
      lead = '';
      next = end;
    }
    await fd.sync();
    head = { dev: stats.dev, ino: stats.ino, size, prev };
  }

  function takeBatch(): PendingLine[] {
    let bytes = 0;
    let count = 0;
    while (count < pending.length && (count === 0 || bytes + pending[count].size <= MAX_BATCH_BYTES)) {
      bytes += pending[count].size;
      count += 1;
    }
    return pending.splice(0, count);
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      let batch = takeBatch();
      try {
        await prepare();
        await withAuditLock(dataDir, file, async () => {
          const releaseAt = Date.now() + LOCK_HOLD_MS;
          await writeBatch(batch, false);
          // Lines arrived meanwhile: the batch just fsynced is resolved and the next is written under this hold.
          while (pending.length > 0 && Date.now() < releaseAt) {
            for (const line of batch) line.resolve();
            batch = takeBatch();
            await writeBatch(batch, true);
          }
        });
        for (const line of batch) line.resolve();
        // More to write while another writer waits: step aside once, or a busy writer could starve it.
        if (pending.length > 0 && (await writerWaiting(dataDir))) await pause(YIELD_TO_WAITER_MS);
      } catch (error) {
        await closeHandle();
        const failure =
          error instanceof AuditLogError
            ? error
            : new AuditLogError(
                'io',
                `Could not write to the audit log ${file} (${describeError(error)}). Nothing more was sent. ` +
                  'Check that the folder is writable and the disk has free space.',
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

    async open() {
      await idle();
      try {
        await liveFile();
      } catch (error) {
        await closeHandle();
        throw error instanceof AuditLogError ? error : new AuditLogError('io', `${file}: ${describeError(error)}`);
      }
      const notices = unreported;
      unreported = [];
      return notices;
    },

    append(entry) {
      // The chain fields are the writer's to set.
      const check = checkAuditRecord({ ...entry, prev: undefined, hash: undefined });
      if (!check.ok) {
        return Promise.reject(new AuditLogError('invalid', `Audit entry refused: ${check.problem}.`));
      }
      const json = JSON.stringify(check.entry);
      const size = Buffer.byteLength(json, 'utf8') + CHAIN_OVERHEAD_BYTES + 1;
      return new Promise<void>((resolve, reject) => {
        pending.push({ json, size, resolve, reject });
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
