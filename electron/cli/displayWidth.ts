/**
 * How many terminal columns text takes: East Asian Wide and Fullwidth characters (CJK ideographs, kana,
 * Hangul, fullwidth forms, emoji shown as pictures) take 2, combining marks and zero-width characters 0,
 * everything else 1 — as wcwidth() and terminals count them (Unicode UAX #11, docs/cli.md#output).
 */

/** Code point ranges of East Asian Width W and F outside the emoji (UAX #11, EastAsianWidth.txt). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

const EMOJI_PICTURE = /^\p{Emoji_Presentation}$/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff\u1160-\u11ff]$/u;

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** Columns of one character (a whole code point). */
export function charWidth(char: string): 0 | 1 | 2 {
  const codePoint = char.codePointAt(0) ?? 0;
  if (ZERO_WIDTH.test(char)) return 0;
  if (isWide(codePoint) || EMOJI_PICTURE.test(char)) return 2;
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** text padded with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** text cut to at most `max` columns, ending in … when cut; never splits a character. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let kept = '';
  let width = 0;
  for (const char of text) {
    const next = charWidth(char);
    if (width + next > max - 1) break;
    kept += char;
    width += next;
  }
  return `${kept}…`;
}
