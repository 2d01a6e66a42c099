/**
 * Names the first character of an ID that is not what it looks like (a typographic dash, a full-width
 * digit, a no-break or zero-width space) by position and code point, and says what to type instead.
 */

const REMOVE = 'remove it';
const DASH = 'type "-" instead';

const LOOK_ALIKES: ReadonlyMap<number, { name: string; fix: string }> = new Map([
  [0x00a0, { name: 'NO-BREAK SPACE', fix: REMOVE }],
  [0x200b, { name: 'ZERO WIDTH SPACE', fix: REMOVE }],
  [0x200c, { name: 'ZERO WIDTH NON-JOINER', fix: REMOVE }],
  [0x200d, { name: 'ZERO WIDTH JOINER', fix: REMOVE }],
  [0x2060, { name: 'WORD JOINER', fix: REMOVE }],
  [0xfeff, { name: 'ZERO WIDTH NO-BREAK SPACE', fix: REMOVE }],
  [0x3000, { name: 'IDEOGRAPHIC SPACE', fix: REMOVE }],
  [0x2010, { name: 'HYPHEN', fix: DASH }],
  [0x2011, { name: 'NON-BREAKING HYPHEN', fix: DASH }],
  [0x2012, { name: 'FIGURE DASH', fix: DASH }],
  [0x2013, { name: 'EN DASH', fix: DASH }],
  [0x2014, { name: 'EM DASH', fix: DASH }],
  [0x2212, { name: 'MINUS SIGN', fix: DASH }],
]);

function lookAlike(codePoint: number): { name: string; fix: string } | null {
  const known = LOOK_ALIKES.get(codePoint);
  if (known) return known;
  // Full-width forms of ASCII (Ａ, １, ＠, －), as a CJK input method types them.
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) {
    const ascii = String.fromCodePoint(codePoint - 0xfee0);
    return { name: `FULLWIDTH "${ascii}"`, fix: `type "${ascii}" instead` };
  }
  return null;
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A sentence naming the first character that `allowed` (a one-character test) refuses: its position
 * (1-based, as characters are seen), its code point and, for a known look-alike, what to do; null when
 * every character is allowed.
 */
export function unexpectedCharacter(text: string, allowed: RegExp): string | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    if (allowed.test(char)) continue;
    const codePoint = char.codePointAt(0) ?? 0;
    const known = lookAlike(codePoint);
    if (known) return `Character ${position} is ${hex(codePoint)} ${known.name}: ${known.fix}.`;
    if (codePoint === 0x20) return `Character ${position} is a space: remove it.`;
    if (codePoint < 0x20 || codePoint === 0x7f)
      return `Character ${position} is the control character ${hex(codePoint)}.`;
    return `Character ${position} is ${hex(codePoint)} ("${char}").`;
  }
  return null;
}
