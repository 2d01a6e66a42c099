import type fs from 'node:fs/promises';
import { GENESIS_HASH, chainValueOf } from './auditChain';
import { auditFilePath } from './auditFiles';
import { openForReading } from './auditFiles';

const CHUNK = 16 * 1024;
/** Far above any line the writer makes (each text field is capped); a longer "line" is not ours. */
const MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

export interface Tail {
  /** What the next entry's prev is. */
  prev: string;
  /** False when the file ends inside a line (a torn write): the next write starts on a new line. */
  endsWithNewline: boolean;
}

/** The last complete line of an open file of `size` bytes, or null when it has none. */
async function lastLine(handle: fs.FileHandle, size: number): Promise<{ line: string | null; complete: boolean }> {
  if (size === 0) return { line: null, complete: true };
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  const complete = last[0] === NEWLINE;
  // Search backwards from before the final line break (or from the end of a torn line, which is skipped).
  let end = complete ? size - 1 : -1;
  let position = size - (complete ? 1 : 0);
  const parts: Buffer[] = [];
  while (position > 0 && size - position <= MAX_LINE_BYTES) {
    const start = Math.max(0, position - CHUNK);
    const buffer = Buffer.alloc(position - start);
    await handle.read(buffer, 0, buffer.length, start);
    const at = buffer.lastIndexOf(NEWLINE);
    if (end < 0) {
      // Torn tail: find its start, then the complete line before it.
      if (at < 0) {
        position = start;
        continue;
      }
      end = start + at;
      position = end;
      continue;
    }
    if (at >= 0) {
      parts.unshift(buffer.subarray(at + 1));
      return { line: Buffer.concat(parts).toString('utf8'), complete };
    }
    parts.unshift(buffer);
    position = start;
  }
  if (end < 0 || position > 0) return { line: null, complete };
  return { line: Buffer.concat(parts).toString('utf8'), complete };
}

/** The chain's head: the last entry of the live file, else of the newest rotated file, else the genesis. */
export async function chainTail(live: fs.FileHandle, liveSize: number, dataDir: string): Promise<Tail> {
  const own = await lastLine(live, liveSize);
  if (own.line !== null) return { prev: chainValueOf(own.line), endsWithNewline: own.complete };
  const endsWithNewline = own.complete;
  const previous = await openForReading(auditFilePath(dataDir, 1));
  if (!previous) return { prev: GENESIS_HASH, endsWithNewline };
  try {
    const { line } = await lastLine(previous, (await previous.stat()).size);
    return { prev: line === null ? GENESIS_HASH : chainValueOf(line), endsWithNewline };
  } finally {
    await previous.close();
  }
}
