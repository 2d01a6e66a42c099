import { describe, expect, it } from 'vitest';
import { parseLockIdList } from '../../../shared/lockIdList';
import type { LockResult } from '../../../shared/result';
import { csvCell, resultsToCsv } from '../../../shared/resultsCsv';

function result(overrides: Partial<LockResult> = {}): LockResult {
  return {
    ok: true,
    kind: 'success',
    operation: 'release',
    host: '127.0.0.1:8443',
    httpStatus: 200,
    code: '0',
    msg: 'success',
    lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
    durationMs: 37,
    remedy: 'Nothing to do.',
    ...overrides,
  };
}

describe('resultsToCsv', () => {
  it('writes a header and one CRLF-terminated row per result', () => {
    const csv = resultsToCsv([result(), result({ ok: false, kind: 'network', httpStatus: null, code: null })]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('operation,lockId,ok,kind,httpStatus,code,msg,durationMs,host,requestId,serverDate,remedy');
    expect(lines[1]).toBe(
      'release,78e41c7e-db02-4d55-85b3-8153e4fefd2e@102,true,success,200,0,success,37,127.0.0.1:8443,,,Nothing to do.',
    );
    expect(lines[2]).toBe(
      'release,78e41c7e-db02-4d55-85b3-8153e4fefd2e@102,false,network,,,success,37,127.0.0.1:8443,,,Nothing to do.',
    );
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    const csv = resultsToCsv([result({ msg: 'Lock "x" not found, sorry' })]);
    expect(csv).toContain(',"Lock ""x"" not found, sorry",');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd'])(
    'neutralises a cell starting with a formula character: %s',
    (text) => {
      const cell = csvCell(text);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('does not touch numbers', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(200)).toBe('200');
    expect(csvCell(null)).toBe('');
  });

  it('round-trips through parseLockIdList (the lockId column is found)', () => {
    const ids = ['78e41c7e-db02-4d55-85b3-8153e4fefd2e@102', 'plain-id@1'];
    const csv = resultsToCsv(ids.map((lockId) => result({ lockId, msg: 'a, b' })));
    expect(parseLockIdList(csv).valid).toEqual(ids);
  });
});
