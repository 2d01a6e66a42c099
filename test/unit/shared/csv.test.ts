import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, detectSeparator, parseCsvRecords, quoteCsvField, removeFormulaGuard } from '../../../shared/csv';

const cellsOf = (text: string, separator?: ',' | ';' | '\t' | null) =>
  parseCsvRecords(text, separator === undefined ? {} : { separator }).map((record) => record.cells);

describe('parseCsvRecords', () => {
  it('reads quoted cells holding separators, doubled quotes and line breaks of every kind', () => {
    const text = 'a,"b, c","say ""hi"""\r\n"one\r\ntwo","three\nfour","five\rsix"\nlast,row,"x"';
    expect(cellsOf(text)).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['one\r\ntwo', 'three\nfour', 'five\rsix'],
      ['last', 'row', 'x'],
    ]);
  });

  it('numbers each record by the line it starts on, counting quoted line breaks', () => {
    const records = parseCsvRecords('h1,h2\n"a\r\nb\nc",1\r\n\r\nx,2\ry,3');
    expect(records.map((record) => record.line)).toEqual([1, 2, 6, 7]);
  });

  it('drops a byte-order mark and skips blank and # comment lines, but not # inside a quoted cell', () => {
    const text = '\uFEFF# summary, with "quotes\n\n  # indented comment\na,"x\n# not a comment"\n   \nb,y';
    expect(cellsOf(text)).toEqual([
      ['a', 'x\n# not a comment'],
      ['b', 'y'],
    ]);
  });

  it('keeps # lines as records when comments are off', () => {
    expect(parseCsvRecords('#a,b\nc,d', { comments: false }).map((record) => record.cells)).toEqual([
      ['#a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads semicolon- and tab-separated text, a comma then being an ordinary character', () => {
    expect(cellsOf('a;b,c;"d;e"')).toEqual([['a', 'b,c', 'd;e']]);
    expect(cellsOf('a\tb,c\t"d\te"')).toEqual([['a', 'b,c', 'd\te']]);
  });

  it('with separator null gives one cell per record, quotes still honoured', () => {
    expect(cellsOf('a,b\n"c\nd"', null)).toEqual([['a,b'], ['c\nd']]);
  });

  it('keeps empty cells, a trailing separator included', () => {
    expect(cellsOf('a,,c,\n,b,,')).toEqual([
      ['a', '', 'c', ''],
      ['', 'b', '', ''],
    ]);
  });

  it('opens a quoted cell after leading blanks, and reads a quote inside an unquoted cell as text', () => {
    expect(cellsOf('a, "b,c" ,d\nhe said "hi",x')).toEqual([
      ['a', 'b,c ', 'd'],
      ['he said "hi"', 'x'],
    ]);
  });

  it('reads a quote that never closes, and every quote after it, as text, keeping later lines', () => {
    const records = parseCsvRecords('a,b\n"open,c\nd,e\nf,g');
    expect(records.map((record) => record.cells)).toEqual([
      ['a', 'b'],
      ['"open', 'c'],
      ['d', 'e'],
      ['f', 'g'],
    ]);
    expect(records.map((record) => record.line)).toEqual([1, 2, 3, 4]);
    expect(cellsOf('"ok",1\nx,"y""\nz,w')).toEqual([
      ['ok', '1'],
      ['x', '"y""'],
      ['z', 'w'],
    ]);
  });

  it('returns no records for empty or blank input', () => {
    expect(parseCsvRecords('')).toEqual([]);
    expect(parseCsvRecords('\uFEFF\r\n  \n# only a comment\n')).toEqual([]);
  });

  it('reads 10,000 quoted records with line breaks inside cells', () => {
    const line = '1505084218764547200,78e41c7e-db02-4d55-85b3-8153e4fefd2e@102,"a, ""b""\nc",37';
    const text = Array.from({ length: 10_000 }, () => line).join('\r\n');
    const records = parseCsvRecords(text);
    expect(records).toHaveLength(10_000);
    expect(records[9_999].line).toBe(19_999);
    expect(records[9_999].cells).toEqual([
      '1505084218764547200',
      '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
      'a, "b"\nc',
      '37',
    ]);
  });
});

describe('detectSeparator', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y;z",a,b', ','],
    ['"a,b,c";d', ';'],
    ['lock id\tnote, with a comma', '\t'],
    ['user;lock;note, text', ';'],
    ['one-id', null],
  ] as const)('%j → %j', (text, separator) => {
    expect(detectSeparator(text)).toBe(separator);
  });

  it('looks at the first record that is not blank or a comment, across a quoted line break', () => {
    expect(detectSeparator('\uFEFF# a,b,c\n\n"x\ny";z')).toBe(';');
  });
});

describe('csvCell', () => {
  it('quotes a cell containing , ; tab, a quote, CR or LF, doubling quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('two\rlines')).toBe('"two\rlines"');
    expect(csvCell('plain text')).toBe('plain text');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', ' =1+1', '  \u00a0@x', '\n-1'])(
    'puts a leading quote before text a spreadsheet would run as a formula: %j',
    (text) => {
      const cell = csvCell(text);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
      expect(parseCsvRecords(`${cell},end`, { separator: ',' })[0].cells[0]).toBe(`'${text}`);
    },
  );

  it('guards a text that starts with a quote before a formula too, so that the guard can always be removed exactly', () => {
    expect(csvCell("'=x")).toBe("''=x");
    expect(csvCell("'plain")).toBe("'plain");
    for (const text of ["'=x", "''-y", "'plain", '=x', ' @x', 'plain', "'", '']) {
      const cell = parseCsvRecords(`${csvCell(text)},end`, { separator: ',' })[0].cells[0];
      expect(removeFormulaGuard(cell)).toBe(text);
    }
  });

  it('leaves numbers, booleans and harmless text alone', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(200)).toBe('200');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a-b=c')).toBe('a-b=c');
  });

  it('round-trips any cells through quoteCsvField and parseCsvRecords, for each separator', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ' ', ',', ';', '\t', '"', '\r', '\n', '#', 'é', '=') });
    const row = fc.array(cell, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), (rows, separator) => {
        // A record must not read as blank or as a comment: quote its first cell always.
        const text = rows
          .map((cells) =>
            cells
              .map((value, index) => (index === 0 ? `"${value.replace(/"/g, '""')}"` : quoteCsvField(value)))
              .join(separator),
          )
          .join('\r\n');
        const parsed = parseCsvRecords(text, { separator }).map((record) => record.cells);
        expect(parsed).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
