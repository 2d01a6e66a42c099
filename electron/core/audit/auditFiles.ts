import fs from 'node:fs/promises';
import path from 'node:path';

export const AUDIT_FILE_NAME = 'audit.jsonl';

/** audit.jsonl for index 0 (the live file), audit.<n>.jsonl for the rotated ones (1 = newest). */
export function auditFilePath(dataDir: string, index: number): string {
  return path.join(dataDir, index === 0 ? AUDIT_FILE_NAME : `audit.${index}.jsonl`);
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

async function renameIfPresent(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** audit.jsonl -> audit.1.jsonl -> ... ; keeps maxFiles files in all (the live one included). */
export async function rotateAuditFiles(dataDir: string, maxFiles: number): Promise<void> {
  await fs.rm(auditFilePath(dataDir, maxFiles - 1), { force: true });
  for (let index = maxFiles - 2; index >= 0; index -= 1) {
    await renameIfPresent(auditFilePath(dataDir, index), auditFilePath(dataDir, index + 1));
  }
}
