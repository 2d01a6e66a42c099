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

  list(): ReceivedRequest[] {
    return [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)].map((entry) => ({ ...entry }));
  }
}
