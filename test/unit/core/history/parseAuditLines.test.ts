import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { GENESIS_HASH, chainRecord } from '../../../../electron/core/audit/auditChain';
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';
import { AuditEntries } from '../../../../electron/core/history/auditEntries';
import { AuditLineShapes } from '../../../../electron/core/history/auditLineShapes';
import { parseAuditLines } from '../../../../electron/core/history/parseAuditLines';
import { readAuditRecord } from '../../../../electron/core/history/readAuditRecord';
import { fixtureEntries } from './auditFixtures';

/** The reading parseAuditLines must equal: each line parsed as JSON and checked on its own. */
function perLine(text: string): { entries: AuditEntry[]; skipped: number } {
  const entries: AuditEntry[] = [];
  let skipped = 0;
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped += 1;
      continue;
    }
    const entry = readAuditRecord(value);
    if (entry) entries.push(entry);
    else skipped += 1;
  }
  return { entries, skipped };
}

function parse(text: string, shapes = new AuditLineShapes()): { entries: AuditEntries; skipped: number } {
  const entries = new AuditEntries();
  const skipped = parseAuditLines(text, entries, shapes);
  return { entries, skipped };
}

function all(entries: AuditEntries): AuditEntry[] {
  return Array.from({ length: entries.count }, (_, index) => entries.entry(index));
}

function expectSameAsPerLine(text: string, shapes = new AuditLineShapes()): void {
  const { entries, skipped } = parse(text, shapes);
  const expected = perLine(text);
  expect(all(entries)).toEqual(expected.entries);
  expect(skipped).toBe(expected.skipped);
  for (let index = 0; index < entries.count; index += 1) {
    const entry = expected.entries[index];
    expect(entries.operationId(index)).toBe(entry.operationId);
    expect(entries.time(index)).toBe(entry.time);
    expect(entries.profile(index)).toBe(entry.profile);
    expect(entries.lockId(index)).toBe(entry.lockId);
    expect(entries.outcome(index)).toBe(entry.phase === 'pending' ? 'pending' : entry.ok ? 'success' : 'failed');
  }
}

const fixtureLines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => fixtureEntries(from + i))
    .flat()
    .map((entry) => JSON.stringify(entry));

describe('parseAuditLines', () => {
  it('reads lines of a known shape without parsing them, and gives the same entries', () => {
    const text = `${fixtureLines(0, 60).join('\n')}\n`;
    const { entries, skipped } = parse(text);
    expect(skipped).toBe(0);
    expect(all(entries)).toEqual(Array.from({ length: 60 }, (_, op) => fixtureEntries(op)).flat());
    expectSameAsPerLine(text);
  });

  it('takes the fast path for lines with the hash chain (prev, hash) too', () => {
    let prev = GENESIS_HASH;
    const lines = fixtureLines(0, 60).map((json) => {
      const chained = chainRecord(json, prev);
      prev = chained.hash;
      return chained.line;
    });
    const text = `${lines.join('\n')}\n`;
    const spy = vi.spyOn(JSON, 'parse');
    const { entries, skipped } = parse(text);
    const parsed = spy.mock.calls.length;
    spy.mockRestore();
    expect(skipped).toBe(0);
    expect(entries.count).toBe(lines.length);
    // Only the first line of each key order is parsed (to learn its shape).
    expect(parsed).toBeLessThanOrEqual(8);
    expect(all(entries)[1]).toMatchObject({ prev: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expectSameAsPerLine(text);
  });

  it('skips and counts a malformed line among lines of a known shape, and keeps all the others', () => {
    const lines = fixtureLines(0, 20);
    const broken = lines[7].slice(0, -5);
    const text = `${[...lines.slice(0, 7), broken, ...lines.slice(8), '{"time":"x"}', '[]', ''].join('\n')}\n`;
    const { entries, skipped } = parse(text);
    expect(skipped).toBe(3);
    expect(entries.count).toBe(lines.length - 1);
    expectSameAsPerLine(text);
  });

  it('reads CRLF line ends, blank lines and whitespace the same way as JSON.parse', () => {
    const lines = fixtureLines(0, 10);
    const text = `${lines.join('\r\n')}\r\n\r\n  \n ${lines[0]} \n\t${lines[1]}\n`;
    const { entries, skipped } = parse(text);
    expect(skipped).toBe(0);
    expect(entries.count).toBe(lines.length + 2);
    expectSameAsPerLine(text);
  });

  it('counts a truncated last line once', () => {
    const lines = fixtureLines(0, 5);
    const text = `${lines.join('\n')}\n${lines[0].slice(0, 30)}\n`;
    expect(parse(text).skipped).toBe(1);
    expectSameAsPerLine(text);
  });

  it('takes the parsed path for escapes, long texts, extra fields, duplicate keys and odd values', () => {
    const [pending, result] = fixtureEntries(3);
    const variants = [
      JSON.stringify({ ...result, msg: 'quote " and \\ backslash\nnewline' }),
      JSON.stringify({ ...result, msg: 'x'.repeat(2001) }),
      JSON.stringify({ ...result, msg: 'x'.repeat(2000) }),
      JSON.stringify({ ...pending, secret: 'tok-123' }),
      JSON.stringify(result).replace('"durationMs":', '"durationMs":1e400,"durationMs":'),
      JSON.stringify(result).replace('"durationMs":33', '"durationMs":1e400'),
      JSON.stringify(result).replace('"durationMs":33', '"durationMs":-1'),
      JSON.stringify(result).replace('"httpStatus":400', '"httpStatus":12345678901234567'),
      JSON.stringify(result).replace('"httpStatus":400', '"httpStatus":400.5'),
      JSON.stringify(result).replace('"httpStatus":400', '"httpStatus":-0'),
      JSON.stringify(result).replace('"kind":"not-found"', '"kind":"other"'),
      JSON.stringify(result).replace('"ok":false', '"ok":"false"'),
      JSON.stringify(pending).replace('"phase":"pending"', '"phase":"pending","phase":"result"'),
      JSON.stringify(pending).replace(/"lockId":"[^"]*"/, '"lockId":null'),
      JSON.stringify(pending).replace('"osUser":"ana"', '"osUser":"an\u0001a"'),
      JSON.stringify(pending).replace('"osUser":"ana"', '"osUser":"änä 😀"'),
    ];
    // Learn both shapes first, so that every variant is tried against them.
    const text = `${[JSON.stringify(pending), JSON.stringify(result), ...variants].join('\n')}\n`;
    expectSameAsPerLine(text);
  });

  it('agrees with parsing each line, for lines edited at random', () => {
    const base = fixtureLines(0, 6);
    const edit = fc.record({
      line: fc.nat({ max: base.length - 1 }),
      at: fc.nat(),
      cut: fc.nat({ max: 3 }),
      insert: fc.oneof(
        fc.constantFrom('', '"', '\\', ',', '}', '{', ' ', '\r', '\n', 'null', '0', '-', '.5', 'e9', '"x":1'),
        fc.string({ maxLength: 4 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        const lines = [...base];
        for (const { line, at, cut, insert } of edits) {
          const target = lines[line];
          const position = at % (target.length + 1);
          lines[line] = target.slice(0, position) + insert + target.slice(position + cut);
        }
        const shapes = new AuditLineShapes();
        parse(`${base.join('\n')}\n`, shapes);
        expectSameAsPerLine(`${lines.join('\n')}\n`, shapes);
      }),
      { numRuns: 1500 },
    );
  });
});
