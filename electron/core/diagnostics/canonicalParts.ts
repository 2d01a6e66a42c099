/**
 * The canonical request (docs/koodrive-protocol.md#app-authentication-hmac-sha256) of a copied command, line by line: everything is known when the
 * command is made except X-Date (computed when it runs) and, for the shell, the body hash.
 */
import { canonicalQueryString, canonicalUri, signedHeaderNames } from '../koodrive/sign';

export const X_DATE = Symbol('x-date');
export const PAYLOAD_HASH = Symbol('payload-hash');

/** A fixed line, or the line `x-date:<X-Date>`, or the body's SHA-256. */
export type CanonicalPart = string | typeof X_DATE | typeof PAYLOAD_HASH;

export interface CanonicalSource {
  method: string;
  url: URL;
  headers: Readonly<Record<string, string>>;
  signedHeaders: readonly string[];
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string {
  let found = '';
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) found = value;
  return found;
}

/** Joined with "\n", these are the canonical request. */
export function canonicalParts(input: CanonicalSource): CanonicalPart[] {
  const names = signedHeaderNames(input.signedHeaders);
  const headerLines = names.map((name): CanonicalPart =>
    name === 'x-date' ? X_DATE : `${name}:${headerValue(input.headers, name).trim()}`,
  );
  return [
    input.method.toUpperCase(),
    canonicalUri(input.url.pathname),
    canonicalQueryString([...input.url.searchParams.entries()]),
    ...headerLines,
    // The header block ends with a newline, and the next line break makes the mandatory blank line.
    '',
    names.join(';'),
    PAYLOAD_HASH,
  ];
}

/** Headers the copied command sends itself (curl adds Host and Content-Length), in the app's order. */
const REBUILT = new Set(['authorization', 'host', 'x-date', 'content-length']);

/** X-User-Id first, then X-Date, then the operation's own headers (lock ID, Content-Type). */
export function orderedHeaders<T>(
  headers: Readonly<Record<string, string>>,
  xDate: T,
  header: (name: string, value: string) => T,
): T[] {
  const rest: T[] = [];
  let userId: T[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-user-id') userId = [header(name, value)];
    else if (!REBUILT.has(name.toLowerCase())) rest.push(header(name, value));
  }
  return [...userId, xDate, ...rest];
}
