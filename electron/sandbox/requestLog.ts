import type { ReceivedRequest } from './types';

export const REQUEST_LOG_LIMIT = 100_000;

/** The last `limit` requests, oldest first; older entries are dropped. */
export class RequestLog {
  private readonly entries: ReceivedRequest[] = [];
  private start = 0;

  constructor(private readonly limit = REQUEST_LOG_LIMIT) {}

  add(entry: ReceivedRequest): void {
    if (this.entries.length < this.limit) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.start] = entry;
    this.start = (this.start + 1) % this.limit;
  }

  /** Copies of the entries, oldest first; only the newest `last` when given. */
  list(last = Infinity): ReceivedRequest[] {
    const size = this.entries.length;
    const count = Math.max(0, Math.min(size, last));
    const result: ReceivedRequest[] = [];
    for (let i = size - count; i < size; i += 1) result.push(copyOf(this.entries[(this.start + i) % size]));
    return result;
  }
}

function copyOf(entry: ReceivedRequest): ReceivedRequest {
  const copy: ReceivedRequest = {
    method: entry.method,
    path: entry.path,
    lockId: entry.lockId,
    at: entry.at,
    outcome: entry.outcome,
  };
  if ('fault' in entry) copy.fault = entry.fault;
  return copy;
}
