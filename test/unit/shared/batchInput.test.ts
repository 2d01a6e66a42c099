import { describe, expect, it } from 'vitest';
import { type BatchInput, describeBatchInput, parseBatchInput } from '../../../shared/batchInput';
import { english } from '../../../shared/messages/english';
import { localized } from '../../../shared/messages/localized';

const A = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
const B = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9@100';
const C = '11111111-2222-4333-8444-555555555555@101';
const U1 = '1505084218764547200';
const U2 = '2';
const U3 = '99999999999999999999999999999999';

const pairs = (input: BatchInput) => input.rows.map((row) => [row.userId, row.lockId]);
const lockIds = (input: BatchInput) => input.rows.map((row) => row.lockId);

describe('parseBatchInput: tables with a user column', () => {
  it.each([
    ['userId', 'lockId'],
    ['USERID', 'LOCKID'],
    ['user_id', 'lock_id'],
    ['User ID', 'Lock ID'],
    ['user', 'lock'],
    [' User ', 'id'],
    ['userid', 'ref'],
  ])('finds the columns under the header %j, %j', (userName, lockName) => {
    const input = parseBatchInput(`${userName},${lockName}\n${U1},${A}\n${U2},${B}\n`);
    expect(pairs(input)).toEqual([
      [U1, A],
      [U2, B],
    ]);
    expect(input.userColumn).toBe(userName.trim());
    expect(input.lockColumn).toBe(lockName);
    expect(input.invalid).toEqual([]);
  });

  it('reads semicolons and tabs, quoted cells and a byte-order mark, with the lock column left of the user column', () => {
    for (const separator of [';', '\t']) {
      const text = `\uFEFFlockId${separator}note${separator}userId\r\n"${A}"${separator}"a${separator} b"${separator}${U1}\r\n${B}${separator}x${separator}"${U2}"`;
      const input = parseBatchInput(text);
      expect(pairs(input)).toEqual([
        [U1, A],
        [U2, B],
      ]);
      expect(input.invalid).toEqual([]);
    }
  });

  it('ignores a note column, also with quoted separators and line breaks, and numbers rows by their first line', () => {
    const text = [
      'userId,lockId,note',
      `${U1},${A},"stuck since Monday, ""urgent"""`,
      `${U2},${B},"two`,
      `lines, ${C}"`,
      `${U3},bad id,x`,
    ].join('\n');
    const input = parseBatchInput(text);
    expect(pairs(input)).toEqual([
      [U1, A],
      [U2, B],
    ]);
    expect(input.invalid).toEqual([
      { line: 5, text: 'bad id', problem: expect.stringMatching(/printable ASCII/), problemMessage: expect.anything() },
    ]);
  });

  it('lists invalid user IDs like invalid lock IDs, with the reason, and keeps the valid rows', () => {
    const text = `userId,lockId\n${U1},${A}\nalice,${B}\n,${C}\n${'9'.repeat(33)},${C}\n${U2},${C}`;
    const input = parseBatchInput(text);
    expect(pairs(input)).toEqual([
      [U1, A],
      [U2, C],
    ]);
    expect(input.invalid.map((problem) => [problem.line, problem.text])).toEqual([
      [3, 'alice'],
      [4, ''],
      [5, '9'.repeat(33)],
    ]);
    expect(input.invalid[0].problem).toMatch(/digits only/);
    expect(input.invalid[1].problem).toMatch(/no user ID \(column userId\)/);
    expect(describeBatchInput(input)).toBe('2 rows: user from column userId, lock from column lockId; 3 invalid');
  });

  it('lists a row with both IDs wrong twice, and a row without a lock ID once', () => {
    const input = parseBatchInput(`userId,lockId\nbob,nonsense\n${U1}\n${U1},${A}`);
    expect(input.invalid.map((problem) => [problem.line, problem.text])).toEqual([
      [2, 'bob'],
      [2, 'nonsense'],
      [3, ''],
    ]);
    expect(input.invalid[2].problem).toMatch(/no lock ID \(column lockId\)/);
    expect(pairs(input)).toEqual([[U1, A]]);
  });

  it('takes two columns without a header as (user, lock) when the user column holds user IDs', () => {
    const input = parseBatchInput(`${U1},${A}\n${U2},${B}\n${U1},${C}`);
    expect(pairs(input)).toEqual([
      [U1, A],
      [U2, B],
      [U1, C],
    ]);
    expect(input.userColumn).toBe('column 1');
    expect(input.lockColumn).toBe('column 2');
    expect(describeBatchInput(input)).toBe('3 rows: user from column 1, lock from column 2');
    const swapped = parseBatchInput(`${A}\t${U1}\n${B}\t${U2}`);
    expect(pairs(swapped)).toEqual([
      [U1, A],
      [U2, B],
    ]);
  });

  it('without a header, reports the odd cell of a column that mostly holds user IDs rather than dropping the user', () => {
    const input = parseBatchInput(`${U1},${A}\n${U2},${B}\nalice,${C}`);
    expect(input.userColumn).toBe('column 1');
    expect(pairs(input)).toEqual([
      [U1, A],
      [U2, B],
    ]);
    expect(input.invalid).toEqual([
      { line: 3, text: 'alice', problem: expect.stringMatching(/digits only/), problemMessage: expect.anything() },
    ]);
  });

  it('counts duplicates by (user, lock): the same lock for two users is two rows', () => {
    const input = parseBatchInput(`userId,lockId\n${U1},${A}\n${U2},${A}\n${U1},${A}\n${U1}, ${A} \n${U2},${B}`);
    expect(pairs(input)).toEqual([
      [U1, A],
      [U2, A],
      [U2, B],
    ]);
    expect(input.duplicates).toBe(2);
    expect(describeBatchInput(input)).toBe(
      '3 rows: user from column userId, lock from column lockId; 2 repeated rows sent once',
    );
  });
});

