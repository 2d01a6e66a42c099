/**
 * Audit lines as one writer writes them: the same keys in the same order, no whitespace, no escapes.
 * For each key order seen in a valid line, a sticky regular expression checks a whole line and
 * captures only the fields the history index compares. Its patterns admit only values that
 * readAuditRecord takes as they are, so a line it matches is valid and needs no JSON.parse (the full
 * entry is parsed later, only if its row is shown or exported). Any other line is parsed as JSON.
 */
import { LOCK_OPERATIONS, RESULT_KINDS } from '../../../shared/result';
import { MAX_AUDIT_TEXT } from '../audit/auditRecord';
import type { AuditEntries } from './auditEntries';

/** A JSON string without escapes or control characters, at most MAX_AUDIT_TEXT UTF-16 units long. */
const TEXT_INNER = String.raw`[^"\\\x00-\x1f]{0,${MAX_AUDIT_TEXT}}`;
const TEXT = `"${TEXT_INNER}"`;

function words(list: readonly string[]): string {
  return `"(?:${list.map((word) => word.replace(/[^a-z0-9-]/gi, '\\$&')).join('|')})"`;
}

const CAPTURED = ['time', 'operationId', 'phase', 'profile', 'lockId', 'ok'] as const;
type CapturedField = (typeof CAPTURED)[number];

/** Each pattern has exactly one capturing group for a CAPTURED field, and none otherwise. */
const PATTERNS: Readonly<Record<string, string>> = {
  time: `"(${TEXT_INNER})"`,
  operationId: `"(${TEXT_INNER})"`,
  phase: '"(pending|result)"',
  source: '"(?:gui|cli)"',
  osUser: TEXT,
  profile: `"(${TEXT_INNER})"`,
  host: TEXT,
  operation: words(LOCK_OPERATIONS),
  lockId: `(?:null|"(${TEXT_INNER})")`,
  ok: '(true|false)',
  kind: words(RESULT_KINDS),
  // At most 15 digits: always a safe integer.
  httpStatus: String.raw`(?:null|-?(?:0|[1-9]\d{0,14}))`,
  code: `(?:null|${TEXT})`,
  msg: `(?:null|${TEXT})`,
  requestId: TEXT,
  // No exponent and at most 15 integer digits: always finite, never negative.
  durationMs: String.raw`(?:0|[1-9]\d{0,14})(?:\.\d+)?`,
};

const REQUIRED = ['time', 'operationId', 'phase', 'source', 'osUser', 'profile', 'host', 'operation', 'lockId'];
const MAX_SHAPES = 8;

interface Shape {
  readonly regex: RegExp;
  /** Capture group of each CAPTURED field, 0 when the shape lacks it. */
  readonly group: Readonly<Record<CapturedField, number>>;
  /** The shape of the line that followed a line of this shape last time, tried first. */
  next: Shape | null;
}

function compileShape(keys: readonly string[]): Shape {
  const group: Record<CapturedField, number> = { time: 0, operationId: 0, phase: 0, profile: 0, lockId: 0, ok: 0 };
  let groups = 0;
  for (const key of keys) {
    if ((CAPTURED as readonly string[]).includes(key)) {
      groups += 1;
      group[key as CapturedField] = groups;
    }
  }
  const body = keys.map((key) => `"${key}":${PATTERNS[key]}`).join(',');
  return { regex: new RegExp(String.raw`\{${body}\}\r?\n`, 'y'), group, next: null };
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
    if (!keys.every((key) => Object.hasOwn(PATTERNS, key))) return;
    if (!REQUIRED.every((key) => keys.includes(key))) return;
    this.known.add(signature);
    this.shapes.push(compileShape(keys));
  }

  /** Forgets which shape came last (a line that did not match breaks the sequence). */
  reset(): void {
    this.last = null;
  }

  private tryShape(shape: Shape, into: AuditEntries, textIndex: number, text: string, start: number): number {
    shape.regex.lastIndex = start;
    const match = shape.regex.exec(text);
    if (match === null) return -1;
    if (this.last) this.last.next = shape;
    this.last = shape;
    const { group } = shape;
    const end = shape.regex.lastIndex;
    into.addLine(
      match[group.operationId],
      match[group.phase] === 'pending'
        ? 'pending'
        : group.ok !== 0 && match[group.ok] === 'true'
          ? 'success'
          : 'failed',
      match[group.time],
      match[group.profile],
      match[group.lockId] ?? null,
      textIndex,
      start,
      end,
    );
    return end;
  }
}
