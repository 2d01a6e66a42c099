import type { AuditEntry, AuditSink } from '../../../electron/core/audit/auditEntry';

/** A memory-only audit sink for the throughput comparison: counts entries by phase and keeps none. */
export interface CountingAudit extends AuditSink {
  readonly pending: number;
  readonly results: number;
}

export function countingAudit(): CountingAudit {
  let pending = 0;
  let results = 0;
  return {
    get pending() {
      return pending;
    },
    get results() {
      return results;
    },
    async append(entry: AuditEntry) {
      if (entry.phase === 'pending') pending += 1;
      else results += 1;
    },
  };
}
