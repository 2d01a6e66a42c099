import { describe, expect, it } from 'vitest';
import { parseLockIdList } from '../../../shared/lockIdList';

const A = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
const B = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9@100';
const C = '11111111-2222-4333-8444-555555555555@101';

describe('parseLockIdList', () => {
  it('splits on newlines, commas, semicolons, spaces and tabs, keeping order', () => {
    const list = parseLockIdList(`${A}\n${B}, ${C};  other-id\tlast@7\r\n`);
    expect(list.valid).toEqual([A, B, C, 'other-id', 'last@7']);
    expect(list.invalid).toEqual([]);
    expect(list.duplicates).toBe(0);
  });

  it('drops duplicates, keeping the first occurrence, and counts them', () => {
    const list = parseLockIdList([B, A, B, A, C, A].join('\n'));
    expect(list.valid).toEqual([B, A, C]);
    expect(list.duplicates).toBe(3);
  });

  it('reports invalid entries with their 1-based line number and keeps the valid ones', () => {
    const tooLong = 'x'.repeat(300);
    const list = parseLockIdList(`${A}\n\n78e4…@102\n${tooLong}\n${B}`);
    expect(list.valid).toEqual([A, B]);
    expect(list.invalid.map((entry) => entry.line)).toEqual([3, 4]);
    expect(list.invalid[0].text).toBe('78e4…@102');
    expect(list.invalid[0].problem).toMatch(/printable ASCII/);
    expect(list.invalid[1].problem).toMatch(/at most 256/);
    expect(list.invalid[1].text.length).toBeLessThanOrEqual(80);
  });

  it('reports IDs without the usual shape but keeps them', () => {
    const list = parseLockIdList(`${A}\nabc`);
    expect(list.valid).toEqual([A, 'abc']);
    expect(list.unusual).toEqual([{ line: 2, lockId: 'abc' }]);
  });

  it('ignores blank lines, a byte-order mark and # comment lines', () => {
    const list = parseLockIdList(`\uFEFF# stuck locks from ticket 42\n\n   \n${A}\n  # ${B}\n`);
    expect(list.valid).toEqual([A]);
  });

  it('takes the lockId column of a CSV with a header row', () => {
    const csv = [
      'operation,lockId,ok,msg',
      `release,${A},true,"ok, fine"`,
      `release,"${B}",false,x`,
      'release,,false,y',
    ].join('\r\n');
    const list = parseLockIdList(csv);
    expect(list.valid).toEqual([A, B]);
    expect(list.invalid).toEqual([]);
  });

  it.each(['lock_id', 'Lock ID', 'LOCKID'])('recognises the header name %s, with ; separators', (name) => {
    const list = parseLockIdList(`user;${name}\n1505084218764547200;${A}\n1505084218764547200;${C}`);
    expect(list.valid).toEqual([A, C]);
  });

  it('takes the first column of a header-less CSV whose other columns are not lock IDs', () => {
    const list = parseLockIdList(`${A},stuck since Monday,alice\n${B},crashed client,bob\n`);
    expect(list.valid).toEqual([A, B]);
  });

  it('skips a header row of a header-less-looking CSV when only later rows hold usual IDs', () => {
    const list = parseLockIdList(`id,note\n${A},one\n${B},two`);
    expect(list.valid).toEqual([A, B]);
  });

  it('reads two usual IDs per line as a list, not as a table', () => {
    const list = parseLockIdList(`${A},${B}\n${C},other@1`);
    expect(list.valid).toEqual([A, B, C, 'other@1']);
  });

  it('reports line numbers of invalid cells inside a CSV', () => {
    const list = parseLockIdList(`lockId,note\n${A},a\nbad\u0000id,b\n${A},dup`);
    expect(list.valid).toEqual([A]);
    expect(list.invalid).toHaveLength(1);
    expect(list.invalid[0].line).toBe(3);
    expect(list.duplicates).toBe(1);
  });

  it('returns an empty list for empty input', () => {
    expect(parseLockIdList('')).toEqual({ valid: [], invalid: [], duplicates: 0, unusual: [] });
  });
});
