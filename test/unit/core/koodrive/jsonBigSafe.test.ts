import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonBigSafe, quoteBigIntegers } from '../../../../electron/core/koodrive/jsonBigSafe';

describe('quoteBigIntegers', () => {
  it('quotes unquoted integers of 16+ digits and nothing else', () => {
    expect(quoteBigIntegers('{"recordId":1842862763295184641,"n":123}')).toBe(
      '{"recordId":"1842862763295184641","n":123}',
    );
    expect(quoteBigIntegers('[-1505084218764547200, 1234567890123456]')).toBe(
      '["-1505084218764547200", "1234567890123456"]',
    );
    expect(quoteBigIntegers('[123456789012345]')).toBe('[123456789012345]');
  });

  it('leaves digits inside strings alone, including after escaped quotes and backslashes', () => {
    const text = '{"a":"x\\"1842862763295184641","b":"\\\\","c":1842862763295184641}';
    expect(quoteBigIntegers(text)).toBe('{"a":"x\\"1842862763295184641","b":"\\\\","c":"1842862763295184641"}');
  });

  it('leaves fractions, exponents and invalid leading-zero literals alone', () => {
    expect(quoteBigIntegers('[1842862763295184641.5, 1842862763295184641e2, 00000000000000001]')).toBe(
      '[1842862763295184641.5, 1842862763295184641e2, 00000000000000001]',
    );
  });
});

describe('parseJsonBigSafe', () => {
  it('keeps 19-digit IDs exact', () => {
    const parsed = parseJsonBigSafe('{"data":{"recordId":1842862763295184641,"list":[9007199254740993]}}');
    expect(parsed).toEqual({ data: { recordId: '1842862763295184641', list: ['9007199254740993'] } });
    expect(String(JSON.parse('1842862763295184641'))).not.toBe('1842862763295184641');
  });

  it('still rejects invalid JSON', () => {
    expect(() => parseJsonBigSafe('{"a":00000000000000001}')).toThrow(SyntaxError);
    expect(() => parseJsonBigSafe('<html>1842862763295184641</html>')).toThrow(SyntaxError);
  });

  it('equals JSON.parse for any JSON without big integers', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!/(^|[^\d.eE+-])-?\d{16,}(?![\d.eE])/.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')));
        expect(parseJsonBigSafe(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('turns every big integer into its exact decimal text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.string(), (big, s) => {
        const text = `{"s":${JSON.stringify(s)},"v":${big.toString()}}`;
        const parsed = parseJsonBigSafe(text) as { s: string; v: unknown };
        expect(parsed.s).toBe(s);
        const digits = big.toString().replace('-', '').length;
        expect(parsed.v).toEqual(digits >= 16 ? big.toString() : Number(big));
      }),
      { numRuns: 300 },
    );
  });
});
