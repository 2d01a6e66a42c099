/**
 * The audit log's hash chain (docs/faults-and-safeguards.md, "Audit log"). Every line written ends with
 * `"prev":"<hex>","hash":"<hex>"}`: prev is the hash of the entry before it (across rotated files; 64
 * zeros for the first entry of the log), hash is the SHA-256 of the line's own text without its
 * `,"hash":"…"` member. A changed byte changes the hash; a removed, inserted or reordered line breaks prev.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

const HASH_SUFFIX = /,"hash":"([0-9a-f]{64})"\}$/;
const SUFFIX_LENGTH = ',"hash":"'.length + 64 + '"}'.length;

/** Bytes a chained line has beyond its record's own JSON. */
export const CHAIN_OVERHEAD_BYTES = ',"prev":""'.length + 64 + SUFFIX_LENGTH - 1;

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The line (no line break) for a record's JSON text, chained to `prev`, and its hash. */
export function chainRecord(recordJson: string, prev: string): { line: string; hash: string } {
  const body = `${recordJson.slice(0, -1)},"prev":"${prev}"}`;
  const hash = sha256Hex(body);
  return { line: `${body.slice(0, -1)},"hash":"${hash}"}`, hash };
}

/** The hash a chained line claims, or null for a line without one (written before the chain existed). */
export function claimedHash(line: string): string | null {
  return HASH_SUFFIX.exec(line)?.[1] ?? null;
}

/** The hash of a chained line's content, to compare with the hash it claims. */
export function contentHash(chainedLine: string): string {
  return sha256Hex(`${chainedLine.slice(0, -SUFFIX_LENGTH)}}`);
}

/** What the next entry's prev must be after `line`: its hash, or for an unchained line the SHA-256 of its text. */
export function chainValueOf(line: string): string {
  return claimedHash(line) ?? sha256Hex(line);
}
