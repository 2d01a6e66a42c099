import { randomInt } from 'node:crypto';

/**
 * 19-digit IDs for records and files, unique per sandbox run: all odd, so none is exactly
 * representable as a JavaScript number (above 2^53 doubles are even), and a client that parses one
 * as a number visibly changes it.
 */
export class RecordIds {
  private next: bigint;

  constructor(start?: bigint) {
    // 1.1e18 to 1.9e18 leaves room for any number of IDs without reaching 20 digits.
    this.next = start ?? 1_100_000_000_000_000_001n + 2n * BigInt(randomInt(0, 2 ** 47));
    if (this.next % 2n === 0n) this.next += 1n;
  }

  /** The first of `count` consecutive odd IDs (step 2), reserved. */
  take(count = 1): bigint {
    const first = this.next;
    this.next += 2n * BigInt(Math.max(1, count));
    return first;
  }
}
