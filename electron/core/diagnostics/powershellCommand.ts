/**
 * The PowerShell form of "Copy as cURL" (Windows PowerShell 5.1 and PowerShell 7): the secret is read
 * with Read-Host -AsSecureString, the HMAC is computed with .NET's HMACSHA256, and the request is sent
 * in-process with Invoke-WebRequest, so the secret is in no program's arguments (docs/diagnostics.md).
 */
import { ALGORITHM, signedHeaderNames } from '../koodrive/sign';
import { PAYLOAD_HASH, X_DATE, canonicalParts, orderedHeaders } from './canonicalParts';
import type { CurlInput } from './copyCommandInput';

/** PowerShell also ends a single-quoted string at the typographic quotes ‘ ’ ‚ ‛; each is doubled. */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

function xDateExpression(clockOffsetMs = 0): string {
  // Rounded down as for sh: an X-Date a little early is accepted, one after the server's time is not.
  const seconds = Math.floor(clockOffsetMs / 1000);
  const now = seconds === 0 ? '[DateTime]::UtcNow' : `[DateTime]::UtcNow.AddSeconds(${seconds})`;
  return `${now}.ToString("yyyyMMdd'T'HHmmss'Z'", [Globalization.CultureInfo]::InvariantCulture)`;
}

function readSecret(variable: string, prompt: string): string[] {
  return [
    `$${variable} = [System.Net.NetworkCredential]::new('', (Read-Host -AsSecureString ${psQuote(prompt)})).Password`,
    `if (-not $${variable}) { throw ${psQuote(`No ${prompt.toLowerCase()} entered: nothing was sent.`)} }`,
  ];
}

function headerTable(input: CurlInput): { lines: string[]; contentType: string | null } {
  let contentType: string | null = null;
  const entries = orderedHeaders(input.headers, `'X-Date' = $kdXDate`, (name, value) => {
    if (name.toLowerCase() === 'content-type') {
      contentType = value;
      return null;
    }
    return `${psQuote(name)} = ${psQuote(value)}`;
  }).filter((line): line is string => line !== null);
  return { lines: entries.map((entry) => `  ${entry}`), contentType };
}

function appSigning(input: CurlInput): string[] {
  const parts = canonicalParts(input).map((part) => {
    if (part === X_DATE) return '"x-date:$kdXDate"';
    if (part === PAYLOAD_HASH) return '$kdPayloadHash';
    return psQuote(part);
  });
  const names = signedHeaderNames(input.signedHeaders).join(';');
  const authorization = `${ALGORITHM} AppId=${input.profile.appId ?? ''},SignedHeaders=${names},Signature=`;
  return [
    ...readSecret('kdSecret', 'KooDrive App secret'),
    '$kdSha = [System.Security.Cryptography.SHA256]::Create()',
    `$kdPayloadHash = kdHex $kdSha.ComputeHash($kdUtf8.GetBytes($kdBody))`,
    `$kdCanonical = @(${parts.join(', ')}) -join "\`n"`,
    `$kdToSign = ${psQuote(ALGORITHM)} + "\`n" + (kdHex $kdSha.ComputeHash($kdUtf8.GetBytes($kdCanonical)))`,
    '$kdHmac = [System.Security.Cryptography.HMACSHA256]::new($kdUtf8.GetBytes($kdSecret))',
    '$kdSecret = $null',
    `$kdAuthorization = ${psQuote(authorization)} + (kdHex $kdHmac.ComputeHash($kdUtf8.GetBytes($kdToSign)))`,
    '$kdHmac.Dispose()',
  ];
}

export function powershellCommand(input: CurlInput): string {
  const app = input.profile.authMode === 'app';
  const { lines: headerLines, contentType } = headerTable(input);
  const prefix = input.profile.bearerPrefix ?? 'Bearer';
  const lines = [
    "$ErrorActionPreference = 'Stop'",
    '$kdUtf8 = [System.Text.UTF8Encoding]::new($false)',
    "function kdHex([byte[]] $bytes) { -join ($bytes | ForEach-Object { $_.ToString('x2') }) }",
    `$kdXDate = ${xDateExpression(input.clockOffsetMs)}`,
    `$kdBody = ${psQuote(input.body ?? '')}`,
    ...(app
      ? appSigning(input)
      : [
          ...readSecret('kdToken', 'KooDrive token'),
          `$kdAuthorization = ${psQuote(`${prefix} `)} + $kdToken`,
          '$kdToken = $null',
        ]),
    '$kdHeaders = [ordered]@{',
    '  Authorization = $kdAuthorization',
    ...headerLines,
    '}',
    '$kdRequest = @{',
    `  Method = ${psQuote(input.method)}`,
    `  Uri = ${psQuote(input.url.href)}`,
    '  Headers = $kdHeaders',
    '  UseBasicParsing = $true',
    '}',
  ];
  if (input.body !== null) lines.push('$kdRequest.Body = $kdUtf8.GetBytes($kdBody)');
  if (contentType !== null) lines.push(`$kdRequest.ContentType = ${psQuote(contentType)}`);
  if (input.profile.proxyUrl) lines.push(`$kdRequest.Proxy = ${psQuote(input.profile.proxyUrl)}`);
  if (input.profile.caPem) {
    lines.push(
      '# This profile has an extra CA: Invoke-WebRequest trusts only the Windows certificate store, so import',
      '# the CA there first (Import-Certificate -FilePath ca.pem -CertStoreLocation Cert:\\CurrentUser\\Root).',
    );
  }
  lines.push(
    'try { (Invoke-WebRequest @kdRequest).Content } catch { if ($_.ErrorDetails) { $_.ErrorDetails.Message }; throw }',
    '$kdAuthorization = $null',
  );
  return lines.join('\n');
}
