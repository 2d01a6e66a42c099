import { LOCK_OPERATIONS, RESULT_KINDS } from '../../../shared/result';
import type { AuditEntry } from './auditEntry';

/** Longest text kept in one field; longer server messages are cut so every line stays small. */
export const MAX_AUDIT_TEXT = 2000;

export type AuditRecordCheck = { ok: true; entry: AuditEntry } | { ok: false; problem: string };

type FieldRule = (value: unknown) => unknown;

const INVALID = Symbol('invalid');

function text(value: unknown): unknown {
  if (typeof value !== 'string') return INVALID;
  return value.length > MAX_AUDIT_TEXT ? `${value.slice(0, MAX_AUDIT_TEXT)}…` : value;
}

function nullable(rule: FieldRule): FieldRule {
  return (value) => (value === null ? null : rule(value));
}

function member(values: readonly string[]): FieldRule {
  return (value) => (typeof value === 'string' && values.includes(value) ? value : INVALID);
}

function wholeNumber(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : INVALID;
}

function duration(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : INVALID;
}

function sha256Hex(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value) ? value : INVALID;
}

function flag(value: unknown): unknown {
  return typeof value === 'boolean' ? value : INVALID;
}

/** Every field an AuditEntry may have, in the order they are written. Nothing else is ever written. */
const REQUIRED: Record<string, FieldRule> = {
  time: text,
  operationId: text,
  phase: member(['pending', 'result']),
  source: member(['gui', 'cli']),
  osUser: text,
  profile: text,
  host: text,
  operation: member(LOCK_OPERATIONS),
  lockId: nullable(text),
};

const OPTIONAL: Record<string, FieldRule> = {
  userId: text,
  environment: text,
  batchId: text,
  ok: flag,
  kind: member(RESULT_KINDS),
  httpStatus: nullable(wholeNumber),
  code: nullable(text),
  msg: nullable(text),
  requestId: text,
  durationMs: duration,
  // Always last: the hash covers the line up to and including prev (auditChain.ts).
  prev: sha256Hex,
  hash: sha256Hex,
};

/**
 * Builds the record that is written (or accepted when read back): only AuditEntry's own fields, each checked.
 * Fields that AuditEntry does not have (a stray `secret`, say) are dropped, never written.
 */
export function checkAuditRecord(value: unknown): AuditRecordCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'is not an object' };
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(REQUIRED)) {
    const checked = Object.hasOwn(source, key) ? rule(source[key]) : INVALID;
    if (checked === INVALID) return { ok: false, problem: `field "${key}" is missing or invalid` };
    out[key] = checked;
  }
  for (const [key, rule] of Object.entries(OPTIONAL)) {
    if (!Object.hasOwn(source, key) || source[key] === undefined) continue;
    const checked = rule(source[key]);
    if (checked === INVALID) return { ok: false, problem: `field "${key}" is invalid` };
    out[key] = checked;
  }
  return { ok: true, entry: out as unknown as AuditEntry };
}
