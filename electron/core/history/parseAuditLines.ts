/**
 * Reads complete audit lines into AuditEntries. A line of a known shape is taken by one regular
 * expression match; any other line is parsed as JSON and checked by readAuditRecord. A blank line is
 * ignored; a line that is not JSON or not a valid entry is counted as skipped.
 */
import type { AuditEntries } from './auditEntries';
import type { AuditLineShapes } from './auditLineShapes';
import { readAuditRecord } from './readAuditRecord';

/** `text` is whole lines, each ending with a line break. Returns how many lines were skipped. */
export function parseAuditLines(text: string, into: AuditEntries, shapes: AuditLineShapes): number {
  const textIndex = into.texts.length;
  into.texts.push(text);
  let skipped = 0;
  let start = 0;
  shapes.reset();
  while (start < text.length) {
    const matched = shapes.match(into, textIndex, start);
    if (matched >= 0) {
      start = matched;
      continue;
    }
    const lineBreak = text.indexOf('\n', start);
    const end = lineBreak < 0 ? text.length : lineBreak;
    const line = text.slice(start, end);
    start = end + 1;
    shapes.reset();
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped += 1;
      continue;
    }
    const entry = readAuditRecord(value);
    if (!entry) {
      skipped += 1;
      continue;
    }
    into.addParsed(entry);
    shapes.learn(value as object);
  }
  return skipped;
}
