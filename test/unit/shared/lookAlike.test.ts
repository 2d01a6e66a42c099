import { describe, expect, it } from 'vitest';
import { checkLockId, userIdProblem } from '../../../shared/identifiers';
import { unexpectedCharacter } from '../../../shared/lookAlike';

describe('look-alike characters are named by position and code point', () => {
  it.each([
    ['78e41c7e\u2010db02', 'Character 9 is U+2010 HYPHEN: type "-" instead.'],
    ['78e41c7e\u2013db02', 'Character 9 is U+2013 EN DASH: type "-" instead.'],
    ['abc\u00a0', 'Character 4 is U+00A0 NO-BREAK SPACE: remove it.'],
    ['\u200babc', 'Character 1 is U+200B ZERO WIDTH SPACE: remove it.'],
    ['a\uff20102', 'Character 2 is U+FF20 FULLWIDTH "@": type "@" instead.'],
    ['a b', 'Character 2 is a space: remove it.'],
    ['a\tb', 'Character 2 is the control character U+0009.'],
    ['a\u00e9', 'Character 2 is U+00E9 ("\u00e9").'],
    ['ab\u{1f600}', 'Character 3 is U+1F600 ("\u{1f600}").'],
  ])('%j', (text, sentence) => {
    expect(unexpectedCharacter(text, /^[\x21-\x7e]$/)).toBe(sentence);
  });

  it('is null when every character is allowed', () => {
    expect(unexpectedCharacter('78e41c7e-db02@102', /^[\x21-\x7e]$/)).toBeNull();
  });

  it('a lock ID with a typographic hyphen says which character and what to type', () => {
    const check = checkLockId('78e41c7e\u2011db02-4d55-85b3-8153e4fefd2e@102');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain('Character 9 is U+2011 NON-BREAKING HYPHEN: type "-" instead.');
  });

  it('a user ID typed with full-width digits says so', () => {
    expect(userIdProblem('150508\uff14218764547200')).toContain(
      'Character 7 is U+FF14 FULLWIDTH "4": type "4" instead.',
    );
  });
});
