import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { octal } from './auditDir';
import { AuditLogError } from './auditLogError';
import { errorCode, unwritable } from './auditProblems';

export const AUDIT_FILE_NAME = 'audit.jsonl';
const ROTATED = /^audit\.(\d{1,9})\.jsonl$/;
const ARCHIVED = /^audit\.archive\.(\d{1,9})\.jsonl$/;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
/** Append, create 0600, never through a symbolic link; readable for the chain's tail. */
const APPEND = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW;
const READ = constants.O_RDONLY | NO_FOLLOW;

/** audit.jsonl for index 0 (the live file), audit.<n>.jsonl for the rotated ones (1 = newest). */
export function auditFilePath(dataDir: string, index: number): string {
  return path.join(dataDir, index === 0 ? AUDIT_FILE_NAME : `audit.${index}.jsonl`);
}

function archivePath(dataDir: string, sequence: number): string {
  return path.join(dataDir, `audit.archive.${String(sequence).padStart(6, '0')}.jsonl`);
}

function symlinkRefused(file: string): AuditLogError {
  return new AuditLogError(
    'io',
    `The audit log ${file} is a symbolic link; it is never opened through a link. Move the link away (keep its target if it holds history). Nothing was sent.`,
  );
}

async function openNoFollow(file: string, flags: number, mode?: number): Promise<fs.FileHandle> {
  try {
    return await fs.open(file, flags, mode);
  } catch (error) {
    if (errorCode(error) === 'ELOOP') throw symlinkRefused(file);
    throw error;
  }
}

/** Opens the live file for appending; refuses a link or anything but a regular file; tightens a loose mode. */
export async function openLiveFile(file: string): Promise<{ handle: fs.FileHandle; notices: string[] }> {
  let handle: fs.FileHandle;
  try {
    handle = await openNoFollow(file, APPEND, 0o600);
  } catch (error) {
    if (error instanceof AuditLogError) throw error;
    throw unwritable(file, 'it cannot be opened for appending', error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new AuditLogError('io', `The audit log ${file} is not a regular file. Move it away.`);
    if (process.platform === 'win32' || (stats.mode & 0o077) === 0) return { handle, notices: [] };
    await handle.chmod(0o600);
    return {
      handle,
      notices: [`Tightened the permissions of the audit log ${file} from ${octal(stats.mode)} to 0600.`],
    };
  } catch (error) {
    await handle.close().catch(() => {});
    if (error instanceof AuditLogError) throw error;
    throw unwritable(file, 'its permissions cannot be tightened to 0600', error);
  }
}

/** Opens an audit file for reading without following a link; null when it does not exist. */
export async function openForReading(file: string): Promise<fs.FileHandle | null> {
  try {
    return await openNoFollow(file, READ);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Rotated and archived files (not the live one), oldest first: the order of the chain. */
export async function olderAuditFiles(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dataDir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
  const archived: Array<[number, string]> = [];
  const rotated: Array<[number, string]> = [];
  for (const name of names) {
    const archive = ARCHIVED.exec(name);
    if (archive) archived.push([Number(archive[1]), name]);
    const rotation = ROTATED.exec(name);
    if (rotation && Number(rotation[1]) > 0) rotated.push([Number(rotation[1]), name]);
  }
  archived.sort((a, b) => a[0] - b[0]);
  rotated.sort((a, b) => b[0] - a[0]);
  return [...archived, ...rotated].map(([, name]) => path.join(dataDir, name));
}

/** Every audit file, oldest first, the live one last. */
export async function auditFilesInChainOrder(dataDir: string): Promise<string[]> {
  return [...(await olderAuditFiles(dataDir)), auditFilePath(dataDir, 0)];
}

/** Tightens rotated and archived files left with a loose mode; links are left alone (never opened). */
export async function tightenOlderFiles(dataDir: string): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const notices: string[] = [];
  for (const file of await olderAuditFiles(dataDir)) {
    const stats = await fs.lstat(file).catch(() => null);
    if (!stats?.isFile() || (stats.mode & 0o077) === 0) continue;
    await fs.chmod(file, 0o600);
    notices.push(`Tightened the permissions of ${file} from ${octal(stats.mode)} to 0600.`);
  }
  return notices;
}

async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/**
 * audit.jsonl -> audit.1.jsonl -> ... -> audit.<maxFiles-1>.jsonl; the file that would fall off the end
 * is kept as audit.archive.<n>.jsonl (history is never deleted; the History view reads the maxFiles
 * newest). Callers hold the audit lock.
 */
export async function rotateAuditFiles(dataDir: string, maxFiles: number): Promise<void> {
  const oldest = auditFilePath(dataDir, maxFiles - 1);
  if (await fs.lstat(oldest).catch(() => null)) {
    const archives = (await olderAuditFiles(dataDir)).map((file) => ARCHIVED.exec(path.basename(file)));
    const last = Math.max(0, ...archives.map((match) => (match ? Number(match[1]) : 0)));
    await fs.rename(oldest, archivePath(dataDir, last + 1));
  }
  for (let index = maxFiles - 2; index >= 0; index -= 1) {
    await renameIfPresent(auditFilePath(dataDir, index), auditFilePath(dataDir, index + 1));
  }
}