describe('parseBatchInput: tables without a user column', () => {
  it('gives rows without a user when no column is named or looks like one', () => {
    const input = parseBatchInput(`lockId,note\n${A},one\n${B},two`);
    expect(pairs(input)).toEqual([
      [null, A],
      [null, B],
    ]);
    expect(input.userColumn).toBeNull();
    expect(input.lockColumn).toBe('lockId');
    expect(describeBatchInput(input)).toBe('2 rows: lock from column lockId, no user column');
  });

  it('recognises a header row by its content and picks the lock column by its cells, whatever it is called', () => {
    const input = parseBatchInput(`ticket;reference;comment\nT-1;${A};x\nT-2;${B};y`);
    expect(lockIds(input)).toEqual([A, B]);
    expect(input.lockColumn).toBe('reference');
    expect(input.invalid).toEqual([]);
    const idNote = parseBatchInput(`id,note\n${A},one\n${B},two`);
    expect(lockIds(idNote)).toEqual([A, B]);
    expect(idNote.lockColumn).toBe('id');
    expect(idNote.invalid).toEqual([]);
  });

  it('names a header cell in the summary on one line, shortened', () => {
    const input = parseBatchInput(`"the lock\nIDs we need to release, all of them today",note\n${A},x`);
    expect(input.lockColumn).toBe('the lock IDs we need to release, all of…');
    expect(describeBatchInput(input)).toBe(`1 row: lock from column ${input.lockColumn}, no user column`);
  });

  it('never takes header cells or user numbers as lock IDs', () => {
    // The user column is not named like one: its numbers are ignored, not sent as lock IDs.
    const input = parseBatchInput(`customer,lock\n${U1},${A}\n${U2},${B}`);
    expect(pairs(input)).toEqual([
      [null, A],
      [null, B],
    ]);
    expect(input.invalid).toEqual([]);
    const unnamed = parseBatchInput(`customer,thing\n${U1},${A}\n${U2},${B}`, { allowUnusual: true });
    expect(lockIds(unnamed)).toEqual([A, B]);
    expect(unnamed.unusual).toEqual([]);
  });

  it('takes the first column of a header-less CSV whose other columns are not lock IDs', () => {
    const input = parseBatchInput(`${A},stuck since Monday,alice\n${B},crashed client,bob\n`);
    expect(lockIds(input)).toEqual([A, B]);
    expect(input.lockColumn).toBe('column 1');
    expect(input.userColumn).toBeNull();
  });

  it('reads a one-column file under a lockId header', () => {
    const input = parseBatchInput(`LockId\r\n${A}\r\n"${B}"\r\n`);
    expect(lockIds(input)).toEqual([A, B]);
    expect(input.lockColumn).toBe('LockId');
  });

  it('reports a lock cell that is not a lock ID with its line, here after a multi-line note', () => {
    const input = parseBatchInput(`lockId,note\n${A},"a\nb"\nnonsense,b\n${A},dup`);
    expect(lockIds(input)).toEqual([A]);
    expect(input.invalid).toEqual([
      { line: 4, text: 'nonsense', problem: expect.stringMatching(/does not look/), problemMessage: expect.anything() },
    ]);
    expect(input.duplicates).toBe(1);
  });
});

