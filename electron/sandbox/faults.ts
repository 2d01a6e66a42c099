import type { SandboxFault } from './types';

export const MAX_FAULT_MS = 10 * 60 * 1000;
const MAX_HUGE_BYTES = 2 ** 40;

/** Checks a fault given as untyped JSON (admin endpoint) or from code; returns a problem or the fault. */
export function parseFault(value: unknown): { ok: true; fault: SandboxFault } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null)
    return { ok: false, problem: 'a fault is a JSON object with "kind"' };
  const record = value as Record<string, unknown>;
  const ms = () => wholeNumber(record.ms, 0, MAX_FAULT_MS, 'ms');
  switch (record.kind) {
    case 'delay':
    case 'slow-body': {
      const checked = ms();
      return typeof checked === 'string'
        ? { ok: false, problem: checked }
        : { ok: true, fault: { kind: record.kind, ms: checked } };
    }
    case 'status': {
      const status = wholeNumber(record.status, 200, 599, 'status');
      if (typeof status === 'string') return { ok: false, problem: status };
      if (record.retryAfterSeconds === undefined) return { ok: true, fault: { kind: 'status', status } };
      const retryAfterSeconds = wholeNumber(record.retryAfterSeconds, 0, 86_400, 'retryAfterSeconds');
      if (typeof retryAfterSeconds === 'string') return { ok: false, problem: retryAfterSeconds };
      return { ok: true, fault: { kind: 'status', status, retryAfterSeconds } };
    }
    case 'huge': {
      const bytes = wholeNumber(record.bytes, 0, MAX_HUGE_BYTES, 'bytes');
      return typeof bytes === 'string' ? { ok: false, problem: bytes } : { ok: true, fault: { kind: 'huge', bytes } };
    }
    case 'non-json':
    case 'html':
    case 'reset':
    case 'hang':
      return { ok: true, fault: { kind: record.kind } };
    default:
      return {
        ok: false,
        problem: 'kind must be one of delay, status, non-json, html, huge, reset, slow-body, hang',
      };
  }
}

function wholeNumber(value: unknown, min: number, max: number, name: string): number | string {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return `${name} must be a whole number from ${min} to ${max}`;
  }
  return value;
}

/** The fault to apply to the next API requests: until cleared, or to the next `times` requests. */
export class FaultSchedule {
  private fault: SandboxFault | null = null;
  private remaining = Infinity;

  set(fault: SandboxFault | null, times?: number): void {
    if (fault === null) {
      this.fault = null;
      return;
    }
    const checked = parseFault(fault);
    if (!checked.ok) throw new Error(`Invalid sandbox fault: ${checked.problem}.`);
    if (times !== undefined && (!Number.isInteger(times) || times < 1)) {
      throw new Error('Fault times must be a whole number of at least 1 (or omitted for "until cleared").');
    }
    this.fault = checked.fault;
    this.remaining = times ?? Infinity;
  }

  /** The fault for one request, counting it against `times`. */
  take(): SandboxFault | null {
    const fault = this.fault;
    if (!fault) return null;
    this.remaining -= 1;
    if (this.remaining <= 0) this.fault = null;
    return fault;
  }

  current(): { fault: SandboxFault; remaining: number } | null {
    return this.fault ? { fault: this.fault, remaining: this.remaining } : null;
  }
}
