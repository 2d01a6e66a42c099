/**
 * Runs the generated commands in a real `sh`, with a fake `curl` first on PATH that prints the arguments
 * it received, so the quoting is checked by the shell itself. The app-mode script uses the real openssl.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { curlCommand } from '../../../../electron/core/diagnostics/curlCommand';
import { shQuote } from '../../../../electron/core/diagnostics/shellQuote';
import { xDateCommand } from '../../../../electron/core/diagnostics/xDateCommand';
import { prepareLockRequest } from '../../../../electron/core/koodrive/lockRequests';
import { canonicalRequest, signature, stringToSign } from '../../../../electron/core/koodrive/sign';
import { parseXDate } from '../../../../electron/core/koodrive/xdate';

const run = promisify(execFile);
const HOSTILE = `it's "quoted" $HOME \`touch pwned-backtick\` $(touch pwned-subshell) ; & | \\ * ? ~ !`;
const hasOpenssl = await run('sh', ['-c', 'command -v openssl']).then(
  () => true,
  () => false,
);

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kla-curl-'));
  // Prints its arguments, then what it read on standard input (where the Authorization header comes from).
  await writeFile(
    join(dir, 'curl'),
    `#!/bin/sh\nfor a in "$@"; do printf '%s\\0' "$a"; done\nprintf 'STDIN\\0'\ncat\n`,
  );
  await chmod(join(dir, 'curl'), 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** curl's arguments; the header lines it read on standard input (`-H @-`) come last, after "STDIN". */
async function argsOf(command: string, env: Record<string, string>): Promise<string[]> {
  const { stdout } = await run('sh', ['-c', command], {
    cwd: dir,
    env: { PATH: `${dir}:${process.env.PATH ?? ''}`, HOME: dir, ...env },
    timeout: 10_000,
  });
  expect(await readdir(dir)).toEqual(['curl']);
  const parts = stdout.split('\0');
  const stdin = parts.at(-1) ?? '';
  const args = parts.slice(0, parts.indexOf('STDIN'));
  expect(args).toContain('@-');
  for (const name of ['KOODRIVE_TOKEN', 'KOODRIVE_APP_SECRET']) {
    const secret = env[name];
    if (secret && secret.length > 3) expect(args.join('\n')).not.toContain(secret);
  }
  return [...args.map((arg) => (arg === '@-' ? stdin.replace(/\n$/, '') : arg))];
}

function headersOf(args: string[]): string[] {
  return args.flatMap((arg, i) => (args[i - 1] === '-H' ? [arg] : []));
}

const bearerProfile: Profile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: `https://gw.example.com:8443/pre'fix$(touch pwned-url)`,
  userId: '1505084218764547200',
  authMode: 'bearer',
  moduleCode: '102',
};

describe('shQuote', () => {
  it.each(['', 'plain', HOSTILE, "'", "''", 'line\nbreak', '\t\\n'])('round-trips %j through sh', async (value) => {
    const { stdout } = await run('sh', ['-c', `printf '%s' ${shQuote(value)}`], { cwd: dir });
    expect(stdout).toBe(value);
  });
});

describe('xDateCommand', () => {
  it.each([0, 499, -1, -3_600_000, 7_200_000])('prints an X-Date moved by %i ms', async (offset) => {
    const before = Date.now();
    const { stdout } = await run('sh', ['-c', xDateCommand(offset)]);
    const printed = parseXDate(stdout.trim());
    expect(printed).not.toBeNull();
    const expected = before + Math.floor(offset / 1000) * 1000;
    expect(Math.abs((printed?.getTime() ?? 0) - expected)).toBeLessThan(3000);
  });
});

