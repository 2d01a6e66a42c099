/** The simulated API gateway in front of the sandbox: a request rate limit and latency (docs/sandbox.md). */
import type { SandboxClock } from './clock';
import { MAX_FAULT_MS } from './faults';
import { TokenBucket } from './tokenBucket';
import type { SandboxOptions } from './types';

const MAX_RATE = 1_000_000;

export interface Gateway {
  /** null: no limit. */
  throttle: TokenBucket | null;
  /** ms to wait before answering a request; null: no latency. */
  latency: (() => number) | null;
}

/** Checks the gateway options; throws a clear error for a bad one. */
export function gatewayFrom(options: SandboxOptions, clock: SandboxClock): Gateway {
  const { rate, burst, latencyMs = 0, jitterMs = 0 } = options;
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0 && rate <= MAX_RATE)) {
    throw new Error(`rate (--rate) must be a number of requests per second above 0 and at most ${MAX_RATE}.`);
  }
  if (burst !== undefined) {
    if (rate === undefined)
      throw new Error('burst (--burst) needs rate (--rate): the requests per second that refill it.');
    if (!Number.isInteger(burst) || burst < 1 || burst > MAX_RATE) {
      throw new Error(`burst (--burst) must be a whole number 1-${MAX_RATE}.`);
    }
  }
  for (const [name, value] of [
    ['latencyMs (--latency)', latencyMs],
    ['jitterMs (--jitter)', jitterMs],
  ] as const) {
    if (!Number.isFinite(value) || value < 0 || value > MAX_FAULT_MS) {
      throw new Error(`${name} must be a number of milliseconds 0-${MAX_FAULT_MS}.`);
    }
  }
  return {
    throttle: rate === undefined ? null : new TokenBucket(clock, rate, burst ?? Math.max(1, Math.ceil(rate))),
    latency: latencyOf(latencyMs, jitterMs),
  };
}

function latencyOf(latencyMs: number, jitterMs: number): (() => number) | null {
  if (latencyMs === 0 && jitterMs === 0) return null;
  if (jitterMs === 0) return () => latencyMs;
  return () => Math.max(0, latencyMs + (Math.random() * 2 - 1) * jitterMs);
}

/** Retry-After in whole seconds (HTTP allows no fractions), at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
