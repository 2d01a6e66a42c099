/** Audit log lines for history tests: one realistic operation per minute, deterministic. */
import type { AuditEntry } from '../../../../electron/core/audit/auditEntry';

export const FIXTURE_START_MS = Date.UTC(2026, 0, 1, 0, 0, 0);
export const FIXTURE_PROFILES = ['production', 'staging', 'sandbox'] as const;

export function fixtureLockId(op: number): string {
  const hex = op.toString(16).padStart(12, '0');
  return `${hex.slice(4)}-0000-4000-8000-${hex}@10${op % 3}`;
}

/** Operation `op`: no result when op % 50 === 7 (pending), failed (not-found) when op % 10 === 3. */
export function fixtureOutcome(op: number): 'success' | 'failed' | 'pending' {
  if (op % 50 === 7) return 'pending';
  return op % 10 === 3 ? 'failed' : 'success';
}

export function fixtureEntries(op: number): AuditEntry[] {
  const started = FIXTURE_START_MS + op * 60_000;
  const base = {
    operationId: `op-${op}`,
    source: op % 4 === 0 ? ('cli' as const) : ('gui' as const),
    osUser: 'ana',
    profile: FIXTURE_PROFILES[op % 3],
    host: 'intl.myhuaweicloud-koodrive.com',
    operation: 'release' as const,
    lockId: fixtureLockId(op),
  };
  const pending: AuditEntry = { ...base, time: new Date(started).toISOString(), phase: 'pending' };
  const outcome = fixtureOutcome(op);
  if (outcome === 'pending') return [pending];
  const ok = outcome === 'success';
  return [
    pending,
    {
      ...base,
      time: new Date(started + 150).toISOString(),
      phase: 'result',
      ok,
      kind: ok ? 'success' : 'not-found',
      httpStatus: ok ? 200 : 400,
      code: ok ? '0' : '13000309',
      msg: ok ? 'success' : 'Resource not found: backup lock',
      requestId: `req-${op}`,
      durationMs: 30 + (op % 17),
    },
  ];
}

/** JSON Lines with exactly `entries` lines (the last operation may lack its result), and the operation count. */
export function generateAuditLog(entries: number): { text: string; operations: number } {
  const lines: string[] = [];
  let op = 0;
  while (lines.length < entries) {
    for (const entry of fixtureEntries(op)) {
      if (lines.length < entries) lines.push(JSON.stringify(entry));
    }
    op += 1;
  }
  return { text: `${lines.join('\n')}\n`, operations: op };
}
