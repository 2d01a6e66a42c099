import { describe, expect, it } from 'vitest';
import { MODULE_CODES } from '../../../../shared/identifiers';
import { moduleOptions } from '../../../../renderer/src/lib/moduleOptions';

describe('the module picker options', () => {
  it('lists the known modules, labelled with code and name', () => {
    const options = moduleOptions(MODULE_CODES[0].code);
    expect(options.map((option) => option.value)).toEqual(MODULE_CODES.map((known) => known.code));
    expect(options[0].label).toContain(MODULE_CODES[0].code);
    expect(options[0].label).toContain(MODULE_CODES[0].label);
  });

  it('adds a code that is none of them as a custom one, last', () => {
    const options = moduleOptions('777');
    expect(options).toHaveLength(MODULE_CODES.length + 1);
    expect(options.at(-1)?.value).toBe('777');
    expect(options.at(-1)?.label).toContain('777');
  });
});
