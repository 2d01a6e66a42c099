/**
 * Audit lines as one writer writes them: the same keys in the same order, no whitespace, no escapes.
 * For each key order seen in a valid line, a sticky regular expression checks a whole line. Its
 * patterns admit only values that readAuditRecord takes as they are, so a line it matches is valid
 * and needs no JSON.parse (the full entry is parsed later, only if its row is shown or exported). The
 * fields the history index compares are then found by stepping over the values: in a matched line a
 * text has no quote inside, and a number or literal no comma or brace. Any other line is parsed as JSON.
 */
import { LOCK_OPERATIONS, RESULT_KINDS } from '../../../shared/result';
import { MAX_AUDIT_TEXT } from '../audit/auditRecord';
import { type AuditEntries, FAILED, PENDING, SUCCESS } from './auditEntries';

/** A JSON string without escapes or control characters, at most MAX_AUDIT_TEXT UTF-16 units long. */
const TEXT = String.raw`"[^"\\\x00-\x1f]{0,${MAX_AUDIT_TEXT}}"`;
/** The same without the bound: quicker, and enough for a line no longer than the bound. */
const SHORT_TEXT = String.raw`"[^"\\\x00-\x1f]*"`;

/** A hash-chain value (audit/auditChain.ts). */
const SHA256 = '"[0-9a-f]{64}"';

function words(list: readonly string[]): string {
  return `"(?:${list.map((word) => word.replace(/[^a-z0-9-]/gi, '\\$&')).join('|')})"`;
}

/** How to step over a value: a quoted text, a text or null, true or false, or a number (or null). */
type ValueKind = 'text' | 'nullableText' | 'boolean' | 'number';

const FIELDS: Readonly<Record<string, { pattern: string; kind: ValueKind }>> = {
  time: { pattern: TEXT, kind: 'text' },
  operationId: { pattern: TEXT, kind: 'text' },
  phase: { pattern: '"(?:pending|result)"', kind: 'text' },
  source: { pattern: '"(?:gui|cli)"', kind: 'text' },
  osUser: { pattern: TEXT, kind: 'text' },
  profile: { pattern: TEXT, kind: 'text' },
  host: { pattern: TEXT, kind: 'text' },
  operation: { pattern: words(LOCK_OPERATIONS), kind: 'text' },
  lockId: { pattern: `(?:null|${TEXT})`, kind: 'nullableText' },
  userId: { pattern: TEXT, kind: 'text' },
  environment: { pattern: TEXT, kind: 'text' },
  batchId: { pattern: TEXT, kind: 'text' },
  ok: { pattern: '(?:true|false)', kind: 'boolean' },
  kind: { pattern: words(RESULT_KINDS), kind: 'text' },
  // At most 15 digits: always a safe integer.
  httpStatus: { pattern: String.raw`(?:null|-?(?:0|[1-9]\d{0,14}))`, kind: 'number' },
  code: { pattern: `(?:null|${TEXT})`, kind: 'nullableText' },
  msg: { pattern: `(?:null|${TEXT})`, kind: 'nullableText' },
  requestId: { pattern: TEXT, kind: 'text' },
  // No exponent and at most 15 integer digits: always finite, never negative.
  durationMs: { pattern: String.raw`(?:0|[1-9]\d{0,14})(?:\.\d+)?`, kind: 'number' },
  prev: { pattern: SHA256, kind: 'text' },
  hash: { pattern: SHA256, kind: 'text' },
};

/** The fields the history index compares. */
const COMPARED = ['time', 'operationId', 'phase', 'profile', 'lockId', 'ok'];
const REQUIRED = ['time', 'operationId', 'phase', 'source', 'osUser', 'profile', 'host', 'operation', 'lockId'];
const MAX_SHAPES = 8;

const QUOTE = 0x22;
const COMMA = 0x2c;
const CLOSE = 0x7d;
const LETTER_N = 0x6e;
const LETTER_P = 0x70;
const LETTER_T = 0x74;

/** What a step does with its value besides stepping over it. */
const SKIP = 0;
const ID = 1;
const TIME = 2;
const PROFILE = 3;
const LOCK_ID = 4;
const PHASE = 5;
const OK = 6;
const ROLES: Readonly<Record<string, number>> = {
  operationId: ID,
  time: TIME,
  profile: PROFILE,
  lockId: LOCK_ID,
  phase: PHASE,
  ok: OK,
};
const KINDS: Readonly<Record<ValueKind, number>> = { text: 0, nullableText: 1, boolean: 2, number: 3 };

interface Step {
  /** Length of `"key":`. */
  skip: number;
  /** KINDS[kind] */
  kind: number;
  role: number;
}

interface Shape {
  /** The line, its texts unbounded; only for a line no longer than MAX_AUDIT_TEXT. */
  readonly quick: RegExp;
  readonly regex: RegExp;
  /** The keys in line order, up to the last compared one. */
  readonly steps: readonly Step[];
  /** The shape of the line that followed a line of this shape last time, tried first. */
  next: Shape | null;
}

