import { describe, expect, it } from 'vitest';
import { SchemaError, array, safeParse } from '../../../shared/schema';

const text = {
  parse(value: unknown, path = ''): string {
    if (typeof value !== 'string') throw new SchemaError(path, 'must be text');
    return value;
  },
};

describe('array: index by index', () => {
  const list = array(text, 5);

  it('takes a dense list', () => {
    expect(list.parse(['a', 'b'])).toEqual(['a', 'b']);
  });

  it.each([
    [
      'a hole in the middle',
      (() => {
        const a = ['a', 'b', 'c'];
        Reflect.deleteProperty(a, 1);
        return a;
      })(),
      'list[1]',
    ],
    ['a hole at the end (length past the items)', Object.assign(['a'], { length: 2 }), 'list[1]'],
    ['only holes', new Array<string>(3), 'list[0]'],
  ])('refuses %s, naming the missing index', (_label, value, where) => {
    const result = safeParse({ parse: (v: unknown) => list.parse(v, 'list') }, value);
    expect(result.ok).toBe(false);
    expect(() => list.parse(value, 'list')).toThrow(`${where}: is missing (a hole in the list)`);
  });

  it('checks every item, not only the first', () => {
    expect(() => list.parse(['a', 'b', 3], 'list')).toThrow('list[2]: must be text');
  });
});
