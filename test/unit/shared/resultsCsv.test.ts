import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBatchInput } from '../../../shared/batchInput';
import { parseCsvRecords } from '../../../shared/csv';
import type { LockResult } from '../../../shared/result';
import { RESULTS_CSV_COLUMNS, type RunSummary, resultsToCsv } from '../../../shared/resultsCsv';
import { lockResult } from './lockResultFixture';

const SUMMARY: RunSummary = {
  profile: 'Tenant EU',
  environment: 'Production',
  host: 'intl.myhuaweicloud-koodrive.com',
  operator: 'anna',
  startedAt: '2026-11-03T07:15:02.000Z',
  endedAt: '2026-11-03T07:16:40.000Z',
  batchId: 'b-42',
};

const HOSTILE_TEXTS = [
  'Lock "x" not found, sorry',
  'a;b;=1+1',
  'tab\there',
  'line one\r\nline two',
  'cr\ronly',
  'lf\n78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
  '=HYPERLINK("http://evil")',
  '  =cmd|" /C calc"!A0',
  '\t-2+3',
  '+1',
  '@SUM(A1)',
  'commas, everywhere, ,,,',
  '锁不存在 — ünïcödé ✓ 🔒',
  '"',
  '""',
  '# not a comment',
  '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9@100',
  '1505084218764547200',
  '',
];

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/** 1,000 results for 100 users, with server messages, codes and request IDs chosen to break a CSV. */
function hostileResults(): LockResult[] {
  const kinds = ['success', 'not-found', 'server', 'auth', 'timeout', 'throttled'] as const;
  return Array.from({ length: 1000 }, (_, index) => {
    const hostile = HOSTILE_TEXTS[index % HOSTILE_TEXTS.length];
    const kind = kinds[index % kinds.length];
    return lockResult({
      ok: kind === 'success',
      kind,
      userId: String(1505084218764547200n + BigInt(index % 100)),
      lockId: `${hex(index, 8)}-db02-4d55-85b3-${hex(index * 7919, 12)}@${100 + (index % 3)}`,
      httpStatus: kind === 'timeout' ? null : 200 + index,
      code: HOSTILE_TEXTS[(index + 3) % HOSTILE_TEXTS.length],
      msg: hostile,
      sentAt: '2026-11-03T07:15:02.123Z',
      durationMs: index,
      requestId: HOSTILE_TEXTS[(index + 7) % HOSTILE_TEXTS.length],
      remedy: `${hostile} Retry later.`,
    });
  });
}

