/**
 * A tiny runtime schema toolkit. Shared by main (to validate IPC arguments), the renderer (inline
 * form validation) and the CLI, so every end applies the same rules. Parsing never mutates its
 * input and builds fresh objects containing only the declared keys.
 */

import { message } from './messages/message';
import type { Message } from './messages/template';
import { validationText } from './messages/validationText';

export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    /** The problem as a message key, for a window that shows it in its own language; absent: English only. */
    readonly problemMessage?: Message,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'SchemaError';
  }
}

export interface Schema<T> {
  parse(value: unknown, path?: string): T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export type SafeParse<T> = { ok: true; value: T } | { ok: false; error: SchemaError };

export function safeParse<T>(schema: Schema<T>, value: unknown): SafeParse<T> {
  try {
    return { ok: true, value: schema.parse(value, '') };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, error };
    return { ok: false, error: new SchemaError('', 'could not be read') };
  }
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export interface StringRules {
  min?: number;
  max: number;
  pattern?: RegExp;
  patternHint?: string;
  /** The pattern's hint as a message (a phrase like patternHint); wins over patternHint. */
  patternHintMessage?: Message;
  /** Allow control characters (CR, LF, NUL, ...). Off by default. */
  allowControl?: boolean;
  trim?: boolean;
}

/** A refusal whose English text is the message's, so that main, CLI and window say the same. */
export function refusal(path: string, problemMessage: Message): SchemaError {
  return new SchemaError(path, validationText(problemMessage), problemMessage);
}

export function string(rules: StringRules): Schema<string> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'string') throw refusal(path, message('validation.field.notText'));
      const text = rules.trim ? value.trim() : value;
      const min = rules.min ?? 0;
      if (text.length < min) {
        throw refusal(
          path,
          min === 1 ? message('validation.field.required') : message('validation.field.tooShort', { min }),
        );
      }
      if (text.length > rules.max) throw refusal(path, message('validation.field.tooLong', { max: rules.max }));
      if (!rules.allowControl && CONTROL_CHARS.test(text)) throw refusal(path, message('validation.field.control'));
      if (rules.pattern && !rules.pattern.test(text)) {
        if (rules.patternHintMessage) throw refusal(path, rules.patternHintMessage);
        if (rules.patternHint) throw new SchemaError(path, rules.patternHint);
        throw refusal(path, message('validation.field.format'));
      }
      return text;
    },
  };
}

export function integer(min: number, max: number): Schema<number> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        throw new SchemaError(path, 'must be a whole number');
      }
      if (value < min || value > max) throw new SchemaError(path, `must be between ${min} and ${max}`);
      return value;
    },
  };
}

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return {
    parse(value, path = '') {
      if (typeof value !== 'string' || !values.includes(value)) {
        throw new SchemaError(path, `must be one of: ${values.join(', ')}`);
      }
      return value as T[number];
    },
  };
}

export function array<T>(item: Schema<T>, maxItems: number): Schema<T[]> {
  return {
    parse(value, path = '') {
      if (!Array.isArray(value)) throw new SchemaError(path, 'must be a list');
      if (value.length > maxItems) throw new SchemaError(path, `must have at most ${maxItems} items`);
      const out: T[] = [];
      // Index by index: Array.prototype.map skips holes, so [1, , 3] would reach a handler sparse.
      for (let index = 0; index < value.length; index += 1) {
        if (!Object.hasOwn(value, index)) throw new SchemaError(`${path}[${index}]`, 'is missing (a hole in the list)');
        out.push(item.parse(value[index], `${path}[${index}]`));
      }
      return out;
    },
  };
}

export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export function optional<T>(inner: Schema<T>): Optional<T> {
  return {
    optional: true,
    parse(value, path = '') {
      return value === undefined ? undefined : inner.parse(value, path);
    },
  };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An object with exactly the declared keys; unknown keys are rejected, not silently dropped. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  return {
    parse(value, path = '') {
      if (!isPlainObject(value)) throw new SchemaError(path, 'must be an object');
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(shape, key)) {
          throw new SchemaError(path, `has an unexpected field "${key.slice(0, 40)}"`);
        }
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const field = Object.hasOwn(value, key) ? value[key] : undefined;
        const parsed = shape[key].parse(field, path ? `${path}.${key}` : key);
        if (parsed !== undefined) out[key] = parsed;
      }
      return out as ObjectOf<S>;
    },
  };
}

/** No argument at all (`undefined`), for methods that take none. */
export function none(): Schema<void> {
  return {
    parse(value, path = '') {
      if (value !== undefined) throw new SchemaError(path, 'takes no argument');
    },
  };
}
