/**
 * The PowerShell form of "Copy as cURL", checked as text: pwsh is not installed on the test machine, so
 * the script is not run here (the POSIX form is run against the sandbox in test/integration/curl-argv.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { curlCommand } from '../../../../electron/core/diagnostics/curlCommand';
import { psQuote } from '../../../../electron/core/diagnostics/powershellCommand';
import { prepareLockRequest } from '../../../../electron/core/koodrive/lockRequests';
import { canonicalRequest, sha256Hex } from '../../../../electron/core/koodrive/sign';

const HOSTILE = `it's ‘curly’ "q" $HOME $(Remove-Item x) \`n ; & | @{}`;

const bearerProfile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: 'https://gw.example.com:8443/base',
  userId: '1505084218764547200',
  authMode: 'bearer',
  moduleCode: '102',
} as Profile;

function command(profile: Profile, operation: 'release' | 'create', extra: { clockOffsetMs?: number } = {}) {
  const prepared = prepareLockRequest({
    profile,
    operation,
    lockId: HOSTILE,
    moduleCode: '101',
    secret: 'THE-SECRET-VALUE',
    now: new Date(),
  });
  const body = prepared.body ? Buffer.from(prepared.body).toString('utf8') : null;
  const text = curlCommand({
    method: prepared.method,
    url: prepared.url,
    headers: prepared.headers,
    body,
    profile,
    signedHeaders: ['host', 'x-date', 'x-user-id'],
    shell: 'powershell',
    ...extra,
  });
  return { text, prepared, body };
}

/** What PowerShell makes of a single-quoted literal: '' is one ', and so are the doubled typographic quotes. */
function psUnquote(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  return literal.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1');
}

describe('psQuote', () => {
  it.each(['', 'plain', HOSTILE, "'", '’’', 'a‚b‛c'])('keeps %j one literal', (value) => {
    const quoted = psQuote(value);
    // Inside, every quote character comes in pairs, so none ends the string early.
    expect(
      /['\u2018\u2019\u201a\u201b]/.test(quoted.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '')),
    ).toBe(false);
    expect(psUnquote(quoted)).toBe(value);
  });
});

describe("curlCommand({ shell: 'powershell' })", () => {
  it('bearer: the token comes from Read-Host -AsSecureString; no other program is started', () => {
    const { text } = command(bearerProfile, 'release');
    expect(text).not.toContain('THE-SECRET-VALUE');
    expect(text).toContain("(Read-Host -AsSecureString 'KooDrive token')");
    expect(text).toContain("$kdAuthorization = 'Bearer ' + $kdToken");
    expect(text).toContain('Invoke-WebRequest @kdRequest');
    expect(text).not.toMatch(/\bcurl\b|openssl|Start-Process|cmd\b|\$env:/i);
    expect(text).toContain(`'x-backup-lock-id' = ${psQuote(HOSTILE)}`);
    expect(text).toContain("Method = 'DELETE'");
    expect(text).toContain("Uri = 'https://gw.example.com:8443/base/koodrive/ose/v1/backup/lock'");
    expect(text).toContain(`$kdXDate = [DateTime]::UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'"`);
  });

  it('bearer create: the body as UTF-8 bytes, Content-Type as its own parameter, proxy and CA note', () => {
    const profile = { ...bearerProfile, proxyUrl: 'http://proxy:3128', caPem: '-----BEGIN CERTIFICATE-----' };
    const { text, body } = command(profile, 'create', { clockOffsetMs: -61_500 });
    expect(text).toContain(`$kdBody = ${psQuote(body ?? '')}`);
    expect(text).toContain('$kdRequest.Body = $kdUtf8.GetBytes($kdBody)');
    expect(text).toContain("$kdRequest.ContentType = 'application/json'");
    expect(text).not.toMatch(/'Content-Type' =/i);
    expect(text).toContain("$kdRequest.Proxy = 'http://proxy:3128'");
    expect(text).toContain('Import-Certificate');
    expect(text).toContain('[DateTime]::UtcNow.AddSeconds(-62)');
  });

  it('app: HMACSHA256 over the same canonical request as the app; the secret from Read-Host -AsSecureString', () => {
    const profile = { ...bearerProfile, authMode: 'app', appId: `app'id` } as Profile;
    const { text, prepared, body } = command(profile, 'create');
    expect(text).not.toContain('THE-SECRET-VALUE');
    expect(text).toContain("(Read-Host -AsSecureString 'KooDrive App secret')");
    expect(text).toContain('[System.Security.Cryptography.HMACSHA256]::new($kdUtf8.GetBytes($kdSecret))');
    expect(text).toContain(
      `$kdAuthorization = ${psQuote(`HMAC-SHA256 AppId=app'id,SignedHeaders=host;x-date;x-user-id,Signature=`)} + (kdHex`,
    );
    // The canonical request the app signs, with X-Date and the body hash left to the script.
    const xDate = '20261127T120000Z';
    const expected = canonicalRequest({
      method: prepared.method,
      path: prepared.url.pathname,
      query: [],
      headers: { host: prepared.url.host, 'x-date': xDate, 'x-user-id': profile.userId ?? '' },
      signedHeaders: ['host', 'x-date', 'x-user-id'],
      body: body ?? '',
    }).split('\n');
    expect(expected.at(-1)).toBe(sha256Hex(body ?? ''));
    const line = /^\$kdCanonical = @\((.*)\) -join "`n"$/m.exec(text)?.[1] ?? '';
    const items = line.split(/, (?='|"|\$)/);
    const evaluated = items.map((item) => {
      if (item === '"x-date:$kdXDate"') return `x-date:${xDate}`;
      if (item === '$kdPayloadHash') return sha256Hex(body ?? '');
      return psUnquote(item);
    });
    expect(evaluated).toEqual(expected);
    expect(text).not.toMatch(/\bcurl\b|openssl|\$env:/i);
  });
});
