import fs from 'node:fs/promises';
import type { AuditEntry } from './auditEntry';
import { auditFilePath } from './auditFiles';
import { AuditLogError } from './auditLogError';
import { checkAuditRecord } from './auditRecord';

export interface AuditReadResult {
  /** Newest first. */
  entries: AuditEntry[];
  /** Lines that were not a valid entry (torn by a crash, edited by hand) and were left out. */
  skipped: number;
}

/** Reads the live file, then the rotated ones, newest entry first, until `limit` entries are found. */
export async function readAuditFiles(dataDir: string, maxFiles: number, limit: number): Promise<AuditReadResult> {
  const entries: AuditEntry[] = [];
  let skipped = 0;
  for (let index = 0; index < maxFiles && entries.length < limit; index += 1) {
    const file = auditFilePath(dataDir, index);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ENOENT') continue;
      throw new AuditLogError('io', `Could not read the audit log ${file} (${String(code ?? error)}).`);
    }
    const lines = text.split('\n');
    for (let at = lines.length - 1; at >= 0 && entries.length < limit; at -= 1) {
      const line = lines[at];
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        skipped += 1;
        continue;
      }
      const check = checkAuditRecord(value);
      if (check.ok) entries.push(check.entry);
      else skipped += 1;
    }
  }
  return { entries, skipped };
}
