import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { displayWidth, truncateToWidth } from '../../../electron/cli/displayWidth';
import { formatTable } from '../../../electron/cli/table';
import { ProfileStore } from '../../../electron/core/profiles/profileStore';
import { removeTempDirs, runCli, tempDir } from './harness';

/** The terminal column at which `needle` starts in `line`. */
function columnOf(line: string, needle: string): number {
  const index = line.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in "${line}"`);
  return displayWidth(line.slice(0, index));
}

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['实验室', 6],
    ['生产 prod', 9],
    ['カタカナ', 8],
    ['ｶﾀ', 2], // halfwidth katakana: one column each
    ['한국', 4],
    ['ＡＢ１', 6], // fullwidth forms
    ['。、「」', 8], // CJK punctuation
    ['e\u0301', 1], // a combining accent takes no column
    ['a\u200bb', 2], // nor a zero-width space
    ['👍', 2],
    ['𠀀', 2], // CJK Extension B, outside the BMP
    ['', 0],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('cuts by columns, never inside a character, ending in …', () => {
    expect(truncateToWidth('实验室实验室', 5)).toBe('实验…');
    expect(truncateToWidth('实验室实验室', 6)).toBe('实验…');
    expect(truncateToWidth('实验室', 6)).toBe('实验室');
    expect(truncateToWidth('x'.repeat(10), 5)).toBe('xxxx…');
    expect(truncateToWidth('😀😀😀', 4)).toBe('😀…');
  });
});

describe('formatTable', () => {
  it('aligns columns after wide characters', () => {
    const table = formatTable(
      ['NAME', 'ENV', 'URL'],
      [
        ['生产环境', 'production', 'https://a'],
        ['lab', 'sandbox', 'http://b'],
        ['ｔｅｓｔ', 'other', 'https://c'],
      ],
    );
    const lines = table.split('\n');
    expect(
      lines.map((line) =>
        columnOf(line, line.includes('ENV') ? 'ENV' : (line.match(/production|sandbox|other/)?.[0] ?? '?')),
      ),
    ).toEqual([10, 10, 10, 10]);
    expect(new Set(lines.map((line) => columnOf(line, line.match(/URL|https?:/)?.[0] ?? '?'))).size).toBe(1);
    expect(lines[1]).toBe('生产环境  production  https://a');
  });

  it('cuts long cells to the column limit, counting wide characters twice', () => {
    const table = formatTable(['A', 'B'], [['汉'.repeat(20), 'x']], 11);
    expect(table.split('\n')[1]).toBe(`${'汉'.repeat(5)}…  x`);
  });
});

describe('profile list with a Chinese profile name', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await tempDir();
  });
  afterAll(removeTempDirs);

  it('keeps every column aligned', async () => {
    const profiles = new ProfileStore(dataDir);
    await profiles.save({
      name: '生产环境（国际）',
      baseUrl: 'https://p.example',
      authMode: 'app',
      appId: 'a',
      moduleCode: '101',
    });
    await profiles.save({
      name: 'lab',
      baseUrl: 'http://127.0.0.1:9',
      authMode: 'bearer',
      userId: '1505084218764547200',
      moduleCode: '102',
    });
    const result = await runCli(['profile', 'list', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    const environment = columnOf(header, 'ENVIRONMENT');
    const baseUrl = columnOf(header, 'BASE URL');
    expect(columnOf(rows[0], 'other')).toBe(environment);
    expect(columnOf(rows[1], 'sandbox')).toBe(environment);
    expect(columnOf(rows[0], 'https://p.example')).toBe(baseUrl);
    expect(columnOf(rows[1], 'http://127.0.0.1:9')).toBe(baseUrl);
  });
});
