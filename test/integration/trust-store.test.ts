// Trust: Node's bundled roots + the OS store + NODE_EXTRA_CA_CERTS by default, and a profile's CA on top
// of that (never instead of it). An HTTPS sandbox whose certificate comes from a private CA is reached
// by the real transport and by the built CLI (`npm run build` first) with that CA given as PEM, as DER
// and as NODE_EXTRA_CA_CERTS.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/trust-store.test.ts
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { TransportError } from '../../electron/core/koodrive/transport';
import { defaultTrust } from '../../electron/core/koodrive/trustStore';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';
import { type CliRun, cleanEnv, runBuiltCli } from '../support/runCli';
import { type TestCa, createTestCa } from '../support/testCa';

let ca: TestCa;
let otherCa: TestCa;
let sandbox: RunningSandbox;
let dir: string;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  ca = await createTestCa('KooDrive Test Private CA');
  otherCa = await createTestCa('Some Other Company CA');
  sandbox = await startSandbox({ certificate: await ca.issue(), seedLocks: 0 });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-trust-'));
  await fs.writeFile(file('ca.pem'), ca.certPem);
  await fs.writeFile(file('ca.der'), new X509Certificate(ca.certPem).raw);
  await fs.writeFile(file('other.pem'), otherCa.certPem);
  await fs.writeFile(file('other.der'), new X509Certificate(otherCa.certPem).raw);
  await fs.writeFile(file('garbage.der'), Buffer.from([0x30, 0x82, 0x01, 0x00, 1, 2, 3]));
});

afterAll(async () => {
  await sandbox?.stop();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('the default trust (in process)', () => {
  it('holds every bundled root, every OS store certificate and every NODE_EXTRA_CA_CERTS certificate', () => {
    const trusted = new Set(defaultTrust().certificates);
    for (const pem of tls.rootCertificates) expect(trusted.has(pem)).toBe(true);
    for (const pem of tls.getCACertificates('system')) expect(trusted.has(pem)).toBe(true);
    for (const pem of tls.getCACertificates('extra')) expect(trusted.has(pem)).toBe(true);
    expect(tls.getCACertificates('system').length).toBeGreaterThan(0);
    expect(defaultTrust().sources.join(', ')).toMatch(/bundled.*OS trust store/);
  });

  it('does not trust the private CA by itself; the profile CA adds it', async () => {
    const transport = createHttpTransport();
    const request = (caPem?: string) =>
      transport({
        method: 'GET',
        url: new URL(`${sandbox.url}/`),
        headers: {},
        timeoutMs: 3000,
        maxBodyBytes: 65536,
        ...(caPem ? { tls: { caPem } } : {}),
      });
    try {
      const refused = await request().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TransportError);
      expect((refused as TransportError).failure).toBe('tls');
      expect((await request(ca.certPem)).status).toBeGreaterThan(0);
    } finally {
      transport.close();
    }
  });
});

describe('the built CLI against an HTTPS sandbox with a private CA', () => {
  let data: string;
  beforeAll(async () => {
    data = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-trust-data-'));
  });
  afterAll(async () => {
    await fs.rm(data, { recursive: true, force: true });
  });

  const release = async (extraArgs: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> => {
    const lockId = sandbox.addLock();
    const env = cleanEnv({
      KOODRIVE_TOKEN: sandbox.credentials.token,
      KOODRIVE_LOCK_ADMIN_DATA_DIR: data,
      ...extraEnv,
    });
    const args = ['release', '--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
    const run = await runBuiltCli([...args, ...extraArgs, lockId], env);
    if (run.code === 0) expect(sandbox.activeLockIds()).not.toContain(lockId);
    return run;
  };

  it('without the CA: a TLS failure (exit 3) that says what to do', async () => {
    const run = await release([]);
    expect(run.code).toBe(3);
    expect(run.stdout + run.stderr).toMatch(/not trusted/);
  });

  it('--ca-file with the CA as PEM', async () => {
    expect(await release(['--ca-file', file('ca.pem')])).toMatchObject({ code: 0 });
  });

  it('--ca-file with the CA as DER (the default export on Windows)', async () => {
    expect(await release(['--ca-file', file('ca.der')])).toMatchObject({ code: 0 });
  });

  it('NODE_EXTRA_CA_CERTS with the CA, no --ca-file', async () => {
    expect(await release([], { NODE_EXTRA_CA_CERTS: file('ca.pem') })).toMatchObject({ code: 0 });
  });

  it('NODE_EXTRA_CA_CERTS is kept when --ca-file adds another CA (PEM or DER)', async () => {
    const env = { NODE_EXTRA_CA_CERTS: file('ca.pem') };
    expect(await release(['--ca-file', file('other.pem')], env)).toMatchObject({ code: 0 });
    expect(await release(['--ca-file', file('other.der')], env)).toMatchObject({ code: 0 });
    // The other CA alone does not make the sandbox trusted: the success above came from NODE_EXTRA_CA_CERTS.
    expect((await release(['--ca-file', file('other.pem')])).code).toBe(3);
  });

  it('a --ca-file that is neither PEM nor DER is refused (exit 2) before anything is sent', async () => {
    const before = sandbox.received().length;
    const run = await release(['--ca-file', file('garbage.der')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a certificate');
    expect(sandbox.received().length).toBe(before);
  });
});
