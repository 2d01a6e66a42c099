/**
 * The connection check's step details and the clock check's message travel as messages
 * (docs/renderer.md#messages-from-main-keys-and-parameters): the message in English is exactly the English text
 * every other reader gets, and in Chinese it is Chinese, the codes, hosts and statuses kept.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClockCheck, ConnectionReport, ConnectionStep } from '../../../../shared/diagnostics';
import { english } from '../../../../shared/messages/english';
import { localized } from '../../../../shared/messages/localized';
import type { Profile } from '../../../../shared/profile';
import { systemClock } from '../../../../electron/core/clock';
import { judgeClock, unknownClock } from '../../../../electron/core/diagnostics/clockVerdict';
import { type ConnectionCheckDeps, checkConnection } from '../../../../electron/core/diagnostics/connectionCheck';
import { routeWhy } from '../../../../electron/core/diagnostics/routeWords';
import { type HttpTransport, createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import { decideProxy, decisionWords } from '../../../../electron/core/koodrive/proxyDecision';
import { message } from '../../../../shared/messages/message';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';
import { type TestCertificate, testCertificate } from '../../../support/certificates';
import { type LocalServer, closedPort, startConnectProxy, startHttpsServer } from '../../../support/servers';

/** Words of the English details that must not survive in the Chinese ones. */
const ENGLISH_WORDS =
  /\b(Skipped|resolves|Route|direct|proxy|Connected|connection|refused|certificate|server|answered|accepted|rejected|KooDrive (accepted|rejected)|the)\b/;

function profileFor(baseUrl: string, extra: Partial<Profile> = {}): Profile {
  return {
    id: 'details',
    name: 'Details',
    environment: 'other',
    baseUrl,
    userId: '1505084218764547200',
    authMode: 'bearer',
    moduleCode: '102',
    ...extra,
  };
}

/** The step's detail in Chinese; `serverSaid` (the server's own msg, a parameter) is left out of the word check. */
function expectWorded(step: ConnectionStep, serverSaid = ''): string {
  if (!step.detailMessage) throw new Error(`the ${step.step} step has no detailMessage`);
  expect(english(step.detailMessage)).toBe(step.detail);
  const chinese = localized('zh-CN', step.detailMessage);
  expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  expect(chinese.replace(serverSaid, '')).not.toMatch(ENGLISH_WORDS);
  return chinese;
}

function expectClockWorded(check: ClockCheck): string {
  if (!check.verdictMessage) throw new Error('the clock check has no verdictMessage');
  expect(english(check.verdictMessage)).toBe(check.message);
  const chinese = localized('zh-CN', check.verdictMessage);
  expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  return chinese;
}

function byStep(report: ConnectionReport): Record<string, string> {
  return Object.fromEntries(report.steps.map((step) => [step.step, expectWorded(step)]));
}

