/** The URL of an API path under a profile's base URL, or why the base URL is unusable. */
import { apiUrl, checkBaseUrl } from '../../../shared/identifiers';
import type { Message } from '../../../shared/messages/template';
import { LOCK_PATH } from './endpoints';

const MAX_CACHED_URLS = 64;
const urls = new Map<string, { url: URL } | { problem: string; problemMessage: Message }>();

function entryFor(baseUrl: string, path: string): { url: URL } | { problem: string; problemMessage: Message } {
  const key = `${path} ${baseUrl}`;
  let entry = urls.get(key);
  if (!entry) {
    const base = checkBaseUrl(baseUrl);
    entry = base.ok ? { url: apiUrl(base.url, path) } : { problem: base.problem, problemMessage: base.problemMessage };
    if (urls.size >= MAX_CACHED_URLS) urls.clear();
    urls.set(key, entry);
  }
  return entry;
}

/**
 * The endpoint for a base URL and path, without a query. Cached (batches send thousands of requests on
 * one profile): callers share the URL object and must not change it.
 */
export function endpointUrl(baseUrl: string, path: string): { ok: true; url: URL } | { ok: false; problem: string } {
  const entry = entryFor(baseUrl, path);
  return 'url' in entry ? { ok: true, url: entry.url } : { ok: false, problem: entry.problem };
}

/** The lock endpoint for a base URL (the clock and connection checks GET it unauthenticated). */
export function lockUrlFor(baseUrl: string): { ok: true; url: URL } | { ok: false; problem: string } {
  return endpointUrl(baseUrl, LOCK_PATH);
}

/** Why the base URL is unusable, or null. */
export function lockUrlProblem(baseUrl: string): string | null {
  const entry = entryFor(baseUrl, LOCK_PATH);
  return 'problem' in entry ? entry.problem : null;
}

/** lockUrlProblem as a message, for the reader's language. */
export function lockUrlProblemMessage(baseUrl: string): Message | null {
  const entry = entryFor(baseUrl, LOCK_PATH);
  return 'problem' in entry ? entry.problemMessage : null;
}