describe('curlCommand', () => {
  it('bearer: passes hostile values as literal arguments and the token only from the environment', async () => {
    const token = `tok'"$x\`y\``;
    const prepared = prepareLockRequest({
      profile: bearerProfile,
      operation: 'release',
      lockId: HOSTILE,
      secret: 'not-in-the-command',
      now: new Date(),
    });
    const command = curlCommand({
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      body: null,
      profile: { ...bearerProfile, proxyUrl: 'http://127.0.0.1:3128' },
      signedHeaders: [],
    });
    expect(command).not.toContain('not-in-the-command');
    expect(
      command.startsWith(
        `: "\${KOODRIVE_TOKEN:?set KOODRIVE_TOKEN to the token of this profile first, e.g. read -rs KOODRIVE_TOKEN}"\n` +
          `printf '%s%s\\n' 'Authorization: Bearer ' "$KOODRIVE_TOKEN" | curl -X DELETE 'https://gw.example.com:8443/pre'\\''fix$(touch%20pwned-url)/koodrive/ose/v1/backup/lock' -H @- -H 'X-User-Id: 1505084218764547200' -H "X-Date: $(date -u +%Y%m%dT%H%M%SZ)" -H 'x-backup-lock-id: `,
      ),
    ).toBe(true);
    const args = await argsOf(command, { KOODRIVE_TOKEN: token });
    expect(args.slice(0, 3)).toEqual(['-X', 'DELETE', prepared.url.href]);
    const headers = headersOf(args);
    expect(headers[0]).toBe(`Authorization: Bearer ${token}`);
    expect(headers[1]).toBe('X-User-Id: 1505084218764547200');
    expect(headers[2]).toMatch(/^X-Date: \d{8}T\d{6}Z$/);
    expect(Math.abs((parseXDate(headers[2].slice(8))?.getTime() ?? 0) - Date.now())).toBeLessThan(3000);
    expect(headers[3]).toBe(`x-backup-lock-id: ${HOSTILE}`);
    expect(args.slice(-2)).toEqual(['--proxy', 'http://127.0.0.1:3128']);
  });

  it('bearer create: sends the exact body and the extra CA from the environment', async () => {
    const prepared = prepareLockRequest({
      profile: bearerProfile,
      operation: 'create',
      moduleCode: '101',
      secret: 't',
      now: new Date(),
    });
    const command = curlCommand({
      method: prepared.method,
      url: prepared.url,
      headers: prepared.headers,
      body: '{"moduleCode":"101"}',
      profile: { ...bearerProfile, caPem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----' },
      signedHeaders: [],
    });
    const args = await argsOf(command, { KOODRIVE_TOKEN: 't', KOODRIVE_CA_FILE: '/tmp/some ca.pem' });
    expect(headersOf(args)).toContain('Content-Type: application/json');
    expect(headersOf(args).some((h) => h.startsWith('Content-Length'))).toBe(false);
    expect(args.slice(-4)).toEqual(['--data-binary', '{"moduleCode":"101"}', '--cacert', '/tmp/some ca.pem']);
  });

  it.skipIf(!hasOpenssl)(
    'app: computes the same HMAC signature as the app, with hostile values and secret',
    async () => {
      const appSecret = `s3'cr"et $x \`y\` \\ end`;
      const appId = `id'with"quotes$and\`ticks\``;
      const profile: Profile = { ...bearerProfile, authMode: 'app', appId };
      const prepared = prepareLockRequest({
        profile,
        operation: 'create',
        moduleCode: '102',
        secret: appSecret,
        now: new Date(),
      });
      const body = '{"moduleCode":"102"}';
      const command = curlCommand({
        method: prepared.method,
        url: prepared.url,
        headers: prepared.headers,
        body,
        profile,
        signedHeaders: ['host', 'x-date', 'x-user-id'],
      });
      expect(command).not.toContain(appSecret);
      const args = await argsOf(command, { KOODRIVE_APP_SECRET: appSecret });
      const headers = headersOf(args);
      const xDate = headers.find((h) => h.startsWith('X-Date: '))?.slice(8) ?? '';
      const host = headers.find((h) => h.startsWith('Host: '))?.slice(6) ?? '';
      expect(host).toBe('gw.example.com:8443');
      const canonical = canonicalRequest({
        method: 'POST',
        path: prepared.url.pathname,
        query: [],
        headers: { host, 'x-date': xDate, 'x-user-id': profile.userId ?? '' },
        signedHeaders: ['host', 'x-date', 'x-user-id'],
        body,
      });
      const expected = signature(appSecret, stringToSign(canonical));
      expect(headers[0]).toBe(
        `Authorization: HMAC-SHA256 AppId=${appId},SignedHeaders=host;x-date;x-user-id,Signature=${expected}`,
      );
      expect(args.slice(-2)).toEqual(['--data-binary', body]);
    },
  );

  it.skipIf(!hasOpenssl)(
    'app: refuses to run without KOODRIVE_APP_SECRET instead of signing with an empty key',
    async () => {
      const profile: Profile = { ...bearerProfile, authMode: 'app', appId: 'a' };
      const prepared = prepareLockRequest({
        profile,
        operation: 'release',
        lockId: 'l@1',
        secret: 's',
        now: new Date(),
      });
      const command = curlCommand({
        method: prepared.method,
        url: prepared.url,
        headers: prepared.headers,
        body: null,
        profile,
        signedHeaders: ['host', 'x-date', 'x-user-id'],
      });
      await expect(argsOf(command, {})).rejects.toThrow(/set KOODRIVE_APP_SECRET/);
    },
  );
});
