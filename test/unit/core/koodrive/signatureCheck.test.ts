// The signature comparison reaches the LockResult: the lock service against the sandbox with signatureDetail
// (docs/koodrive-protocol.md#open-questions, question 23) over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../electron/core/clock';
import { createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import type { Transport } from '../../../../electron/core/koodrive/transport';
import { createLockService } from '../../../../electron/core/lockService';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';
import type { Profile } from '../../../../shared/profile';

const OTHER_USER = '1505084218764547200';
const running: RunningSandbox[] = [];
const transports: ReturnType<typeof createHttpTransport>[] = [];

afterEach(async () => {
  for (const transport of transports.splice(0)) transport.close();
  await Promise.all(running.splice(0).map((sandbox) => sandbox.stop()));
});

async function sandboxWith(signatureDetail: boolean): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, quiet: true, signatureDetail });
  running.push(sandbox);
  return sandbox;
}

function appProfile(sandbox: RunningSandbox, authMode: Profile['authMode'] = 'app'): Profile {
  return {
    id: 'p1',
    name: 'Tenant',
    baseUrl: sandbox.url,
    environment: 'sandbox',
    authMode,
    userId: sandbox.credentials.userId,
    ...(authMode === 'app' ? { appId: sandbox.credentials.appId } : {}),
    moduleCode: '102',
  };
}

type Headers = Record<string, string>;

/** A release signed with `secret`; `onTheWay` may change the headers after signing, as a middlebox would. */
async function release(sandbox: RunningSandbox, profile: Profile, secret: string, onTheWay?: (h: Headers) => Headers) {
  const http = createHttpTransport();
  transports.push(http);
  const transport: Transport = onTheWay ? (request) => http({ ...request, headers: onTheWay(request.headers) }) : http;
  const service = createLockService({
    transport,
    clock: systemClock,
    secretFor: async () => secret,
    audit: { append: async () => undefined },
    source: 'cli',
    osUser: 'tester',
  });
  return { result: await service.release(profile, sandbox.seededLockIds[0]) };
}

describe('LockResult.signatureCheck against the sandbox', () => {
  it('a wrong App secret: the same canonical request on both sides, no secret in it', async () => {
    const sandbox = await sandboxWith(true);
    const { result } = await release(sandbox, appProfile(sandbox), 'an-old-app-secret');
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401 });
    expect(result.signatureCheck).toMatchObject({ same: true, compared: 'canonical-request', field: 'string_to_sign' });
    expect(result.signatureCheck?.ours).toMatch(/^[0-9a-f]{64}$/);
    expect(result.signatureCheck?.server).toBe(result.signatureCheck?.ours);
    const text = JSON.stringify(result);
    expect(text).not.toContain('an-old-app-secret');
    expect(text).not.toContain(sandbox.credentials.appSecret);
  });

  it('a header changed after signing: a different canonical request, both hashes', async () => {
    const sandbox = await sandboxWith(true);
    const { result } = await release(sandbox, appProfile(sandbox), sandbox.credentials.appSecret, (headers) => ({
      ...headers,
      'X-User-Id': OTHER_USER,
    }));
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401 });
    expect(result.signatureCheck?.same).toBe(false);
    expect(result.signatureCheck?.ours).toMatch(/^[0-9a-f]{64}$/);
    expect(result.signatureCheck?.server).toMatch(/^[0-9a-f]{64}$/);
    expect(result.signatureCheck?.server).not.toBe(result.signatureCheck?.ours);
    expect(JSON.stringify(result)).not.toContain(sandbox.credentials.appSecret);
  });

  it('an answer without the field, or a bearer token: no comparison, the usual remedy', async () => {
    const plain = await sandboxWith(false);
    const { result } = await release(plain, appProfile(plain), 'an-old-app-secret');
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401 });
    expect(result).not.toHaveProperty('signatureCheck');
    expect(result.remedy).toContain('App secret');

    const detailed = await sandboxWith(true);
    const bearer = await release(detailed, appProfile(detailed, 'bearer'), 'not-the-token');
    expect(bearer.result).toMatchObject({ ok: false, kind: 'auth' });
    expect(bearer.result).not.toHaveProperty('signatureCheck');
  });
});
