import { RecordStore } from '../../../electron/sandbox/backupRecords';
import { PageCursors } from '../../../electron/sandbox/pageCursor';
import { RecordIds } from '../../../electron/sandbox/recordIds';
import type { RecordContext } from '../../../electron/sandbox/recordRoutes';
import { practiceSeeder } from '../../../electron/sandbox/recordSeed';

export const USER = '1505084218764547200';
export const OTHER_USER = '1234567890123456789';
export const SEED_AT_MS = Date.UTC(2025, 0, 15, 8, 30, 0);

/** The record routes' context over the practice seed of USER and OTHER_USER, at SEED_AT_MS. */
export function recordContext(options: { userId?: string; cursorTtlMs?: number } = {}): RecordContext & {
  ids: RecordIds;
} {
  const ids = new RecordIds(1_842_862_763_295_184_641n);
  return {
    records: new RecordStore(practiceSeeder(new Set([USER, OTHER_USER]), SEED_AT_MS, ids)),
    cursors: new PageCursors(options.cursorTtlMs),
    userId: options.userId ?? USER,
    nowMs: SEED_AT_MS,
    ids,
  };
}

/** The JSON text with every bare integer of 16 or more digits quoted, so it parses exactly. */
export function parseExact(text: string): unknown {
  return JSON.parse(text.replace(/([:[,])(\d{16,})(?=[,}\]])/g, '$1"$2"'));
}
