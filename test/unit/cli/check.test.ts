import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/core/clock';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { removeTempDirs, runCli, tempDir } from './harness';

let sandbox: RunningSandbox;
let dataDir: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});
beforeEach(async () => {
  dataDir = await tempDir();
});

const bearer = (baseUrl = sandbox.url) => [
  'check',
  '--data-dir',
  dataDir,
  '--base-url',
  baseUrl,
  '--user-id',
  sandbox.credentials.userId,
  '--auth',
  'bearer',
];
const tokenEnv = () => ({ KOODRIVE_TOKEN: sandbox.credentials.token });
const stateOf = (stdout: string) =>
  Object.fromEntries(
    stdout
      .trimEnd()
      .split('\n')
      .map((row) => row.split(/\s+/).slice(0, 2)),
  );

describe('koodrive-lock check', () => {
  it('prints one line per step and exits 0 when the clock and the connection are fine', async () => {
    const { code, stdout, stderr } = await runCli(bearer(), { env: tokenEnv() });
    expect(stderr).toBe('');
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((row) => row.split(' ')[0]),
    ).toEqual(['clock', 'dns', 'tcp', 'tls', 'http', 'auth']);
    // The sandbox speaks plain HTTP, so the TLS step is skipped; everything else passes.
    expect(stateOf(stdout)).toEqual({ clock: 'ok', dns: 'ok', tcp: 'ok', tls: 'skipped', http: 'ok', auth: 'ok' });
    expect(stdout).toMatch(/^auth {3}ok {7}\(\d+ ms\) KooDrive accepted the access token for user \d+/m);
    expect(code).toBe(0);
  });

  it('exits 1 when the server refuses the authenticated call, and never prints the token', async () => {
    const wrong = 'not-the-sandbox-token-0123456789';
    const { code, stdout, stderr } = await runCli(bearer(), { env: { KOODRIVE_TOKEN: wrong } });
    expect(stateOf(stdout).auth).toBe('FAILED');
    expect(stdout).toMatch(/^auth +FAILED +\(\d+ ms\) KooDrive rejected the authenticated call .*HTTP 401/m);
    expect(`${stdout}${stderr}`).not.toContain(wrong);
    expect(code).toBe(1);
  });

  it('prints the details, the clock message and the remedy of a failed step in Chinese with LANG=zh_CN.UTF-8', async () => {
    const { code, stdout } = await runCli(bearer('http://127.0.0.1:1'), {
      env: { ...tokenEnv(), LANG: 'zh_CN.UTF-8' },
    });
    expect(code).toBe(3);
    expect(stdout).toMatch(/^clock +FAILED +无法连接到服务器：.*没有服务器的时间，就无法比较时钟。/m);
    expect(stdout).toMatch(/^dns +ok +\(\d+ ms\) 127\.0\.0\.1 是 IP 地址：无需查询。路由：直连，不经代理（/m);
    expect(stdout).toMatch(
      /^tcp +FAILED +\(\d+ ms\) 到 127\.0\.0\.1:1 的连接被拒绝（ECONNREFUSED）。 - 该地址上没有任何服务接受连接：请检查基础 URL 中的端口/m,
    );
    expect(stdout).toMatch(/^auth +skipped +已跳过：TCP 步骤失败。$/m);
    expect(stdout).not.toMatch(/Skipped|Route|resolves|refused/);
  });

  it('keeps --json in English, with the detail and clock messages as keys beside it', async () => {
    const { stdout } = await runCli([...bearer('http://127.0.0.1:1'), '--json'], {
      env: { ...tokenEnv(), LANG: 'zh_CN.UTF-8' },
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ step: 'clock', verdictMessage: { key: 'clock.unknown' } });
    expect(lines.find((line) => line.step === 'tcp')).toMatchObject({
      detail: 'The connection to 127.0.0.1:1 was refused (ECONNREFUSED).',
      detailMessage: { key: 'detail.tcp.refused', params: { what: '127.0.0.1:1' } },
    });
  });

  it('exits 2 when there is no secret: the authenticated call is not made and the line says where one comes from', async () => {
    const sentBefore = sandbox.received().length;
    const { code, stdout } = await runCli(bearer());
    expect(stateOf(stdout)).toMatchObject({ http: 'ok', auth: 'FAILED' });
    expect(stdout).toContain('KOODRIVE_TOKEN');
    expect(stdout).not.toContain('Fix the keychain');
    // The clock and HTTP steps made one unauthenticated GET each; no signed call.
    expect(sandbox.received().length - sentBefore).toBe(2);
    expect(code).toBe(2);
  });

  it('exits 3 when the server cannot be reached: TCP fails, the rest is skipped, the clock is unknown', async () => {
    const { code, stdout } = await runCli(bearer('http://127.0.0.1:1'), { env: tokenEnv() });
    expect(stateOf(stdout)).toEqual({
      clock: 'FAILED',
      dns: 'ok',
      tcp: 'FAILED',
      tls: 'skipped',
      http: 'skipped',
      auth: 'skipped',
    });
    expect(stdout).toContain('ECONNREFUSED');
    expect(code).toBe(3);
  });

  it('exits 1 when the local clock is 30 minutes ahead of the server, naming it', async () => {
    const ahead = { ...systemClock, now: () => new Date(Date.now() + 30 * 60_000) };
    const { code, stdout } = await runCli(bearer(), { env: tokenEnv(), deps: { clock: ahead } });
    expect(stdout).toMatch(/^clock +FAILED +This computer's clock is about 30 min(utes)? ahead/m);
    expect(code).toBe(1);
  });

  it('--verbose prints every request on stderr, the token redacted', async () => {
    const { code, stderr } = await runCli([...bearer(), '--verbose'], { env: tokenEnv() });
    expect(code).toBe(0);
    expect(stderr.match(/^> #\d+ GET /gm)).toHaveLength(3);
    expect(stderr).toContain('Authorization: Bearer <redacted>');
    expect(stderr).not.toContain(sandbox.credentials.token);
  });

  it('reads --secret-stdin once, also with --verbose', async () => {
    const { code, stdout } = await runCli([...bearer(), '--verbose', '--secret-stdin'], {
      stdin: `${sandbox.credentials.token}\n`,
    });
    expect(stdout).toMatch(/^auth +ok/m);
    expect(code).toBe(0);
  });

  it('--json prints one object per step, the clock first', async () => {
    const { code, stdout } = await runCli([...bearer(), '--json'], { env: tokenEnv() });
    const steps = stdout
      .trimEnd()
      .split('\n')
      .map((row) => JSON.parse(row) as { step: string; ok?: boolean | null; verdict?: string });
    expect(steps.map((step) => step.step)).toEqual(['clock', 'dns', 'tcp', 'tls', 'http', 'auth']);
    expect(steps[0].verdict).toBe('ok');
    expect(steps[5].ok).toBe(true);
    expect(code).toBe(0);
  });

  it('takes no operands, and create --help points to check instead of creating a lock to test a profile', async () => {
    const extra = await runCli([...bearer(), 'x'], { env: tokenEnv() });
    expect(extra.code).toBe(2);
    const help = await runCli(['create', '--help']);
    expect(help.stdout).toContain('koodrive-lock check');
    expect(help.stdout).not.toMatch(/check that a\s+profile and its secret work/);
  });
});
