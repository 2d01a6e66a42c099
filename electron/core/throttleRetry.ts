/**
 * Which answers prove a request was not processed, and how long to wait before sending it again
 * (docs/batch-and-history.md § Throttling): HTTP 429, the gateway code APIGW.0308 (whatever the status),
 * and 503 with Retry-After. Nothing else is ever re-sent: a timeout or reset after sending stays a
 * manual decision.
 */
export const DEFAULT_MAX_ATTEMPTS = 4;
export const MAX_ATTEMPTS_LIMIT = 10;
export const DEFAULT_MAX_RETRY_DELAY_MS = 30_000;
/** First wait when the server names none; doubled per attempt. */
const BACKOFF_BASE_MS = 500;
/** Jitter added to the server's delay: up to 20 % of it, at most 1 s, never earlier than asked. */
const JITTER_SHARE = 0.2;
const JITTER_MAX_MS = 1000;

export interface ThrottleRetryOptions {
  /** Attempts in all, the first included: 1 turns re-sending off. Default 4, at most 10. */
  maxAttempts?: number;
  /** The longest wait before a re-send; a server asking for more gets no re-send (result: throttled). Default 30 s. */
  maxDelayMs?: number;
  /** 0 ≤ x < 1, for the jitter; Math.random by default. */
  random?: () => number;
}

export interface ThrottleAnswer {
  status: number;
  /** The body's `code` or `error_code`. */
  code: string | null;
  retryAfter?: string;
  /** The server's Date header, against which an HTTP-date Retry-After is measured. */
  serverDate?: string;
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(retryAfter: string | undefined, serverDate: string | undefined, now: Date): number | null {
  const text = retryAfter?.trim();
  if (!text) return null;
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  const base = Number.isNaN(server) ? now.getTime() : server;
  return Math.max(0, at - base);
}

/** True for the answers that prove the request was not processed. */
export function wasNotProcessed(answer: ThrottleAnswer): boolean {
  if (answer.status === 429 || answer.code === 'APIGW.0308') return true;
  return answer.status === 503 && Boolean(answer.retryAfter?.trim());
}

export interface RetryPlan {
  /** ms to wait before the next attempt; null: do not send again. */
  delayMs: number | null;
  /** The server's own delay, when it named one (ms). */
  serverDelayMs: number | null;
}

/**
 * The wait before attempt `attempt + 1`, or null when the answer was not a "not processed" one, the
 * attempts are used up, or the server asks for longer than the cap.
 */
export function planRetry(
  answer: ThrottleAnswer,
  attempt: number,
  now: Date,
  options: ThrottleRetryOptions,
): RetryPlan {
  const serverDelayMs = retryAfterMs(answer.retryAfter, answer.serverDate, now);
  const maxAttempts = attemptsOption(options.maxAttempts);
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  if (!wasNotProcessed(answer) || attempt >= maxAttempts) return { delayMs: null, serverDelayMs };
  const random = options.random ?? Math.random;
  let delayMs: number;
  if (serverDelayMs !== null) {
    delayMs = serverDelayMs + random() * Math.min(JITTER_MAX_MS, serverDelayMs * JITTER_SHARE);
  } else {
    const backoff = BACKOFF_BASE_MS * 2 ** (attempt - 1);
    delayMs = backoff * (0.5 + random() * 0.5);
  }
  if (serverDelayMs !== null && serverDelayMs > maxDelayMs) return { delayMs: null, serverDelayMs };
  return { delayMs: Math.min(delayMs, maxDelayMs), serverDelayMs };
}

/** A valid attempt count (1-10); throws a clear error for anything else. */
export function attemptsOption(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(value) || value < 1 || value > MAX_ATTEMPTS_LIMIT) {
    throw new RangeError(`The number of attempts must be a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}.`);
  }
  return value;
}
