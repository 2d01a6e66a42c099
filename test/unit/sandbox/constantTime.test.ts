import { describe, expect, it } from 'vitest';
import { sameText } from '../../../electron/sandbox/constantTime';

describe('sameText', () => {
  it('is true only for the same text', () => {
    expect(sameText('sbx_token', 'sbx_token')).toBe(true);
    expect(sameText('sbx_tokeN', 'sbx_token')).toBe(false);
    expect(sameText('Sbx_token', 'sbx_token')).toBe(false);
  });

  it('is false when one is a prefix or a repetition of the other', () => {
    expect(sameText('sbx_to', 'sbx_token')).toBe(false);
    expect(sameText('sbx_token_', 'sbx_token')).toBe(false);
    expect(sameText('abab', 'ab')).toBe(false);
    expect(sameText('ab', 'abab')).toBe(false);
  });

  it('handles empty texts', () => {
    expect(sameText('', '')).toBe(true);
    expect(sameText('', 'a')).toBe(false);
    expect(sameText('a', '')).toBe(false);
  });
});
