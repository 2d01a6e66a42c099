/** What the lock service tells a batch's shared rate limiter (electron/core/batch/adaptiveRate.ts). */
export type SendOutcome =
  /** An HTTP answer that was not throttling (success or not). */
  | 'answered'
  /** 429, APIGW.0308 or 503 with Retry-After: not processed. */
  | 'throttled'
  /** No HTTP answer: refused, reset, DNS (kind "network"). */
  | 'connection-failed'
  /** Anything else without an answer (timeout, TLS, cancelled). */
  | 'no-answer';

export interface RequestPacer {
  /** Waits until a request may be sent; false when `signal` aborted the wait (nothing is sent). */
  beforeSend(signal?: AbortSignal): Promise<boolean>;
  /** How a request sent at `sentAtMs` (the clock's monotonic time) ended. */
  afterSend(outcome: SendOutcome, sentAtMs: number): void;
  /** A throttled request waits until `untilMs` (monotonic) to be sent again; call the returned function when it stops waiting. */
  retryWait(untilMs: number): () => void;
}
