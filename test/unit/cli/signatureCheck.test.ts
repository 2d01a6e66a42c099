/**
 * The CLI's line for a refused app signature whose answer says what the server signed (sandbox signatureDetail,
 * docs/koodrive-protocol.md#open-questions, question 23): the verdict and the hashes, never the secret; without the
 * field, the usual line. formatResult's wording for the other verdict, with a fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatResult } from '../../../electron/cli/formatResult';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import type { LockResult } from '../../../shared/result';
import { lockResult } from '../shared/lockResultFixture';
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

async function releaseWithWrongSecret(sandbox: RunningSandbox, json = false) {
  const dataDir = await tempDir();
  const added = await runCli([
    ...['profile', 'add', '--data-dir', dataDir, '--name', 'Tenant', '--base-url', sandbox.url],
    ...['--auth', 'app', '--app-id', sandbox.credentials.appId],
  ]);
  expect(added.code).toBe(0);
  return runCli(
    [
      'release',
      ...(json ? ['--json'] : []),
      ...['--data-dir', dataDir, '--profile', 'Tenant', '--user-id', sandbox.credentials.userId],
      sandbox.seededLockIds[0],
    ],
    { env: { KOODRIVE_APP_SECRET: WRONG_SECRET } },
  );
}

describe('koodrive-lock release with a wrong App secret', () => {
  it('the server signed the same request: the line says the App secret (or App ID) is wrong, with the hash', async () => {
    const { code, stdout, stderr } = await releaseWithWrongSecret(detailed);
    expect(code).toBe(1);
    expect(stdout).toContain('signature check: the server signed the same request (canonical request SHA-256 ');
    expect(stdout).toContain('so the request arrived as signed: the App secret (or App ID) is wrong');
    expect(new Set(stdout.match(HASH))).toHaveProperty('size', 1);
    expect(stdout + stderr).not.toContain(WRONG_SECRET);
    expect(stdout + stderr).not.toContain(detailed.credentials.appSecret);
  });

  it('--json carries the comparison as signatureCheck', async () => {
    const { stdout } = await releaseWithWrongSecret(detailed, true);
    const result = JSON.parse(stdout) as LockResult;
    expect(result.signatureCheck).toMatchObject({ same: true, compared: 'canonical-request', field: 'string_to_sign' });
  });

  it('without the field: the usual line, no signature check', async () => {
    const { code, stdout } = await releaseWithWrongSecret(plain);
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED');
    expect(stdout).not.toContain('signature check');
  });
});

describe('formatResult with a different canonical request', () => {
  it('says it changed on the way or was canonicalised differently, and shows both hashes', () => {
    const ours = 'a'.repeat(64);
    const server = 'b'.repeat(64);
    const line = formatResult(
      lockResult({
        ok: false,
        kind: 'auth',
        httpStatus: 401,
        code: 'APIGW.0303',
        msg: 'signature mismatch',
        remedy: 'Check the App ID and App secret.',
        signatureCheck: { same: false, compared: 'canonical-request', ours, server, field: 'string_to_sign' },
      }),
    );
    expect(line).toContain(
      `signature check: the server signed a different request (canonical request SHA-256: ours ${ours}, the server's ${server}): it was changed on the way or canonicalised differently`,
    );
    expect(line.split('\n')).toHaveLength(1);
  });
});
