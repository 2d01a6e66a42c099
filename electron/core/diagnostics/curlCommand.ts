/**
 * "Copy as cURL": a command that sends the same request as the app. The secret is never in it, and
 * never in any process's arguments when it runs (docs/diagnostics.md):
 * - POSIX sh: the Authorization header reaches curl on standard input (`-H @-`), printed by the shell's
 *   built-in printf from $KOODRIVE_TOKEN; in app mode the HMAC is computed by posixHmac.ts, whose key
 *   only goes through pipes and built-ins. X-Date is computed when the command runs.
 * - PowerShell (powershellCommand.ts): the secret comes from Read-Host -AsSecureString and the request
 *   is sent in-process by Invoke-WebRequest; no other program is started.
 * Every value from the profile or the user is quoted for its shell.
 */
import { ALGORITHM, signedHeaderNames } from '../koodrive/sign';
import { PAYLOAD_HASH, X_DATE, canonicalParts, orderedHeaders } from './canonicalParts';
import type { CurlInput } from './copyCommandInput';
import { posixHmacLines } from './posixHmac';
import { powershellCommand } from './powershellCommand';
import { shQuote } from './shellQuote';
import { xDateCommand } from './xDateCommand';

const TOKEN_VARIABLE = 'KOODRIVE_TOKEN';
const APP_SECRET_VARIABLE = 'KOODRIVE_APP_SECRET';
const CA_FILE_VARIABLE = 'KOODRIVE_CA_FILE';

const OPENSSL_HEX = "awk '{print $NF}'";

function header(name: string, value: string): string {
  return `-H ${shQuote(`${name}: ${value}`)}`;
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

/** Stops with a message (and sends nothing) when the variable is unset or empty. */
function requireVariable(name: string, what: string): string {
  return `: "\${${name}:?set ${name} to the ${what} of this profile first, e.g. read -rs ${name}}"`;
}

/** `printf … | curl … -H @-`: the header line goes through a pipe, printed by the shell's own printf. */
function curlWithAuthorization(fixed: string, variable: string, options: string[]): string {
  return [`printf '%s%s\\n' ${shQuote(`Authorization: ${fixed}`)} "$${variable}" |`, 'curl', ...options].join(' ');
}

function bearerCommand(input: CurlInput): string {
  const prefix = input.profile.bearerPrefix ?? 'Bearer';
  const options = [
    `-X ${input.method}`,
    shQuote(input.url.href),
    '-H @-',
    ...orderedHeaders(input.headers, `-H "X-Date: $(${xDateCommand(input.clockOffsetMs)})"`, header),
    ...bodyOption(input.body),
    ...connectionOptions(input),
  ];
  return [requireVariable(TOKEN_VARIABLE, 'token'), curlWithAuthorization(`${prefix} `, TOKEN_VARIABLE, options)].join(
    '\n',
  );
}

/** The canonical request as printf arguments, one per line; X-Date and the body hash are variables. */
function canonicalArguments(input: CurlInput): string[] {
  return canonicalParts(input).map((part) => {
    if (part === X_DATE) return '"x-date:$x_date"';
    if (part === PAYLOAD_HASH) return '"$payload_hash"';
    return part === '' ? "''" : shQuote(part);
  });
}

function appScript(input: CurlInput): string {
  const names = signedHeaderNames(input.signedHeaders).join(';');
  const authorization = `${ALGORITHM} AppId=${input.profile.appId ?? ''},SignedHeaders=${names},Signature=`;
  const options = [
    `-X ${input.method}`,
    shQuote(input.url.href),
    '-H @-',
    header('Host', input.url.host),
    ...orderedHeaders(input.headers, '-H "X-Date: $x_date"', header),
    ...bodyOption(input.body, '"$body"'),
    ...connectionOptions(input),
  ];
  return [
    requireVariable(APP_SECRET_VARIABLE, 'App secret'),
    `x_date=$(${xDateCommand(input.clockOffsetMs)})`,
    `body=${shQuote(input.body ?? '')}`,
    `payload_hash=$(printf '%s' "$body" | openssl dgst -sha256 | ${OPENSSL_HEX})`,
    `canonical_request=$(printf '%s\\n' ${canonicalArguments(input).join(' ')})`,
    `request_hash=$(printf '%s' "$canonical_request" | openssl dgst -sha256 | ${OPENSSL_HEX})`,
    `string_to_sign=$(printf '${ALGORITHM}\\n%s' "$request_hash")`,
    ...posixHmacLines(APP_SECRET_VARIABLE),
    curlWithAuthorization(authorization, 'signature', options),
  ].join('\n');
}

export function curlCommand(input: CurlInput): string {
  if (input.shell === 'powershell') return powershellCommand(input);
  return input.profile.authMode === 'app' ? appScript(input) : bearerCommand(input);
}
