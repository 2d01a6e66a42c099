/**
 * The audit folder, created one level at a time. fs.mkdir({ recursive: true }) never returns for a path
 * such as /proc/nope on Linux (the kernel answers ENOENT for a parent that exists, and Node retries),
 * so the CLI used to spin at 100 % CPU; here every level is tried once.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AuditLogError } from './auditLogError';
import { errorCode, unwritable } from './auditProblems';

const PRIVATE_DIR = 0o700;

async function statOrNull(dir: string, auditFile: string): Promise<Stats | null> {
  try {
    return await fs.stat(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    if (errorCode(error) === 'ENOTDIR') throw notAFolder(dir, auditFile, 'a part of it');
    throw unwritable(auditFile, `its folder ${dir} cannot be read`, error);
  }
}

function notAFolder(dir: string, auditFile: string, which = 'it'): AuditLogError {
  return new AuditLogError(
    'io',
    `The audit log ${auditFile} cannot be written: ${dir} is not a folder (${which} is a file). Nothing was sent. ` +
      'Choose another data folder (--data-dir) or move that file away.',
  );
}

/** Creates `dir` (0700) and any missing parent; the notices say what was tightened. */
export async function ensureAuditDir(dir: string, auditFile: string): Promise<string[]> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    const stats = await statOrNull(current, auditFile);
    if (stats) {
      if (!stats.isDirectory()) throw notAFolder(current, auditFile);
      break;
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing.reverse()) {
    try {
      await fs.mkdir(level, { mode: PRIVATE_DIR });
    } catch (error) {
      if (errorCode(error) === 'EEXIST' && (await statOrNull(level, auditFile))?.isDirectory()) continue;
      throw unwritable(auditFile, `the folder ${level} cannot be created`, error);
    }
  }
  if (process.platform === 'win32') return [];
  const stats = await fs.stat(dir);
  if (!stats.isDirectory()) throw notAFolder(dir, auditFile);
  if ((stats.mode & 0o777) === PRIVATE_DIR) return [];
  if (stats.mode & 0o1000) {
    throw new AuditLogError(
      'io',
      `The audit log ${auditFile} cannot be kept in ${dir}: that folder is shared (sticky bit set). Nothing was sent. Choose a private data folder (--data-dir).`,
    );
  }
  try {
    await fs.chmod(dir, PRIVATE_DIR);
  } catch (error) {
    throw unwritable(auditFile, `the permissions of its folder ${dir} cannot be tightened to 0700`, error);
  }
  return [`Tightened the permissions of the audit folder ${dir} from ${octal(stats.mode)} to 0700.`];
}

export function octal(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}
