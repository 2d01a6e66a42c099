import { AppError } from './appError';

export const MAX_INFLIGHT_REQUESTS = 64;

export interface InflightTicket {
  readonly signal: AbortSignal;
  /** Removes the registration; call it when the request has finished, however it finished. */
  done(): void;
}

/** requestTag -> AbortController for the lock requests still running, so the renderer can cancel them. */
export interface InflightRequests {
  /** Without a tag the request gets a signal of its own that nobody else can abort (except abortAll). */
  register(requestTag: string | undefined): InflightTicket;
  /** true when a running request with this tag was aborted. */
  cancel(requestTag: string): boolean;
  abortAll(): void;
  size(): number;
}

export function createInflightRequests(limit = MAX_INFLIGHT_REQUESTS): InflightRequests {
  const tagged = new Map<string, AbortController>();
  const untagged = new Set<AbortController>();

  return {
    register(requestTag) {
      if (tagged.size + untagged.size >= limit) {
        throw new AppError(
          'invalid-argument',
          `Too many requests are running at once (limit ${limit}). Wait for some to finish, or cancel them, and try again.`,
        );
      }
      const controller = new AbortController();
      if (requestTag === undefined) {
        untagged.add(controller);
        return { signal: controller.signal, done: () => void untagged.delete(controller) };
      }
      if (tagged.has(requestTag)) {
        throw new AppError('invalid-argument', 'requestTag: is already used by a request that is still running.');
      }
      tagged.set(requestTag, controller);
      return {
        signal: controller.signal,
        done: () => {
          if (tagged.get(requestTag) === controller) tagged.delete(requestTag);
        },
      };
    },
    cancel(requestTag) {
      const controller = tagged.get(requestTag);
      if (!controller) return false;
      tagged.delete(requestTag);
      controller.abort();
      return true;
    },
    abortAll() {
      for (const controller of [...tagged.values(), ...untagged]) controller.abort();
      tagged.clear();
      untagged.clear();
    },
    size: () => tagged.size + untagged.size,
  };
}
