/**
 * The audit files parsed once and kept: each file is remembered by its inode, so a rotated file
 * (audit.jsonl renamed to audit.1.jsonl) is not read again, and a file that only grew is read from
 * where the last read stopped. Only a file that shrank or was rewritten is parsed again in full.
 */
import { isAscii } from 'node:buffer';
import fs from 'node:fs/promises';
import { auditFilePath } from '../audit/auditFiles';
import { AuditLogError } from '../audit/auditLogError';
import { AuditEntries } from './auditEntries';
import { AuditLineShapes } from './auditLineShapes';
import { parseAuditLines } from './parseAuditLines';

const HEAD_BYTES = 64;
const NEWLINE = 0x0a;

export interface ParsedAuditFile {
  /** dev:ino */
  readonly key: string;
  size: number;
  mtimeMs: number;
  /** Bytes up to the end of the last complete line; a line still being written is read next time. */
  consumed: number;
  /** File order (oldest first). */
  entries: AuditEntries;
  skipped: number;
  /** The first bytes, to tell a grown file from a new file that got a recycled inode. */
  head: Buffer;
  /** A non-empty fragment after the last line break. */
  hasFragment: boolean;
}

export interface AuditFilesSnapshot {
  /** Oldest file first. */
  files: ParsedAuditFile[];
  /** Malformed lines, including a torn last line of a rotated file. */
  skipped: number;
  /** False when nothing was read since the last load. */
  changed: boolean;
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function readError(file: string, error: unknown): AuditLogError {
  return new AuditLogError('io', `Could not read the audit log ${file} (${String(errorCode(error) ?? error)}).`);
}

/** Parses the complete lines of `bytes`; returns how many bytes they took. */
function parseLines(bytes: Buffer, into: ParsedAuditFile, shapes: AuditLineShapes): number {
  const complete = bytes.lastIndexOf(NEWLINE) + 1;
  into.hasFragment = bytes.toString('utf8', complete).trim() !== '';
  if (complete === 0) return 0;
  const lines = bytes.subarray(0, complete);
  // ASCII reads the same in Latin-1, which decodes several times faster than UTF-8.
  const text = isAscii(lines) ? lines.toString('latin1') : lines.toString('utf8');
  into.skipped += parseAuditLines(text, into.entries, shapes);
  return complete;
}

export class AuditFileCache {
  private byKey = new Map<string, ParsedAuditFile>();
  private signature = '';
  private readonly shapes = new AuditLineShapes();
  /** Bytes read from disk so far (for tests and diagnostics). */
  bytesRead = 0;

  constructor(
    private readonly dataDir: string,
    private readonly maxFiles: number,
  ) {}

  async load(): Promise<AuditFilesSnapshot> {
    const files: ParsedAuditFile[] = [];
    let read = false;
    let skipped = 0;
    for (let index = this.maxFiles - 1; index >= 0; index -= 1) {
      const file = auditFilePath(this.dataDir, index);
      const parsed = await this.loadFile(file);
      if (!parsed) continue;
      read ||= parsed.read;
      files.push(parsed.file);
      skipped += parsed.file.skipped + (index > 0 && parsed.file.hasFragment ? 1 : 0);
    }
    const signature = files.map((file) => `${file.key}/${file.consumed}/${file.entries.count}`).join('|');
    const changed = read || signature !== this.signature;
    this.signature = signature;
    this.byKey = new Map(files.map((file) => [file.key, file]));
    return { files, skipped, changed };
  }

  private async loadFile(file: string): Promise<{ file: ParsedAuditFile; read: boolean } | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw readError(file, error);
    }
    try {
      const stat = await handle.stat();
      const key = `${stat.dev}:${stat.ino}`;
      const cached = this.byKey.get(key);
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return { file: cached, read: false };
      if (cached && stat.size > cached.size && (await this.sameHead(handle, cached.head))) {
        await this.readFrom(handle, cached, stat.size);
        cached.size = stat.size;
        cached.mtimeMs = stat.mtimeMs;
        return { file: cached, read: true };
      }
      const fresh: ParsedAuditFile = {
        key,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        consumed: 0,
        entries: new AuditEntries(),
        skipped: 0,
        head: Buffer.alloc(0),
        hasFragment: false,
      };
      await this.readFrom(handle, fresh, stat.size);
      return { file: fresh, read: true };
    } catch (error) {
      if (error instanceof AuditLogError) throw error;
      throw readError(file, error);
    } finally {
      await handle.close().catch(() => {});
    }
  }

  private async readBytes(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    this.bytesRead += filled;
    return filled === length ? buffer : buffer.subarray(0, filled);
  }

  private readHead(handle: fs.FileHandle, size: number): Promise<Buffer> {
    return this.readBytes(handle, 0, Math.min(HEAD_BYTES, size));
  }

  private async sameHead(handle: fs.FileHandle, head: Buffer): Promise<boolean> {
    if (head.length === 0) return true;
    return (await this.readBytes(handle, 0, head.length)).equals(head);
  }

  private async readFrom(handle: fs.FileHandle, into: ParsedAuditFile, size: number): Promise<void> {
    const start = into.consumed;
    const bytes = await this.readBytes(handle, start, size - start);
    into.consumed += parseLines(bytes, into, this.shapes);
    if (into.head.length < HEAD_BYTES && size > into.head.length) {
      into.head = start === 0 ? Buffer.from(bytes.subarray(0, HEAD_BYTES)) : await this.readHead(handle, size);
    }
  }
}
