/**
 * Arbitraries for hostile IPC arguments: wrong types, huge and strange strings, prototype-pollution
 * keys as own properties (built with JSON.parse or defineProperty, never with a literal), numbers
 * such as NaN and -0, deep nesting, and objects that throw when read.
 */
import fc from 'fast-check';

/** The payloads a prototype-pollution attempt would use; each one sets "polluted" if it ever works. */
export const POLLUTION_JSON = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"__proto__":null}',
  '{"__proto__":[]}',
  '{"hasOwnProperty":"x","toString":"x","valueOf":1}',
];

export const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
];

const SPECIAL_CHARS = [
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\t',
  '\u000b',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u202e', // right-to-left override
  '\u202d',
  '\u2066',
  '\u200b', // zero-width space
  '\u200d', // zero-width joiner
  '\u200c',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800', // lone surrogates
  '\udfff',
  '\udc00\ud800',
  '😀',
  '👩‍💻',
  '🏳️‍🌈',
  'e\u0301',
  'İ',
  'ß',
  'ﬀ',
  '０１２',
  '٣',
  '%00',
  '%0d%0a',
  '../',
  '\\',
  '"',
  "'",
  '<script>',
  '${x}',
  '{{x}}',
  '@',
  ' ',
];

/** One unit of a nasty string: one code point, a control character, a lone surrogate or a special sequence. */
export const nastyUnit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_CHARS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 4 },
  { arbitrary: fc.constantFrom('0', '1', '9', '@', '-', '_', '.'), weight: 2 },
);

export function nastyString(maxLength = 80): fc.Arbitrary<string> {
  return fc.string({ unit: nastyUnit, maxLength });
}

/** Built once: generating megabytes per run would dominate the run time. */
const HUGE_STRINGS = [
  'x'.repeat(1024 * 1024),
  '9'.repeat(100_000),
  `${'1'.repeat(5000)}@102`,
  `${'a'.repeat(300)}@102`,
  '\u202e'.repeat(10_000),
  '😀'.repeat(50_000),
  `${'\ud800'.repeat(1000)}@102`,
  'a\r\n'.repeat(2000),
  '\0'.repeat(4097),
];

export const hugeString: fc.Arbitrary<string> = fc.constantFrom(...HUGE_STRINGS);

export const strangeNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    0.5,
    -1,
    1e21,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.EPSILON,
    2 ** 31,
    -(2 ** 31) - 1,
    86_400_001,
    10_000_001,
    1001,
  ),
  fc.double(),
  fc.integer(),
);

/** Very long digit strings, and digit strings that look like numbers but are not safe integers. */
export const digitString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: 1, maxLength: 400 }),
  fc.constantFrom('1505084218764547200', '9'.repeat(19), '9'.repeat(65), '0', '-1', '1e3', '0x10', '１２３'),
);

function ownKeyObject(key: string, value: unknown): Record<string, unknown> {
  // JSON.parse creates "__proto__" as an own property; for values JSON cannot carry, define the property.
  const base = JSON.parse(`{${JSON.stringify(key)}:null}`) as Record<string, unknown>;
  Object.defineProperty(base, key, { value, enumerable: true, writable: true, configurable: true });
  return base;
}

/** An object whose reading throws: a getter that throws, or a Proxy whose traps throw. */
export const hostileObject: fc.Arbitrary<unknown> = fc
  .constantFrom<() => unknown>(
    () =>
      Object.defineProperty({}, 'profileId', {
        enumerable: true,
        get() {
          throw new Error('getter exploded');
        },
      }),
    () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('ownKeys exploded');
          },
        },
      ),
    () =>
      new Proxy(
        {},
        {
          getPrototypeOf() {
            throw new Error('getPrototypeOf exploded');
          },
        },
      ),
    () => new Proxy({ profileId: 'x' }, { get: () => ({ toString: () => 'x' }) }),
    () => ({ toString: () => 'x', valueOf: () => 1, toJSON: () => ({ profileId: 'x' }) }),
    () => Object.create(null) as unknown,
    () => Object.assign(Object.create(null) as object, { profileId: 'sandbox' }),
    () => new Date(Number.NaN),
    () => new Map([['profileId', 'x']]),
    () => new Set(['x']),
    () => /x/g,
    () => new Uint8Array(8),
    () => Symbol('x'),
    () => () => 'function',
    () => 10n ** 30n,
    () =>
      new (class Profile {
        profileId = 'sandbox';
      })(),
    () => Promise.resolve({ profileId: 'x' }),
    () => new Error('an error object'),
    () => {
      const cyclic: Record<string, unknown> = { profileId: 'x' };
      cyclic.self = cyclic;
      return cyclic;
    },
  )
  .map((make) => make());

const pollutionObject: fc.Arbitrary<unknown> = fc
  .constantFrom(...POLLUTION_JSON)
  .map((json) => JSON.parse(json) as unknown);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  nastyString(),
  hugeString,
  digitString,
  strangeNumber,
  fc.constantFrom(null, undefined, true, false, '', ' ', 'null', 'undefined', '[object Object]'),
  fc.bigInt(),
);

/** Any value at all, most of them hostile: the top level of an argument. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    { arbitrary: leaf, weight: 6 },
    { arbitrary: hostileObject, weight: 1 },
    { arbitrary: pollutionObject, weight: 2 },
    { arbitrary: fc.array(tie('value'), { maxLength: 5 }), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), nastyString(20)), tie('value'))
        .map(([key, value]) => ownKeyObject(key, value)),
      weight: 3,
    },
    { arbitrary: fc.dictionary(nastyString(12), tie('value'), { maxKeys: 4 }), weight: 2 },
    {
      arbitrary: fc.anything({
        maxDepth: 2,
        maxKeys: 4,
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withTypedArray: true,
        withSparseArray: true,
        withBoxedValues: true,
        stringUnit: 'binary',
      }),
      weight: 1,
    },
  ),
})).value;

/** `valid` with one change that a schema must notice (or that is harmless): the base of the near-miss arguments. */
export function mutated(valid: fc.Arbitrary<Record<string, unknown>>, keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    // A declared field replaced by something hostile.
    fc.tuple(valid, key, adversarialValue).map(([base, name, value]) => withOwn(base, name, value)),
    // An extra field, dangerous names included.
    fc
      .tuple(valid, fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), nastyString(16)), adversarialValue)
      .map(([base, name, value]) => withOwn(base, name, value)),
    // A pollution payload merged in as own keys.
    fc
      .tuple(valid, fc.constantFrom(...POLLUTION_JSON))
      .map(([base, json]) => ({ ...base, ...(JSON.parse(json) as Record<string, unknown>) })),
    // A required field missing.
    fc
      .tuple(valid, key)
      .map(([base, name]) => Object.fromEntries(Object.entries(base).filter(([field]) => field !== name))),
    // The right fields in the wrong container.
    valid.map((base) => [base]),
    valid.map((base) => JSON.stringify(base)),
    valid.map((base) => new Map(Object.entries(base))),
    valid.map((base) => Object.assign(Object.create({ inherited: true }) as object, base)),
  );
}

function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse('{}') as Record<string, unknown>;
  for (const [name, item] of Object.entries(base)) {
    Object.defineProperty(copy, name, { value: item, enumerable: true, writable: true, configurable: true });
  }
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
