/**
 * "Copy as cURL": a shell command that sends the same request as the app. The secret is never in it:
 * bearer mode reads $KOODRIVE_TOKEN, app mode computes the HMAC signature from $KOODRIVE_APP_SECRET with
 * openssl. X-Date is computed when the command runs, so the command stays valid after 15 minutes.
 * Every value from the profile or the user goes through shQuote.
 */
import type { Profile } from '../../../shared/profile';
import { ALGORITHM, canonicalQueryString, canonicalUri, signedHeaderNames } from '../koodrive/sign';
import { shQuote } from './shellQuote';
import { xDateCommand } from './xDateCommand';

export const TOKEN_VARIABLE = 'KOODRIVE_TOKEN';
export const APP_SECRET_VARIABLE = 'KOODRIVE_APP_SECRET';
export const CA_FILE_VARIABLE = 'KOODRIVE_CA_FILE';

export interface CurlInput {
  method: string;
  url: URL;
  /** The headers as prepared for sending; Authorization, Host, X-Date and Content-Length are rebuilt here. */
  headers: Readonly<Record<string, string>>;
  body: string | null;
  profile: Pick<Profile, 'authMode' | 'appId' | 'bearerPrefix' | 'proxyUrl' | 'caPem'>;
  /** App mode: the headers that are signed (lower case). */
  signedHeaders: readonly string[];
  clockOffsetMs?: number;
}

/** Rebuilt by the command itself (curl adds Host and Content-Length). */
const REBUILT = new Set(['authorization', 'host', 'x-date', 'content-length']);
const OPENSSL_HEX = "awk '{print $NF}'";

function header(name: string, value: string): string {
  return `-H ${shQuote(`${name}: ${value}`)}`;
}

/** X-User-Id first, then the X-Date option, then the operation's own headers (lock ID, Content-Type). */
function orderedHeaders(headers: Readonly<Record<string, string>>, xDate: string): string[] {
  const rest: string[] = [];
  let userId: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-user-id') userId = [header(name, value)];
    else if (!REBUILT.has(name.toLowerCase())) rest.push(header(name, value));
  }
  return [...userId, xDate, ...rest];
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return '';
}

/** curl options that are not headers: proxy, extra CA, and no URL globbing where [ ] { } would trigger it. */
function connectionOptions(input: CurlInput): string[] {
  const out: string[] = [];
  if (/[[\]{}]/.test(input.url.href)) out.push('--globoff');
  if (input.profile.proxyUrl) out.push(`--proxy ${shQuote(input.profile.proxyUrl)}`);
  if (input.profile.caPem) out.push(`--cacert "$${CA_FILE_VARIABLE}"`);
  return out;
}

function bodyOption(body: string | null, reference?: string): string[] {
  if (body === null) return [];
  return [`--data-binary ${reference ?? shQuote(body)}`];
}

function bearerCommand(input: CurlInput): string {
  const prefix = input.profile.bearerPrefix ?? 'Bearer';
  return [
    'curl',
    `-X ${input.method}`,
    shQuote(input.url.href),
    `-H ${shQuote(`Authorization: ${prefix} `)}"$${TOKEN_VARIABLE}"`,
    ...orderedHeaders(input.headers, `-H "X-Date: $(${xDateCommand(input.clockOffsetMs)})"`),
    ...bodyOption(input.body),
    ...connectionOptions(input),
  ].join(' ');
}

/** The canonical request as printf arguments, one per line (spec §6 step 1); X-Date and the body hash are variables. */
function canonicalLines(input: CurlInput): string[] {
  const names = signedHeaderNames(input.signedHeaders);
  const headerLines = names.map((name) =>
    name === 'x-date' ? '"x-date:$x_date"' : shQuote(`${name}:${headerValue(input.headers, name).trim()}`),
  );
  return [
    shQuote(input.method.toUpperCase()),
    shQuote(canonicalUri(input.url.pathname)),
    shQuote(canonicalQueryString([...input.url.searchParams.entries()])),
    ...headerLines,
    // The header block ends with a newline, and the next line break makes the mandatory blank line.
    "''",
    shQuote(names.join(';')),
    '"$payload_hash"',
  ];
}

function appScript(input: CurlInput): string {
  const names = signedHeaderNames(input.signedHeaders).join(';');
  const authorization = `${ALGORITHM} AppId=${input.profile.appId ?? ''},SignedHeaders=${names},Signature=`;
  const curl = [
    'curl',
    `-X ${input.method}`,
    shQuote(input.url.href),
    `-H ${shQuote(`Authorization: ${authorization}`)}"$signature"`,
    header('Host', input.url.host),
    ...orderedHeaders(input.headers, '-H "X-Date: $x_date"'),
    ...bodyOption(input.body, '"$body"'),
    ...connectionOptions(input),
  ].join(' ');
  return [
    `: "\${${APP_SECRET_VARIABLE}:?set ${APP_SECRET_VARIABLE} to the App secret of this profile}"`,
    `x_date=$(${xDateCommand(input.clockOffsetMs)})`,
    `body=${shQuote(input.body ?? '')}`,
    `payload_hash=$(printf '%s' "$body" | openssl dgst -sha256 | ${OPENSSL_HEX})`,
    `canonical_request=$(printf '%s\\n' ${canonicalLines(input).join(' ')})`,
    `request_hash=$(printf '%s' "$canonical_request" | openssl dgst -sha256 | ${OPENSSL_HEX})`,
    `string_to_sign=$(printf '${ALGORITHM}\\n%s' "$request_hash")`,
    `signature=$(printf '%s' "$string_to_sign" | openssl dgst -sha256 -hmac "$${APP_SECRET_VARIABLE}" | ${OPENSSL_HEX})`,
    curl,
  ].join('\n');
}

export function curlCommand(input: CurlInput): string {
  return input.profile.authMode === 'app' ? appScript(input) : bearerCommand(input);
}
