import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AUDIT_TEXT, checkAuditRecord } from '../../../../electron/core/audit/auditRecord';
import { readAuditRecord } from '../../../../electron/core/history/readAuditRecord';
import { LOCK_OPERATIONS, RESULT_KINDS } from '../../../../shared/result';
import { fixtureEntries } from './auditFixtures';

const long = 'x'.repeat(MAX_AUDIT_TEXT + 1);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(long));
const anything = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  text,
  fc.constant([]),
  fc.constant({}),
);

const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anything });

const record = fc.record(
  {
    time: field(text),
    operationId: field(text),
    phase: field(fc.constantFrom('pending', 'result')),
    source: field(fc.constantFrom('gui', 'cli')),
    osUser: field(text),
    profile: field(text),
    host: field(text),
    operation: field(fc.constantFrom(...LOCK_OPERATIONS)),
    lockId: field(fc.oneof(fc.constant(null), text)),
    ok: field(fc.boolean()),
    kind: field(fc.constantFrom(...RESULT_KINDS)),
    httpStatus: field(fc.oneof(fc.constant(null), fc.integer({ min: 100, max: 599 }))),
    code: field(fc.oneof(fc.constant(null), text)),
    msg: field(fc.oneof(fc.constant(null), text)),
    requestId: field(text),
    durationMs: field(fc.double({ min: 0, max: 1e6, noNaN: true })),
    secret: fc.string(),
  },
  { requiredKeys: [] },
);

describe('readAuditRecord', () => {
  it('gives exactly what checkAuditRecord gives, for any record', () => {
    fc.assert(
      fc.property(record, (value) => {
        const check = checkAuditRecord(value);
        expect(readAuditRecord(value)).toEqual(check.ok ? check.entry : null);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads real entries, and never keeps a field that AuditEntry does not have', () => {
    const [pending, result] = fixtureEntries(3);
    expect(readAuditRecord(JSON.parse(JSON.stringify(pending)))).toEqual(pending);
    expect(readAuditRecord({ ...result, secret: 'tok-123' })).toEqual(result);
    expect(readAuditRecord(null)).toBeNull();
    expect(readAuditRecord([pending])).toBeNull();
  });
});
