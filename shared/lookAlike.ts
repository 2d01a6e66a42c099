/**
 * Names the first character of an ID that is not what it looks like (a typographic dash, a full-width
 * digit, a no-break or zero-width space) by position and code point, and says what to type instead.
 */
import { message } from './messages/message';
import type { Message } from './messages/template';
import { validationText } from './messages/validationText';

const REMOVE = message('validation.fix.remove');
const DASH = message('validation.fix.typeInstead', { ascii: '-' });

const LOOK_ALIKES: ReadonlyMap<number, { name: string; fix: Message }> = new Map([
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

function lookAlike(codePoint: number): { name: Message | string; fix: Message } | null {
  const known = LOOK_ALIKES.get(codePoint);
  if (known) return known;
  // Full-width forms of ASCII (Ａ, １, ＠, －), as a CJK input method types them.
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) {
    const ascii = String.fromCodePoint(codePoint - 0xfee0);
    return {
      name: message('validation.name.fullwidth', { ascii }),
      fix: message('validation.fix.typeInstead', { ascii }),
    };
  }
  return null;
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A sentence naming the first character that `allowed` (a one-character test) refuses: its position
 * (1-based, as characters are seen), its code point and, for a known look-alike, what to do; null when
 * every character is allowed. As a message, its text starts with a space (it follows another sentence).
 */
export function unexpectedCharacterMessage(text: string, allowed: RegExp): Message | null {
  let position = 0;
  for (const char of text) {
    position += 1;
    if (allowed.test(char)) continue;
    const codePoint = char.codePointAt(0) ?? 0;
    const known = lookAlike(codePoint);
    if (known) return message('validation.character.lookAlike', { position, codePoint: hex(codePoint), ...known });
    if (codePoint === 0x20) return message('validation.character.space', { position });
    if (codePoint < 0x20 || codePoint === 0x7f)
      return message('validation.character.control', { position, codePoint: hex(codePoint) });
    return message('validation.character.other', { position, codePoint: hex(codePoint), char });
  }
  return null;
}

/** unexpectedCharacterMessage in English, without the leading space. */
export function unexpectedCharacter(text: string, allowed: RegExp): string | null {
  const problem = unexpectedCharacterMessage(text, allowed);
  return problem === null ? null : validationText(problem).trim();
}