describe('step details as messages', () => {
  let transport: HttpTransport;
  let sandbox: RunningSandbox;
  let selfSigned: TestCertificate;
  const servers: LocalServer[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    selfSigned = await testCertificate({ dnsNames: ['localhost'], ips: ['127.0.0.1'], fromDays: -1, toDays: 90 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });
  afterEach(async () => {
    transport?.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  function deps(secret: string | null): ConnectionCheckDeps {
    transport = createHttpTransport();
    return { transport, clock: systemClock, timeoutMs: 3000, secretFor: async () => ({ ok: true, secret }) };
  }

  it('every step of a passing check, in English exactly its detail and in Chinese', async () => {
    const report = await checkConnection(
      profileFor(sandbox.url, { userId: sandbox.credentials.userId }),
      deps(sandbox.credentials.token),
    );
    const zh = byStep(report);
    expect(zh.dns).toBe('127.0.0.1 是 IP 地址：无需查询。路由：直连，不经代理（直连；系统代理：此环境中不可用）。');
    expect(zh.tls).toBe('已跳过：到本地沙箱的连接是明文 HTTP，没有 TLS 可检查。');
    expect(zh.http).toMatch(/^服务器对 GET \/koodrive\/ose\/v1\/backup\/lock 应答了 HTTP \d{3}（/);
    expect(zh.auth).toMatch(
      /^KooDrive 接受了用户 \d+ 的访问令牌：GET \/koodrive\/ose\/v1\/backup\/record\?.* 应答 HTTP 200/,
    );
  });

  it('a refused authenticated call: the server answer is kept, the secret is not', async () => {
    const report = await checkConnection(
      profileFor(sandbox.url, { userId: sandbox.credentials.userId }),
      deps('wrong-token-77aa31'),
    );
    const auth = report.steps.find((step) => step.step === 'auth');
    if (!auth) throw new Error('no auth step');
    const serverSaid =
      'Incorrect IAM authentication information: the bearer token is not valid (expired, revoked or mistyped)';
    expect(expectWorded(auth, serverSaid)).toMatch(
      /^KooDrive 拒绝了经过认证的调用 GET .*：HTTP 401，代码 APIGW\.0301：Incorrect IAM .*（请求 ID [\w-]+）。$/,
    );
    expect(JSON.stringify(report)).not.toContain('wrong-token-77aa31');
  });

  it('a refused TCP connection and the skipped steps after it', async () => {
    const port = await closedPort();
    const report = await checkConnection(profileFor(`http://127.0.0.1:${port}`), deps(null));
    const zh = byStep(report);
    expect(zh.tcp).toBe(`到 127.0.0.1:${port} 的连接被拒绝（ECONNREFUSED）。`);
    expect(zh.tls).toBe('已跳过：TCP 步骤失败。');
    expect(zh.auth).toBe('已跳过：TCP 步骤失败。');
  });

  it('a self-signed certificate, and the route through a proxy', async () => {
    const server = await startHttpsServer(selfSigned);
    servers.push(server);
    const direct = byStep(await checkConnection(profileFor(`https://127.0.0.1:${server.port}`), deps(null)));
    expect(direct.tls).toBe('服务器的证书是自签名的（DEPTH_ZERO_SELF_SIGNED_CERT），因此本机不信任它。');

    const proxy = await startConnectProxy();
    servers.push(proxy);
    const profile = profileFor(`https://127.0.0.1:${server.port}`, {
      caPem: selfSigned.certPem,
      proxyUrl: `http://127.0.0.1:${proxy.port}`,
    });
    const zh = byStep(await checkConnection(profile, deps(null)));
    const route = `请求经由代理 127.0.0.1:${proxy.port}（在配置中设置），因此此步骤检测的是代理；由代理自行连接 127.0.0.1:${server.port}。`;
    expect(zh.dns).toBe(`代理主机 127.0.0.1 是 IP 地址：无需查询。${route}`);
    expect(zh.tcp).toBe(`已连接到 位于 127.0.0.1:${proxy.port} 的代理。${route}`);
    expect(zh.tls).toMatch(/^TLSv1\.[23]；证书受信任，且对 127\.0\.0\.1 有效，\d+ 天后过期。$/);
    expect(zh.auth).toBe('此配置没有保存访问令牌，因此没有进行经过认证的调用。');
  });
});

describe('the route in words', () => {
  it('gives the fixed reasons of the proxy decision their own words, the rest as the decision said it', async () => {
    const cases = [
      [profileFor('https://h.example', { proxyUrl: 'http://p.example:8080' }), {}, '在配置中设置'],
      [profileFor('https://h.example'), {}, '直连；系统代理：此环境中不可用'],
      [
        profileFor('https://h.example'),
        { env: { NO_PROXY: 'h.example', HTTPS_PROXY: 'http://p:1' } },
        'NO_PROXY 豁免了此主机；系统代理：此环境中不可用',
      ],
      [
        profileFor('https://h.example'),
        { env: { HTTPS_PROXY: 'http://p:1' } },
        'HTTPS_PROXY；系统代理：此环境中不可用',
      ],
      [
        profileFor('https://h.example'),
        { systemProxy: { name: 'system proxy settings', resolve: async () => 'DIRECT', directIsFinal: false } },
        '直连；系统代理设置：DIRECT',
      ],
    ] as const;
    for (const [profile, routing, chinese] of cases) {
      const decision = await decideProxy(profile, routing);
      const why = message('detail.route.direct', { why: routeWhy(decision) });
      expect(english(why)).toBe(`Route: direct, no proxy (${decisionWords(decision)}).`);
      expect(localized('zh-CN', why)).toBe(`路由：直连，不经代理（${chinese}）。`);
    }
  });
});

describe('the clock message as a message', () => {
  const SERVER = Date.UTC(2025, 0, 15, 8, 30, 0);
  const sample = (localAheadMs: number) => ({
    sentAtMs: SERVER + localAheadMs - 10,
    roundTripMs: 20,
    serverDate: new Date(SERVER).toUTCString(),
  });

  it('renders every verdict in English exactly as its message, and in Chinese', () => {
    expect(expectClockWorded(judgeClock(sample(0)))).toBe(
      '本机时钟与服务器一致：相差不到 2 秒（测量精度约为 ±1 秒，因为服务器的 Date 头只精确到整秒）。',
    );
    expect(expectClockWorded(judgeClock(sample(90_000)))).toMatch(
      /^本机时钟比服务器快约 90 秒（.*或在修复之前使用服务器时间签名。$/,
    );
    expect(expectClockWorded(judgeClock(sample(-20 * 60_000)))).toMatch(/^本机时钟比服务器慢约 20 分钟（/);
    expect(expectClockWorded(judgeClock(sample(-10 * 60_000)))).toMatch(/仍然接受/);
    expect(expectClockWorded(judgeClock(sample(3 * 24 * 3_600_000)))).toMatch(
      /^本机时钟比服务器快约 3 天（.*（NTP）。$/,
    );
    expect(expectClockWorded(judgeClock(sample(-5 * 3_600_000)))).toMatch(/慢约 5 小时/);
    expect(expectClockWorded(judgeClock({ ...sample(0), serverDate: undefined }))).toMatch(
      /^服务器的应答没有 Date 头。没有服务器的时间/,
    );
    expect(
      expectClockWorded(unknownClock(SERVER, message('clock.reason.unreachable', { why: 'ECONNREFUSED' }))),
    ).toMatch(/^无法连接到服务器：ECONNREFUSED没有服务器的时间/);
  });
});