describe('parseBatchInput: free lists', () => {
  it('splits on line breaks, commas, semicolons, spaces and tabs, keeping order', () => {
    const input = parseBatchInput(`${A}\n${B}, ${C};  "other-id"\tlast@7\r\n`, { allowUnusual: true });
    expect(pairs(input)).toEqual([
      [null, A],
      [null, B],
      [null, C],
      [null, 'other-id'],
      [null, 'last@7'],
    ]);
    expect(input.lockColumn).toBeNull();
    expect(input.unusual).toEqual([
      { line: 2, lockId: 'other-id' },
      { line: 2, lockId: 'last@7' },
    ]);
  });

  it('reads two usual IDs per line as a list, not as a table', () => {
    const input = parseBatchInput(`${A},${B}\n${C},other@1`);
    expect(lockIds(input)).toEqual([A, B, C]);
    expect(input.invalid.map((problem) => problem.text)).toEqual(['other@1']);
  });

  it('drops duplicates, keeping the first occurrence, and counts them', () => {
    const input = parseBatchInput([B, A, B, A, C, A].join('\n'));
    expect(lockIds(input)).toEqual([B, A, C]);
    expect(input.duplicates).toBe(3);
  });

  it('reports invalid entries with their 1-based line number, shortened for display', () => {
    const tooLong = 'x'.repeat(300);
    const input = parseBatchInput(`${A}\n\n78e4…@102\n${tooLong}\n${B}`);
    expect(lockIds(input)).toEqual([A, B]);
    expect(input.invalid.map((problem) => problem.line)).toEqual([3, 4]);
    expect(input.invalid[0].text).toBe('78e4…@102');
    expect(input.invalid[0].problem).toMatch(/printable ASCII/);
    expect(input.invalid[1].problem).toMatch(/at most 256/);
    expect(input.invalid[1].text.length).toBeLessThanOrEqual(80);
  });

  it('ignores blank lines, a byte-order mark and # comment lines', () => {
    const input = parseBatchInput(`\uFEFF# stuck locks from ticket 42\n\n   \n${A}\n  # ${B}\n`);
    expect(lockIds(input)).toEqual([A]);
    expect(input.invalid).toEqual([]);
  });

  it('turns free text into invalid words, never into lock IDs', () => {
    const text = `Hi team, please release these:\n${A}\n${B}\nThanks!\nAnna`;
    const input = parseBatchInput(text);
    expect(lockIds(input)).toEqual([A, B]);
    expect(input.invalid.map((problem) => problem.text)).toEqual([
      'Hi',
      'team',
      'please',
      'release',
      'these:',
      'Thanks!',
      'Anna',
    ]);
    expect(input.invalid[0].problem).toMatch(/does not look like a lock ID.*<uuid>@<moduleCode>.*allow unusual/);
    expect(describeBatchInput(input)).toBe('2 lock IDs from a list, no user column; 7 invalid');
  });

  it('accepts IDs of an unusual shape only when allowed, and lists them', () => {
    expect(lockIds(parseBatchInput(`${A}\nabc`))).toEqual([A]);
    const input = parseBatchInput(`${A}\nabc`, { allowUnusual: true });
    expect(lockIds(input)).toEqual([A, 'abc']);
    expect(input.unusual).toEqual([{ line: 2, lockId: 'abc' }]);
    expect(describeBatchInput(input)).toBe('2 lock IDs from a list, no user column; 1 unusual');
  });

  it('never takes a number alone as a lock ID, even when unusual IDs are allowed', () => {
    const input = parseBatchInput(`${U1}\n${A}`, { allowUnusual: true });
    expect(lockIds(input)).toEqual([A]);
    expect(input.invalid).toEqual([
      { line: 1, text: U1, problem: expect.stringMatching(/looks like a user ID/), problemMessage: expect.anything() },
    ]);
  });

  it('returns nothing for empty input', () => {
    const input = parseBatchInput('');
    expect(input).toEqual({
      rows: [],
      invalid: [],
      duplicates: 0,
      unusual: [],
      lockColumn: null,
      userColumn: null,
      binary: false,
    });
    expect(describeBatchInput(input)).toBe('0 lock IDs from a list, no user column');
  });
});

