/**
 * Remembers the system's (or a PAC file's) answer per origin for a short time, so that a batch of
 * thousands of locks to one host evaluates the PAC once. Concurrent requests share one evaluation; a
 * failed one is not remembered.
 */
export type ProxyResolver = (url: string) => Promise<string>;

export interface ProxyCacheOptions {
  /** How long an answer is reused; default 60 s. */
  ttlMs?: number;
  /** Milliseconds of a monotonic clock; default performance.now. */
  nowMs?: () => number;
}

const DEFAULT_TTL_MS = 60_000;
const MAX_ORIGINS = 256;

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

export function cachedProxyResolver(resolve: ProxyResolver, options: ProxyCacheOptions = {}): ProxyResolver {
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const nowMs = options.nowMs ?? (() => performance.now());
  const answers = new Map<string, { answer: Promise<string>; until: number }>();
  return (url) => {
    const origin = originOf(url);
    const now = nowMs();
    const cached = answers.get(origin);
    if (cached && cached.until > now) return cached.answer;
    if (answers.size >= MAX_ORIGINS) answers.clear();
    const answer = resolve(url);
    const entry = { answer, until: now + ttlMs };
    answers.set(origin, entry);
    answer.catch(() => {
      if (answers.get(origin) === entry) answers.delete(origin);
    });
    return answer;
  };
}