describe('resultsToCsv', () => {
  it('starts with the run summary as # comment lines, then a header and one CRLF-terminated row per result', () => {
    const csv = resultsToCsv(
      [lockResult(), lockResult({ ok: false, kind: 'network', httpStatus: null, code: null, userId: null })],
      SUMMARY,
    );
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 15)).toEqual([
      '# KooDrive lock batch results',
      '# profile,Tenant EU',
      '# environment,Production',
      '# host,intl.myhuaweicloud-koodrive.com',
      '# operator,anna',
      '# started,2026-11-03T07:15:02.000Z',
      '# ended,2026-11-03T07:16:40.000Z',
      '# batch,b-42',
      '# results,2',
      '# released,1',
      '# already-gone,0',
      '# retryable,1',
      '# needs-fix,0',
      '# cancelled,0',
      'userId,lockId,outcome,kind,httpStatus,code,msg,sentAt,durationMs,host,requestId,operation,remedy',
    ]);
    expect(lines[15]).toBe(
      '1505084218764547200,78e41c7e-db02-4d55-85b3-8153e4fefd2e@102,released,success,200,0,success,,37,127.0.0.1:8443,,release,Nothing to do.',
    );
    expect(lines[16]).toBe(
      ',78e41c7e-db02-4d55-85b3-8153e4fefd2e@102,retryable,network,,,success,,37,127.0.0.1:8443,,release,Nothing to do.',
    );
    expect(lines.slice(17)).toEqual(['']);
  });

  it('writes the counts without a summary, and no summary fields', () => {
    const csv = resultsToCsv([lockResult({ kind: 'not-found', ok: false })]);
    expect(csv).not.toContain('# profile');
    expect(csv).toContain('# already-gone,1\r\n');
    expect(csv.split('\r\n')[7]).toBe(RESULTS_CSV_COLUMNS.join(','));
  });

  it('keeps each summary value on its comment line, quoted and guarded', () => {
    const csv = resultsToCsv([], { ...SUMMARY, profile: 'Prod, "EU";\r\n=cmd()', operator: ' @evil' });
    expect(csv).toContain('\r\n# profile,"Prod, ""EU""; =cmd()"\r\n');
    expect(csv).toContain("\r\n# operator,' @evil\r\n");
    expect(parseCsvRecords(csv).map((record) => record.cells)).toEqual([[...RESULTS_CSV_COLUMNS]]);
  });

  it('quotes cells with , ; tab, quotes and line breaks, and guards formulas also after blanks', () => {
    const csv = resultsToCsv([lockResult({ msg: 'x;=1+1', code: '\t-1', remedy: '  =A1', requestId: 'a\tb' })]);
    const row = csv.trimEnd().split('\r\n').at(-1);
    expect(row).toContain(',"x;=1+1",');
    expect(row).toContain(`,"'\t-1",`);
    expect(row).toContain(",'  =A1");
    expect(row).toContain(',"a\tb",');
  });

  it('round-trips 1,000 results with hostile server messages: the same (user, lock) pairs and nothing else', () => {
    const results = hostileResults();
    const csv = resultsToCsv(results, { ...SUMMARY, profile: 'Prod, "EU"\n=1+1' });
    const input = parseBatchInput(csv);
    expect(input.invalid).toEqual([]);
    expect(input.duplicates).toBe(0);
    expect(input.unusual).toEqual([]);
    expect(input.userColumn).toBe('userId');
    expect(input.lockColumn).toBe('lockId');
    expect(input.rows.map((row) => [row.userId, row.lockId])).toEqual(
      results.map((result) => [result.userId, result.lockId]),
    );
    // Every record is one result: no message, duration or request ID became a row of its own.
    const records = parseCsvRecords(csv);
    expect(records).toHaveLength(1001);
    expect(records.every((record) => record.cells.length === RESULTS_CSV_COLUMNS.length)).toBe(true);
    expect(records[1 + 5].cells[RESULTS_CSV_COLUMNS.indexOf('msg')]).toBe(HOSTILE_TEXTS[5]);
  });

  it('round-trips any results: the exported file re-imports as exactly their (user, lock) pairs', () => {
    const usualLockId = fc
      .tuple(fc.uuid(), fc.integer({ min: 0, max: 99_999_999 }))
      .map(([uuid, module]) => `${uuid}@${module}`);
    const unusualLockId = fc.constantFrom(
      '-abc@1',
      '=x@2',
      '+y',
      '@z',
      "'q@1",
      "'=q@1",
      "''-q@1",
      'plain-id@7',
      ' -lead@3',
    );
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', ',', ';', '\t', '"', '\r', '\n', '#', '=', '-', '@', 'é', '0', "'"),
    });
    const result = fc.record({
      userId: fc.stringMatching(/^\d{1,32}$/),
      lockId: fc.oneof(usualLockId, unusualLockId),
      msg: text,
      code: text,
      requestId: text,
      remedy: text,
      durationMs: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 30 }), (rows) => {
        const results = rows.map((row) => lockResult(row));
        const input = parseBatchInput(resultsToCsv(results, SUMMARY), { allowUnusual: true });
        const expected = new Map<string, [string, string]>();
        for (const row of rows) {
          const lockId = row.lockId.trim();
          expected.set(`${row.userId} ${lockId}`, [row.userId, lockId]);
        }
        expect(input.invalid).toEqual([]);
        expect(input.rows.map((row) => [row.userId, row.lockId])).toEqual([...expected.values()]);
      }),
      { numRuns: 200 },
    );
  });
});
