/**
 * Checks the audit log's hash chain (auditChain.ts) from the oldest kept file to the live one. Used by
 * `koodrive-lock audit verify` and the window's History indicator.
 */
import path from 'node:path';
import { GENESIS_HASH, chainValueOf, claimedHash, contentHash } from './auditChain';
import { auditFilesInChainOrder, openForReading } from './auditFiles';
import { AuditLogError } from './auditLogError';
import { errorCode } from './auditProblems';
import { checkAuditRecord } from './auditRecord';

export type AuditVerification =
  | {
      intact: true;
      /** Entries checked, all files together. */
      entries: number;
      /** Leading lines written before the hash chain existed (accepted, but not protected by it). */
      unchained: number;
      /** The files checked, oldest first. */
      files: string[];
    }
  | {
      intact: false;
      /** The first broken entry: its file and 1-based line number. */
      file: string;
      line: number;
      /** What is wrong with it, in words. */
      problem: string;
      /** Entries that checked out before it. */
      entries: number;
    };

type LineVerdict = { problem: string } | { next: string; chained: boolean };

function checkLine(text: string, expectedPrev: string, chainStarted: boolean): LineVerdict {
  if (text === '') return { problem: 'an empty line where an entry should be' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not a complete JSON entry (changed or cut off)' };
  }
  const check = checkAuditRecord(value);
  if (!check.ok) return { problem: `not a valid audit entry (${check.problem})` };
  const claimed = claimedHash(text);
  if (claimed === null) {
    if (chainStarted || check.entry.prev !== undefined || check.entry.hash !== undefined) {
      return { problem: 'it has no hash, but every entry after the first chained one must carry one' };
    }
    return { next: chainValueOf(text), chained: false };
  }
  if (contentHash(text) !== claimed) return { problem: 'its content was changed after it was written (hash mismatch)' };
  if (check.entry.prev !== expectedPrev) {
    return {
      problem:
        expectedPrev === GENESIS_HASH && !chainStarted
          ? 'it does not start the log: entries before it (or older files) are missing'
          : 'it does not follow the entry before it: a line was removed, inserted or reordered',
    };
  }
  return { next: claimed, chained: true };
}

async function readWhole(file: string): Promise<string | null | { problem: string }> {
  let handle;
  try {
    handle = await openForReading(file);
  } catch (error) {
    if (error instanceof AuditLogError) return { problem: 'it is a symbolic link (never followed)' };
    throw new AuditLogError('io', `Could not read the audit log ${file} (${errorCode(error) ?? String(error)}).`);
  }
  if (!handle) return null;
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Intact, or the first broken entry with its file, line and the reason. Rejects only when a file cannot be read. */
export async function verifyAuditLog(dataDir: string): Promise<AuditVerification> {
  const files = await auditFilesInChainOrder(dataDir);
  const checked: string[] = [];
  let expected = GENESIS_HASH;
  let chainStarted = false;
  let entries = 0;
  let unchained = 0;
  for (const file of files) {
    const text = await readWhole(file);
    if (text === null) continue;
    if (typeof text !== 'string') return { intact: false, file, line: 1, problem: text.problem, entries };
    checked.push(file);
    if (text === '') continue;
    const lines = text.split('\n');
    const last = lines.pop();
    if (last !== '') {
      return {
        intact: false,
        file,
        line: lines.length + 1,
        problem: 'the file ends inside an entry (truncated or torn)',
        entries,
      };
    }
    for (let index = 0; index < lines.length; index += 1) {
      const verdict = checkLine(lines[index], expected, chainStarted);
      if ('problem' in verdict) return { intact: false, file, line: index + 1, problem: verdict.problem, entries };
      expected = verdict.next;
      chainStarted ||= verdict.chained;
      if (!verdict.chained) unchained += 1;
      entries += 1;
    }
  }
  return { intact: true, entries, unchained, files: checked };
}

/** "audit.1.jsonl line 3" — for messages. */
export function brokenAt(result: { file: string; line: number }): string {
  return `${path.basename(result.file)} line ${result.line}`;
}
