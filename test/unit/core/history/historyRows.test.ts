import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';
import { AuditEntries } from '../../../../electron/core/history/auditEntries';
import { AuditLineShapes } from '../../../../electron/core/history/auditLineShapes';
import { buildHistoryData } from '../../../../electron/core/history/historyRows';
import { parseAuditLines } from '../../../../electron/core/history/parseAuditLines';
import type { HistoryRow } from '../../../../shared/history';
import { fixtureEntries } from './auditFixtures';

/** The merge as the history defines it, with a Map over whole entries. */
function referenceRows(entries: readonly AuditEntry[]): HistoryRow[] {
  const rows = new Map<string, { row: HistoryRow; fromPending: boolean }>();
  for (const entry of entries) {
    const known = rows.get(entry.operationId);
    if (!known) {
      const { operationId, time, source, osUser, profile, host, operation, lockId } = entry;
      const row: HistoryRow = {
        operationId,
        time,
        source,
        osUser,
        profile,
        host,
        operation,
        lockId,
        outcome: 'pending',
      };
      rows.set(entry.operationId, { row, fromPending: entry.phase === 'pending' });
      if (entry.phase === 'result') applyResult(row, entry);
    } else if (entry.phase === 'result') {
      applyResult(known.row, entry);
    } else if (!known.fromPending) {
      known.row.time = entry.time;
      known.fromPending = true;
    }
  }
  return [...rows.values()].map(({ row }) => row);
}

function applyResult(row: HistoryRow, entry: AuditEntry): void {
  row.outcome = entry.ok ? 'success' : 'failed';
  if (entry.lockId !== null) row.lockId = entry.lockId;
  for (const key of ['kind', 'httpStatus', 'code', 'msg', 'requestId', 'durationMs'] as const) {
    if (entry[key] !== undefined) Object.assign(row, { [key]: entry[key] });
  }
}

function parseFiles(files: readonly AuditEntry[][]): AuditEntries[] {
  return files.map((entries) => {
    const into = new AuditEntries();
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    // One read in two parts, as a file that grew.
    const cut = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
    const shapes = new AuditLineShapes();
    parseAuditLines(text.slice(0, cut), into, shapes);
    parseAuditLines(text.slice(cut), into, shapes);
    return into;
  });
}

function expectSameAsReference(files: AuditEntry[][]): void {
  const data = buildHistoryData(parseFiles(files));
  const expected = referenceRows(files.flat());
  expect(data.count).toBe(expected.length);
  const rows = Array.from({ length: data.count }, (_, index) => data.row(index));
  expect(rows).toEqual(expected);
  expect(data.outcome).toEqual(expected.map((row) => row.outcome));
  expect(data.lockIdLower()).toEqual(expected.map((row) => (row.lockId ?? '').toLowerCase()));
  expect(data.profileLower()).toEqual(expected.map((row) => row.profile.toLowerCase()));
  expect(Array.from(data.timeMs())).toEqual(expected.map((row) => Date.parse(row.time)));
}

const entryArbitrary = fc
  .record({
    op: fc.constantFrom('op-1', 'op-2', 'OP-1', 'op-10', 'ö-1', '😀', '', 'a'.repeat(40)),
    template: fc.nat({ max: 5 }),
    pending: fc.boolean(),
    lockId: fc.option(fc.constantFrom('LOCK-Ä@102', 'lock-b@101', 'x')),
    profile: fc.constantFrom('Prod', 'staging', 'ÉTÉ'),
    time: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-30T00:00:00.000Z', 'soon', '2026-03-01T10:00:00Z'),
    parsed: fc.boolean(),
  })
  .map(({ op, template, pending, lockId, profile, time, parsed }): AuditEntry => {
    const [first, second] = fixtureEntries(template);
    const base = pending || !second ? first : second;
    const entry: AuditEntry = { ...base, operationId: op, lockId, profile, time };
    // Another key order: read through JSON.parse instead of a known shape.
    return parsed ? (Object.fromEntries(Object.entries(entry).reverse()) as unknown as AuditEntry) : entry;
  });

describe('buildHistoryData', () => {
  it('merges entries across files as a map of operation ids does, with the same filter columns', () => {
    fc.assert(
      fc.property(fc.array(fc.array(entryArbitrary, { maxLength: 12 }), { minLength: 1, maxLength: 3 }), (files) =>
        expectSameAsReference(files),
      ),
      { numRuns: 400 },
    );
  });

  it('keeps thousands of operations apart, however their ids hash', () => {
    const entries: AuditEntry[] = [];
    for (let op = 0; op < 5000; op += 1) entries.push(...fixtureEntries(op));
    // The same ids again, in reverse, as results of other runs in a second file.
    const again = entries.slice(0, 2000).reverse();
    expectSameAsReference([entries, again]);
  });
});