describe('parseBatchInput: input that is not text', () => {
  const binaries: [string, string][] = [
    ['a NUL byte', `${A}\n${B}\nbad\u0000id`],
    ['control characters', `${A}\n` + '\u0001\u0002\u0003\u0004 \u0005\u0006\u0007\u0008x'.repeat(20)],
    ['undecodable bytes (U+FFFD)', `PK\u0003\u0004${'\ufffd'.repeat(40)}${A}`],
  ];
  it.each(binaries)('accepts nothing from %s and says it is not a text file', (_name, text) => {
    const input = parseBatchInput(text, { allowUnusual: true });
    expect(input.binary).toBe(true);
    expect(input.rows).toEqual([]);
    expect(input.invalid).toHaveLength(1);
    expect(input.invalid[0].problem).toMatch(/not a text file/);
    expect(describeBatchInput(input)).toBe('Not a text file: nothing accepted.');
  });

  it('names the line of the first NUL', () => {
    expect(parseBatchInput(`${A}\r\n${B}\r\nbad\u0000id`).invalid[0].line).toBe(3);
  });

  it('still reads text with a stray control character', () => {
    const input = parseBatchInput(`${A}\n${B}\n${C}\nbad\u0007id`);
    expect(input.binary).toBe(false);
    expect(lockIds(input)).toEqual([A, B, C]);
    expect(input.invalid.map((problem) => problem.line)).toEqual([4]);
  });
});

describe('parseBatchInput: speed', () => {
  it('parses 10,000 (user, lock) rows with quoted notes spanning lines', () => {
    const lines = ['userId,lockId,note'];
    for (let index = 0; index < 10_000; index += 1) {
      const lockId = `${index.toString(16).padStart(8, '0')}-db02-4d55-85b3-8153e4fefd2e@102`;
      lines.push(`${1505084218764547200n + BigInt(index % 300)},${lockId},"row ${index}, ""ok""\nsecond line"`);
    }
    const text = lines.join('\r\n');
    const input = parseBatchInput(text);
    expect(input.rows).toHaveLength(10_000);
    expect(input.invalid).toEqual([]);
    expect(input.rows[9_999].line).toBe(20_000);
  });
});

describe("parseBatchInput: problems in the reader's language", () => {
  it('gives every problem as a message that is its English sentence, and reads in Chinese', () => {
    const text = [
      'userId,lockId,note',
      `${U1},${A},ok`,
      `alice,${B},bad user`,
      `${U1},bad id,space`,
      `${U1},,no lock`,
      `,${C},no user`,
      `${U1},${U2},number`,
      `${U1},nonsense,shape`,
    ].join('\n');
    const { invalid } = parseBatchInput(text);
    expect(invalid.map((problem) => problem.line)).toEqual([3, 4, 5, 6, 7, 8]);
    for (const problem of invalid) {
      expect(english(problem.problemMessage)).toBe(problem.problem);
      const chinese = localized('zh-CN', problem.problemMessage);
      expect(chinese, problem.problem).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese).not.toContain(problem.problem);
    }
    expect(localized('zh-CN', invalid[3]?.problemMessage ?? { key: 'validation.none' })).toBe(
      '此行没有用户 ID（第 userId 列）。请填写用户 ID，或删除此行。',
    );
  });

  it('says in Chinese that a binary file is not text', () => {
    const { invalid } = parseBatchInput(`${A}\n\u0000\u0001\u0002binary`);
    expect(invalid).toHaveLength(1);
    expect(localized('zh-CN', invalid[0]?.problemMessage ?? { key: 'validation.none' })).toMatch(/^这不是文本文件/);
  });
});
