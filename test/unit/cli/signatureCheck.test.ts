/**
 * The CLI's line for a refused app signature whose answer says what the server signed (the sandbox's
 * signatureDetail, docs/koodrive-protocol.md#open-questions, question 23): the verdict once, with the hash, never
 * the secret, in English and with LANG=zh_CN in Chinese; --json names it by its message key; without the field,
 * the general remedy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { LockResult } from '../../../shared/result';
import { removeTempDirs, runCli, tempDir } from './harness';

const WRONG_SECRET = 'an-old-app-secret';
const HASH = /[0-9a-f]{64}/g;
let detailed: RunningSandbox;
let plain: RunningSandbox;

beforeAll(async () => {
  [detailed, plain] = await Promise.all([
    startSandbox({ host: '127.0.0.1', port: 0, quiet: true, signatureDetail: true }),
    startSandbox({ host: '127.0.0.1', port: 0, quiet: true }),
  ]);
});
afterAll(async () => {
  await Promise.all([detailed.stop(), plain.stop()]);
  await removeTempDirs();
});

async function releaseWithWrongSecret(sandbox: RunningSandbox, options: { json?: boolean; lang?: string } = {}) {
  const dataDir = await tempDir();
  const added = await runCli([
    ...['profile', 'add', '--data-dir', dataDir, '--name', 'Tenant', '--base-url', sandbox.url],
    ...['--auth', 'app', '--app-id', sandbox.credentials.appId],
  ]);
  expect(added.code).toBe(0);
  return runCli(
    [
      'release',
      ...(options.json ? ['--json'] : []),
      ...['--data-dir', dataDir, '--profile', 'Tenant', '--user-id', sandbox.credentials.userId],
      sandbox.seededLockIds[0],
    ],
    { env: { KOODRIVE_APP_SECRET: WRONG_SECRET, ...(options.lang ? { LANG: options.lang } : {}) } },
  );
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('koodrive-lock release with a wrong App secret', () => {
  it('the server signed the same request: the line says once that the App secret (or App ID) is wrong', async () => {
    const { code, stdout, stderr } = await releaseWithWrongSecret(detailed);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED /);
    expect(occurrences(stdout, 'the request arrived as signed and the App secret (or App ID) is wrong')).toBe(1);
    expect(stdout).toContain('string_to_sign, SHA-256 ');
    expect(new Set(stdout.match(HASH))).toHaveProperty('size', 1);
    expect(stdout).not.toContain('changed on the way');
    expect(stdout + stderr).not.toContain(WRONG_SECRET);
    expect(stdout + stderr).not.toContain(detailed.credentials.appSecret);
  });

  it('in Chinese with LANG=zh_CN.UTF-8', async () => {
    const { stdout } = await releaseWithWrongSecret(detailed, { lang: 'zh_CN.UTF-8' });
    expect(stdout).toContain('说明请求按签名原样到达，是应用密钥（或 App ID）不对');
    expect(stdout).not.toContain('arrived as signed');
  });

  it('--json names the verdict by its message key, with the hash as a parameter', async () => {
    const { stdout } = await releaseWithWrongSecret(detailed, { json: true });
    const result = JSON.parse(stdout) as LockResult;
    expect(result).toMatchObject({ kind: 'auth', httpStatus: 401 });
    expect(result.remedyMessage).toMatchObject({
      key: 'remedy.signature.matches',
      params: { field: 'string_to_sign', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(stdout).not.toContain(WRONG_SECRET);
  });

  it('without the field: the general App remedy, no verdict', async () => {
    const { code, stdout } = await releaseWithWrongSecret(plain);
    expect(code).toBe(1);
    expect(stdout).toContain('KooDrive rejected the app signature');
    expect(stdout).not.toContain('arrived as signed');
  });
});
