// Diagnoses that name the right culprit: https:// to a port that speaks plain HTTP is reported as such,
// by the lock service (through the real transport and classify) and by the connection check's TLS step.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/wrong-culprit.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { english } from '../../shared/messages/english';
import type { Profile } from '../../shared/profile';
import { systemClock } from '../../electron/core/clock';
import { connectionTarget } from '../../electron/core/diagnostics/connectionTarget';
import { tlsStep } from '../../electron/core/diagnostics/tlsStep';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { TransportError } from '../../electron/core/koodrive/transport';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

let plain: RunningSandbox;

beforeAll(async () => {
  plain = await startSandbox({ seedLocks: 0 });
});

afterAll(async () => {
  await plain?.stop();
});

const httpsToPlain = () => plain.url.replace('http://', 'https://');

function profile(): Profile {
  return {
    id: 'plain-port',
    name: 'Plain port',
    baseUrl: httpsToPlain(),
    userId: plain.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
    environment: 'sandbox',
  };
}

describe('https:// to a port that speaks plain HTTP', () => {
  it('the sandbox really is plain HTTP', () => {
    expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('the transport says the port does not speak TLS, and the remedy says to use the HTTPS port', async () => {
    const { classify } = await import('../../electron/core/koodrive/classify');
    const { LOCK_OPERATIONS } = await import('../../electron/core/koodrive/lockOperations');
    const transport = createHttpTransport();
    const error = await transport({
      method: 'GET',
      url: new URL(`${httpsToPlain()}/`),
      headers: {},
      timeoutMs: 3000,
      maxBodyBytes: 65536,
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    transport.close();
    expect(error).toBeInstanceOf(TransportError);
    const failure = error as TransportError;
    expect(failure.message).toMatch(/does not speak TLS: it answered like plain HTTP \(ERR_SSL_WRONG_VERSION_NUMBER\)/);
    const result = classify({
      operation: LOCK_OPERATIONS.release,
      httpStatus: null,
      body: null,
      transportError: failure,
    });
    expect(result.kind).toBe('tls');
    expect(result.remedy).toMatch(/answered in plain HTTP, not TLS/);
    expect(result.remedy).not.toMatch(/not trusted/);
  });

  it('an unusable proxy address (socks5://) is blamed on the proxy setting, before anything is sent', async () => {
    const { classify } = await import('../../electron/core/koodrive/classify');
    const { LOCK_OPERATIONS } = await import('../../electron/core/koodrive/lockOperations');
    const transport = createHttpTransport();
    const before = plain.received().length;
    const error = await transport({
      method: 'GET',
      url: new URL('https://koodrive.invalid/'),
      headers: {},
      timeoutMs: 3000,
      maxBodyBytes: 65536,
      proxyUrl: 'socks5://user:secret@127.0.0.1:1080',
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    transport.close();
    const failure = error as TransportError;
    expect(failure.message).toMatch(/^Only http:\/\/ and https:\/\/ proxies are supported/);
    expect(failure.message).not.toContain('secret');
    const result = classify({
      operation: LOCK_OPERATIONS.release,
      httpStatus: null,
      body: null,
      transportError: failure,
    });
    expect(result).toMatchObject({ kind: 'network' });
    expect(result.remedy).toMatch(/^The proxy could not be reached .*check the proxy address/);
    expect(plain.received().length).toBe(before);
  });

  it('the connection check TLS step says so too', async () => {
    const resolved = connectionTarget(profile());
    if (!resolved.ok) throw new Error(resolved.problem);
    const outcome = await tlsStep({ target: resolved.target, timeoutMs: 3000, nowMs: systemClock.now().getTime() });
    expect(outcome.ok).toBe(false);
    expect(outcome.detail).toMatch(/does not speak TLS: it answered like plain HTTP/);
    if (!outcome.remedy) throw new Error('the TLS step gave no remedy');
    expect(english(outcome.remedy)).toMatch(/answered in plain HTTP, not TLS/);
  });
});
