import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionReport, ConnectionStep, ConnectionStepName } from '../../../../shared/diagnostics';
import type { Profile } from '../../../../shared/profile';
import { systemClock } from '../../../../electron/core/clock';
import { type ConnectionCheckDeps, checkConnection } from '../../../../electron/core/diagnostics/connectionCheck';
import { type HttpTransport, createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';
import { type TestCertificate, testCertificate } from '../../../support/certificates';
import {
  type LocalServer,
  closedPort,
  startConnectProxy,
  startHttpServer,
  startHttpsServer,
  startSilentServer,
} from '../../../support/servers';

const USER_ID = '1505084218764547200';

function profileFor(baseUrl: string, extra: Partial<Profile> = {}): Profile {
  return {
    id: 'diag',
    name: 'Diag',
    environment: 'other',
    baseUrl,
    userId: USER_ID,
    authMode: 'bearer',
    moduleCode: '102',
    ...extra,
  };
}

function step(report: ConnectionReport, name: ConnectionStepName): ConnectionStep {
  const found = report.steps.find((candidate) => candidate.step === name);
  if (!found) throw new Error(`no ${name} step`);
  return found;
}

function expectSkippedAfter(report: ConnectionReport, failedStep: ConnectionStepName): void {
  const names = report.steps.map((candidate) => candidate.step);
  expect(names).toEqual(['dns', 'tcp', 'tls', 'http', 'auth']);
  const index = names.indexOf(failedStep);
  expect(report.steps[index].ok).toBe(false);
  expect(report.steps[index].remedy).toBeTruthy();
  for (const later of report.steps.slice(index + 1)) {
    expect(later).toMatchObject({ ok: null, durationMs: 0, remedy: null });
    expect(later.detail).toContain(`the ${failedStep.toUpperCase()} step failed`);
  }
}

describe('checkConnection against local servers', () => {
  let transport: HttpTransport;
  const servers: LocalServer[] = [];
  let selfSigned: TestCertificate;
  let deps: ConnectionCheckDeps;

  beforeAll(async () => {
    selfSigned = await testCertificate({ dnsNames: ['localhost'], ips: ['127.0.0.1'], fromDays: -1, toDays: 90 });
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
    transport?.close();
  });

  function setup(overrides: Partial<ConnectionCheckDeps> = {}): ConnectionCheckDeps {
    transport = createHttpTransport();
    deps = {
      transport,
      clock: systemClock,
      secretFor: async () => ({ ok: true, secret: 'not-used-token' }),
      timeoutMs: 3000,
      ...overrides,
    };
    return deps;
  }

  async function serve<T extends LocalServer>(started: Promise<T>): Promise<T> {
    const server = await started;
    servers.push(server);
    return server;
  }

  it('fails at TLS for a self-signed certificate, describing it and saying what to do', async () => {
    const server = await serve(startHttpsServer(selfSigned));
    const report = await checkConnection(profileFor(`https://127.0.0.1:${server.port}`), setup());
    expect(step(report, 'dns')).toMatchObject({ ok: true });
    expect(step(report, 'tcp')).toMatchObject({ ok: true });
    const tls = step(report, 'tls');
    expect(tls.detail).toContain('self-signed');
    expect(tls.detail).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(tls.remedy).toContain('extra CA');
    expect(tls.certificate).toMatchObject({ subject: 'CN=diagnostics.test', issuer: 'CN=diagnostics.test' });
    expectSkippedAfter(report, 'tls');
  });

  it('passes TLS and HTTP when the same certificate is the profile’s extra CA', async () => {
    const server = await serve(startHttpsServer(selfSigned));
    const report = await checkConnection(
      profileFor(`https://127.0.0.1:${server.port}`, { caPem: selfSigned.certPem }),
      setup(),
    );
    const tls = step(report, 'tls');
    expect(tls).toMatchObject({ ok: true, remedy: null });
    expect(tls.detail).toMatch(
      /^TLSv1\.[23]; the certificate is trusted and valid for 127\.0\.0\.1, expires in (89|90) days\.$/,
    );
    expect(Date.parse(tls.certificate?.validTo ?? '')).toBeGreaterThan(Date.now() + 88 * 86_400_000);
    expect(step(report, 'http')).toMatchObject({ ok: true });
    expect(step(report, 'http').detail).toContain('HTTP 404');
    // The test server is not KooDrive: its 404 for the record listing is not an authentication answer.
    expect(step(report, 'auth').ok).toBe(false);
  });

  it('fails at TLS for an expired certificate even when it is trusted', async () => {
    const expired = await testCertificate({ ips: ['127.0.0.1'], fromDays: -60, toDays: -2 });
    const server = await serve(startHttpsServer(expired));
    const report = await checkConnection(
      profileFor(`https://127.0.0.1:${server.port}`, { caPem: expired.certPem }),
      setup(),
    );
    const tls = step(report, 'tls');
    expect(tls.detail).toContain('CERT_HAS_EXPIRED');
    expect(tls.detail).toContain('expired on');
    expect(tls.remedy).toContain('renew');
    expectSkippedAfter(report, 'tls');
  });

  it('warns, but passes, when a trusted certificate expires within 14 days', async () => {
    const soon = await testCertificate({ ips: ['127.0.0.1'], fromDays: -30, toDays: 10 });
    const server = await serve(startHttpsServer(soon));
    const report = await checkConnection(
      profileFor(`https://127.0.0.1:${server.port}`, { caPem: soon.certPem }),
      setup(),
    );
    const tls = step(report, 'tls');
    expect(tls.ok).toBe(true);
    expect(tls.detail).toMatch(/expires in (9|10) days/);
    expect(tls.remedy).toMatch(/expires in (9|10) days .*renew it in time/);
  });

  it('fails at TLS when the certificate is for another host', async () => {
    const other = await testCertificate({ dnsNames: ['other.example'], fromDays: -1, toDays: 90 });
    const server = await serve(startHttpsServer(other));
    const report = await checkConnection(
      profileFor(`https://127.0.0.1:${server.port}`, { caPem: other.certPem }),
      setup(),
    );
    const tls = step(report, 'tls');
    expect(tls.detail).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(tls.detail).toContain('other.example');
    expect(tls.remedy).toContain('base URL');
    expectSkippedAfter(report, 'tls');
  });

  it('fails at TLS when the handshake never completes within the timeout', async () => {
    const server = await serve(startSilentServer());
    const started = Date.now();
    const report = await checkConnection(profileFor(`https://127.0.0.1:${server.port}`), setup({ timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(step(report, 'tls').detail).toContain('did not finish within 0.3 s');
    expectSkippedAfter(report, 'tls');
  });

  it('fails at TCP for a closed port', async () => {
    const port = await closedPort();
    const report = await checkConnection(profileFor(`https://127.0.0.1:${port}`), setup());
    expect(step(report, 'tcp').detail).toContain('ECONNREFUSED');
    expect(step(report, 'tcp').remedy).toContain('port');
    expectSkippedAfter(report, 'tcp');
  });

  it('fails at DNS for a name that cannot exist (.invalid)', async () => {
    const report = await checkConnection(profileFor('https://koodrive.invalid'), setup());
    expect(report.host).toBe('koodrive.invalid');
    expect(step(report, 'dns').detail).toContain('koodrive.invalid could not be resolved');
    expect(step(report, 'dns').remedy).toContain('spelling');
    expectSkippedAfter(report, 'dns');
  });

  it('bounds a DNS lookup that never answers by the timeout', async () => {
    const report = await checkConnection(
      profileFor('https://slow.example'),
      setup({ timeoutMs: 100, lookup: () => new Promise(() => {}) }),
    );
    expect(step(report, 'dns').detail).toContain('did not finish within 0.1 s');
    expectSkippedAfter(report, 'dns');
  });

  it('uses the resolved address for TCP and lists what the name resolves to', async () => {
    const server = await serve(startHttpServer((_req, res) => res.end()));
    // Only loopback: the injected resolver answers 127.0.0.1 for a made-up name (http is refused for it by
    // the profile rules, so this goes straight to the steps rather than through checkConnection).
    const { dnsStep } = await import('../../../../electron/core/diagnostics/dnsStep');
    const { tcpStep } = await import('../../../../electron/core/diagnostics/tcpStep');
    const dns = await dnsStep({
      hostname: 'gw.example',
      proxyNote: null,
      timeoutMs: 1000,
      lookup: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    expect(dns).toEqual({
      outcome: {
        ok: true,
        detail: 'gw.example resolves to 127.0.0.1.',
        detailMessage: { key: 'detail.dns.resolved', params: { what: 'gw.example', addresses: '127.0.0.1' } },
        remedy: null,
      },
      address: '127.0.0.1',
    });
    const tcp = await tcpStep({
      hostname: 'gw.example',
      address: dns.address,
      port: server.port,
      proxyNote: null,
      timeoutMs: 1000,
    });
    expect(tcp).toEqual({
      ok: true,
      detail: `Connected to 127.0.0.1:${server.port}.`,
      detailMessage: { key: 'detail.tcp.connected', params: { what: `127.0.0.1:${server.port}` } },
      remedy: null,
    });
  });

  describe('against the sandbox', () => {
    let sandbox: RunningSandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0 });
    });
    afterAll(async () => {
      await sandbox.stop();
    });

    it('skips TLS on plain HTTP to the local sandbox and passes every other step', async () => {
      const profile = profileFor(sandbox.url, { userId: sandbox.credentials.userId });
      const report = await checkConnection(
        profile,
        setup({ secretFor: async () => ({ ok: true, secret: sandbox.credentials.token }) }),
      );
      expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
        ['dns', true],
        ['tcp', true],
        ['tls', null],
        ['http', true],
        ['auth', true],
      ]);
      expect(step(report, 'tls').detail).toContain('plain HTTP to the local sandbox');
      expect(step(report, 'auth').detail).toContain('accepted the access token');
      expect(sandbox.received().at(-1)).toMatchObject({
        method: 'GET',
        path: '/koodrive/ose/v1/backup/record',
        outcome: 'listed-records',
      });
    });

    it('fails the authenticated step for a wrong token, with the auth remedy, and never shows the token', async () => {
      const report = await checkConnection(
        profileFor(sandbox.url, { userId: sandbox.credentials.userId }),
        setup({ secretFor: async () => ({ ok: true, secret: 'wrong-token-123456' }) }),
      );
      const auth = step(report, 'auth');
      expect(auth.ok).toBe(false);
      expect(auth.detail).toContain('HTTP 401');
      expect(auth.detail).toContain('APIGW.0301');
      expect(auth.remedy).toContain('rejected the access token');
      expect(JSON.stringify(report)).not.toContain('wrong-token-123456');
    });

    it('fails the authenticated step with a clear remedy when no secret is stored, or the keychain is unavailable', async () => {
      const profile = profileFor(sandbox.url, { userId: sandbox.credentials.userId });
      const none = await checkConnection(profile, setup({ secretFor: async () => ({ ok: true, secret: null }) }));
      expect(step(none, 'auth')).toMatchObject({ ok: false });
      expect(step(none, 'auth').remedy).toContain('paste the access token');
      const locked = await checkConnection(
        profile,
        setup({ secretFor: async () => ({ ok: false, problem: 'The keychain is locked. Unlock it.' }) }),
      );
      expect(step(locked, 'auth')).toMatchObject({ ok: false, detail: 'The keychain is locked. Unlock it.' });
    });

    it('signs the read-only call with HMAC in app mode', async () => {
      const profile = profileFor(sandbox.url, {
        userId: sandbox.credentials.userId,
        authMode: 'app',
        appId: sandbox.credentials.appId,
      });
      const good = await checkConnection(
        profile,
        setup({ secretFor: async () => ({ ok: true, secret: sandbox.credentials.appSecret }) }),
      );
      expect(step(good, 'auth')).toMatchObject({ ok: true });
      transport.close();
      const bad = await checkConnection(
        profile,
        setup({ secretFor: async () => ({ ok: true, secret: 'not-the-app-secret' }) }),
      );
      expect(step(bad, 'auth')).toMatchObject({ ok: false });
      expect(step(bad, 'auth').detail).toContain('signature verification failed');
      expect(sandbox.received().at(-1)?.outcome).toBe('rejected:bad-signature');
    });
  });

  describe('through a proxy', () => {
    it('tests the proxy in the DNS and TCP steps and tunnels TLS through it', async () => {
      const proxy = await serve(startConnectProxy());
      const server = await serve(startHttpsServer(selfSigned));
      const profile = profileFor(`https://127.0.0.1:${server.port}`, {
        caPem: selfSigned.certPem,
        proxyUrl: `http://127.0.0.1:${proxy.port}`,
      });
      const report = await checkConnection(profile, setup());
      expect(step(report, 'dns').detail).toContain('The proxy host 127.0.0.1');
      expect(step(report, 'dns').detail).toContain(
        `Requests go through the proxy 127.0.0.1:${proxy.port} (set in the profile), so this step tests the proxy`,
      );
      expect(step(report, 'tcp').detail).toContain(`Connected to the proxy at 127.0.0.1:${proxy.port}`);
      expect(step(report, 'tls')).toMatchObject({ ok: true });
      expect(step(report, 'http')).toMatchObject({ ok: true });
      expect(proxy.tunnels).toEqual([
        `127.0.0.1:${server.port}`,
        `127.0.0.1:${server.port}`,
        `127.0.0.1:${server.port}`,
      ]);
    });

    it('fails at TCP when the proxy is down, saying it is the proxy', async () => {
      const port = await closedPort();
      const report = await checkConnection(
        profileFor('https://koodrive.invalid', { proxyUrl: `http://127.0.0.1:${port}` }),
        setup(),
      );
      expect(step(report, 'dns')).toMatchObject({ ok: true });
      expect(step(report, 'tcp').detail).toContain('the proxy at');
      expect(step(report, 'tcp').remedy).toContain('proxy');
      expectSkippedAfter(report, 'tcp');
    });
  });
});