function compileShape(keys: readonly string[]): Shape {
  const body = keys.map((key) => `"${key}":${FIELDS[key].pattern}`).join(',');
  let last = 0;
  keys.forEach((key, index) => {
    if (COMPARED.includes(key)) last = index;
  });
  const steps = keys
    .slice(0, last + 1)
    .map((key) => ({ skip: key.length + 3, kind: KINDS[FIELDS[key].kind], role: ROLES[key] ?? SKIP }));
  const line = (fields: string) => new RegExp(String.raw`\{${fields}\}\r?\n`, 'y');
  return { quick: line(body.split(TEXT).join(SHORT_TEXT)), regex: line(body), steps, next: null };
}

/** The position after the value that starts at `at` (a matched line: see the file comment). */
function valueEnd(text: string, at: number, kind: number): number {
  if (kind === 0) return text.indexOf('"', at + 1) + 1;
  if (kind === 1) return text.charCodeAt(at) === LETTER_N ? at + 4 : text.indexOf('"', at + 1) + 1;
  if (kind === 2) return text.charCodeAt(at) === LETTER_T ? at + 4 : at + 5;
  let end = at;
  for (let code = text.charCodeAt(end); code !== COMMA && code !== CLOSE; code = text.charCodeAt(end)) end += 1;
  return end;
}

export class AuditLineShapes {
  private readonly shapes: Shape[] = [];
  private readonly known = new Set<string>();
  private last: Shape | null = null;

  /**
   * Adds the line at `start` of `texts[textIndex]` to `into` when it has a known shape, and returns the
   * position after its line break; -1 when the line has to be parsed as JSON.
   */
  match(into: AuditEntries, textIndex: number, start: number): number {
    const text = into.texts[textIndex];
    const hint = this.last?.next ?? null;
    if (hint) {
      const end = this.tryShape(hint, into, textIndex, text, start);
      if (end >= 0) return end;
    }
    for (const shape of this.shapes) {
      if (shape === hint) continue;
      const end = this.tryShape(shape, into, textIndex, text, start);
      if (end >= 0) return end;
    }
    return -1;
  }

  /** Remembers the key order of a valid, parsed record (the value JSON.parse gave for its line). */
  learn(value: object): void {
    this.last = null;
    if (this.shapes.length >= MAX_SHAPES) return;
    const keys = Object.keys(value);
    const signature = keys.join(',');
    if (this.known.has(signature)) return;
    if (!keys.every((key) => Object.hasOwn(FIELDS, key))) return;
    if (!REQUIRED.every((key) => keys.includes(key))) return;
    this.known.add(signature);
    this.shapes.push(compileShape(keys));
  }

  /** Forgets which shape came last (a line that did not match breaks the sequence). */
  reset(): void {
    this.last = null;
  }

  private tryShape(shape: Shape, into: AuditEntries, textIndex: number, text: string, start: number): number {
    const { quick, regex, steps } = shape;
    quick.lastIndex = start;
    if (!quick.test(text)) return -1;
    let end = quick.lastIndex;
    if (end - start > MAX_AUDIT_TEXT) {
      regex.lastIndex = start;
      if (!regex.test(text)) return -1;
      end = regex.lastIndex;
    }
    if (this.last) this.last.next = shape;
    this.last = shape;
    let idStart = 0;
    let idEnd = 0;
    let timeStart = 0;
    let timeEnd = 0;
    let profileStart = 0;
    let profileEnd = 0;
    let lockStart = -1;
    let lockEnd = -1;
    let pending = false;
    let ok = false;
    // Past the opening brace; each value is followed by one comma.
    let at = start + 1;
    for (let index = 0; index < steps.length; index += 1) {
      const { skip, kind, role } = steps[index];
      const value = at + skip;
      const next = valueEnd(text, value, kind);
      if (role === ID) {
        idStart = value + 1;
        idEnd = next - 1;
      } else if (role === TIME) {
        timeStart = value + 1;
        timeEnd = next - 1;
      } else if (role === PROFILE) {
        profileStart = value + 1;
        profileEnd = next - 1;
      } else if (role === LOCK_ID) {
        if (text.charCodeAt(value) === QUOTE) {
          lockStart = value + 1;
          lockEnd = next - 1;
        }
      } else if (role === PHASE) {
        pending = text.charCodeAt(value + 1) === LETTER_P;
      } else if (role === OK) {
        ok = text.charCodeAt(value) === LETTER_T;
      }
      at = next + 1;
    }
    const outcome = pending ? PENDING : ok ? SUCCESS : FAILED;
    into.addLine(
      textIndex,
      start,
      end,
      idStart,
      idEnd,
      timeStart,
      timeEnd,
      profileStart,
      profileEnd,
      lockStart,
      lockEnd,
      outcome,
    );
    return end;
  }
}
