/**
 * Headers made safe to show, log or paste into a ticket. Authorization keeps its scheme word (and,
 * for HMAC, the AppId and SignedHeaders, which are not secret); the token or signature is replaced.
 */

export const REDACTED = '<redacted>';

const ALWAYS_REDACTED = new Set(['proxy-authorization', 'cookie', 'set-cookie', 'x-auth-token']);

function redactAuthorization(value: string): string {
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  if (space <= 0) return REDACTED;
  const scheme = trimmed.slice(0, space);
  if (scheme.toUpperCase() !== 'HMAC-SHA256') return `${scheme} ${REDACTED}`;
  const kept = trimmed
    .slice(space + 1)
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^(AppId|SignedHeaders)=[\x21-\x7e]*$/i.test(part));
  return `${scheme} ${[...kept, `Signature=${REDACTED}`].join(',')}`;
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'authorization') out[name] = redactAuthorization(value);
    else if (ALWAYS_REDACTED.has(lower)) out[name] = REDACTED;
    else out[name] = value;
  }
  return out;
}
