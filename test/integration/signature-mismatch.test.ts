// A signature mismatch interpreted when the server says what it signed (docs/koodrive-protocol.md#open-questions,
// question 23): against the real sandbox with signatureDetail, through the window's handlers.
//   npx vitest run --project integration test/integration/signature-mismatch.test.ts
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../electron/app/services';
import { createMemorySecretStore } from '../../electron/core/secrets/memorySecretStore';
import { createHandlers } from '../../electron/ipc/handlers';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import type { Handlers } from '../../shared/contract';
import type { LockResult } from '../../shared/result';
import { hostRewritingProxy } from '../support/hostRewritingProxy';

let dataDir: string;
let services: AppServices;
let handlers: Handlers;
const stops: (() => Promise<void>)[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kla-signature-'));
  services = createAppServices({ dataDir, secrets: createMemorySecretStore() });
  handlers = createHandlers(services);
});

afterEach(async () => {
  await services.dispose();
  await Promise.all(stops.splice(0).map((stop) => stop()));
  await rm(dataDir, { recursive: true, force: true });
});

async function sandboxWith(signatureDetail: boolean): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, seedLocks: 0, signatureDetail });
  stops.push(() => sandbox.stop());
  return sandbox;
}

/** A reverse proxy that forwards to the sandbox with the Host header rewritten to the sandbox's, as many do. */
async function proxyInFront(target: string): Promise<string> {
  const proxy = await hostRewritingProxy(target);
  stops.push(proxy.close);
  return proxy.url;
}

async function releaseWith(sandbox: RunningSandbox, baseUrl: string, secret: string): Promise<LockResult> {
  const profile = await handlers.saveProfile({
    name: `Tenant ${stops.length}`,
    baseUrl,
    authMode: 'app',
    appId: sandbox.credentials.appId,
    moduleCode: '102',
  });
  await handlers.setSecret({ profileId: profile.id, secret });
  const lockId = sandbox.addLock({ userId: sandbox.credentials.userId, moduleCode: '102' });
  return handlers.releaseLock({ profileId: profile.id, lockId, userId: sandbox.credentials.userId });
}

const HEX = /[0-9a-f]{64}/g;

describe('a signature mismatch with the server’s string to sign', () => {
  it('the same canonical request: the App secret is wrong', async () => {
    const sandbox = await sandboxWith(true);
    const result = await releaseWith(sandbox, sandbox.url, 'an-old-app-secret');
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401 });
    expect(result.remedy).toContain('the request arrived as signed');
    expect(result.remedy).toContain('store the current App secret');
    expect(result.remedy).not.toContain('an-old-app-secret');
    expect(result.remedy).not.toContain(sandbox.credentials.appSecret);
  });

  it('a proxy that rewrites Host: changed on the way, both hashes shown', async () => {
    const sandbox = await sandboxWith(true);
    const proxied = await proxyInFront(sandbox.url);
    const result = await releaseWith(sandbox, proxied, sandbox.credentials.appSecret);
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401 });
    expect(result.remedy).toContain('changed on the way or canonicalised differently');
    expect(result.remedy).toContain('proxies that rewrite');
    const hashes = result.remedy.match(HEX) ?? [];
    expect(new Set(hashes).size).toBe(2);
    expect(result.remedy).not.toContain(sandbox.credentials.appSecret);
  });

  it('an answer without the field: not interpreted, the usual auth remedy', async () => {
    const sandbox = await sandboxWith(false);
    const result = await releaseWith(sandbox, sandbox.url, 'an-old-app-secret');
    expect(result).toMatchObject({ ok: false, kind: 'auth', httpStatus: 401 });
    expect(result.remedy).not.toContain('arrived as signed');
    expect(result.remedy).not.toContain('changed on the way');
    expect(result.remedy).toContain('App secret');
  });
});
