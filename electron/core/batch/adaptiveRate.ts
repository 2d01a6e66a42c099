/**
 * One batch's client-side rate limiter, shared by its workers (docs/batch-and-history.md § Pacing).
 * Unlimited (the concurrency is the only ceiling) until the server first throttles; then CUBIC-like,
 * as the AWS SDKs' adaptive retry mode: each throttling episode cuts the rate to a little below what
 * the server accepted over the last second, and the rate then grows back along a cubic curve that
 * flattens out at that level before probing beyond it. Sends are spaced 1/rate apart (no bursts).
 */
import { type Clock, sleepOn } from '../clock';
import type { RequestPacer, SendOutcome } from '../requestPacer';

/** The share of the accepted rate kept after a throttle. */
const BETA = 0.95;
/** CUBIC's growth constant, in requests/s per s³. */
const CUBIC_C = 0.4;
const WINDOW_MS = 1000;
export const MIN_RATE_PER_SEC = 0.5;

export interface PacerState {
  /** Requests per second the limiter allows now; null: no limit yet. */
  limitPerSec: number | null;
  /** Throttled answers so far (each was or will be sent again, or reported as throttled). */
  throttled: number;
  /** Requests now waiting for the server's delay before they are sent again. */
  waiting: number;
  /** Seconds until the first of them is sent again; null when none waits. */
  resumeInSec: number | null;
}

export class AdaptiveRate implements RequestPacer {
  private limit = Number.POSITIVE_INFINITY;
  /** The rate a CUBIC epoch grows back to, and when the epoch began. */
  private peak = 0;
  private epochStartMs = 0;
  private lastCutMs = Number.NEGATIVE_INFINITY;
  private nextSendMs = Number.NEGATIVE_INFINITY;
  private firstSendMs: number | null = null;
  private readonly accepted: number[] = [];
  private throttled = 0;
  private readonly waits = new Map<number, number>();
  private waitSeq = 0;

  constructor(private readonly clock: Clock) {}

  /** The allowed rate now (requests per second); Infinity before the first throttle. */
  ratePerSec(): number {
    if (!Number.isFinite(this.limit)) return this.limit;
    const t = (this.clock.monotonicMs() - this.epochStartMs) / 1000;
    const k = Math.cbrt((this.peak * (1 - BETA)) / CUBIC_C);
    return Math.max(MIN_RATE_PER_SEC, this.peak + CUBIC_C * (t - k) ** 3);
  }

  async beforeSend(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return false;
    const now = this.clock.monotonicMs();
    this.firstSendMs ??= now;
    const rate = this.ratePerSec();
    if (!Number.isFinite(rate)) return true;
    const at = Math.max(now, this.nextSendMs);
    this.nextSendMs = at + 1000 / rate;
    return at > now ? sleepOn(this.clock, at - now, signal) : true;
  }

  afterSend(outcome: SendOutcome, sentAtMs: number): void {
    const now = this.clock.monotonicMs();
    if (outcome === 'answered') {
      this.accepted.push(now);
      this.forgetBefore(now - WINDOW_MS);
      return;
    }
    if (outcome !== 'throttled') return;
    this.throttled += 1;
    // One cut per episode: answers to requests sent before the last cut say nothing new.
    if (sentAtMs < this.lastCutMs) return;
    this.forgetBefore(now - WINDOW_MS);
    const span = Math.min(WINDOW_MS, Math.max(1, now - (this.firstSendMs ?? now)));
    const acceptedRate = (this.accepted.length * 1000) / span;
    const current = this.ratePerSec();
    // Nothing accepted lately says little about the server's rate: halve the limit instead.
    const estimate = acceptedRate > 0 ? Math.min(current, acceptedRate) : current / 2;
    this.peak = Number.isFinite(estimate) ? Math.max(MIN_RATE_PER_SEC, estimate) : MIN_RATE_PER_SEC;
    this.limit = this.peak * BETA;
    this.epochStartMs = now;
    this.lastCutMs = now;
    this.nextSendMs = Math.max(this.nextSendMs, now + 1000 / this.limit);
  }

  retryWait(untilMs: number): () => void {
    const id = (this.waitSeq += 1);
    this.waits.set(id, untilMs);
    return () => this.waits.delete(id);
  }

  state(): PacerState {
    const rate = this.ratePerSec();
    let first = Number.POSITIVE_INFINITY;
    for (const until of this.waits.values()) first = Math.min(first, until);
    return {
      limitPerSec: Number.isFinite(rate) ? rate : null,
      throttled: this.throttled,
      waiting: this.waits.size,
      resumeInSec: this.waits.size > 0 ? Math.max(0, (first - this.clock.monotonicMs()) / 1000) : null,
    };
  }

  private forgetBefore(ms: number): void {
    let drop = 0;
    while (drop < this.accepted.length && this.accepted[drop] < ms) drop += 1;
    if (drop > 0) this.accepted.splice(0, drop);
  }
}
