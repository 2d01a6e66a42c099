import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliLocale } from '../../../electron/cli/cliLocale';
import { type RunningSandbox, startSandbox } from '../../../electron/sandbox/server';
import { runCli, removeTempDirs, tempDir } from './harness';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seedLocks: 0 });
});
afterAll(async () => {
  await sandbox.stop();
  await removeTempDirs();
});

async function releaseWithWrongToken(env: Record<string, string>) {
  const args = ['release', '--data-dir', await tempDir(), '--base-url', sandbox.url];
  args.push('--user-id', sandbox.credentials.userId, '--auth', 'bearer', sandbox.addLock());
  return runCli(args, { env: { KOODRIVE_TOKEN: 'wrong-token-5d1c', ...env } });
}

describe("the CLI's language (docs/cli.md#language)", () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG; Simplified Chinese only', () => {
    expect(cliLocale({})).toBe('en');
    expect(cliLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLocale({ LANG: 'zh' })).toBe('zh-CN');
    expect(cliLocale({ LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(cliLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(cliLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLocale({ LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: 'zh_SG' })).toBe('zh-CN');
  });

  it('prints the remedy of a 401 in English by default', async () => {
    const { code, stdout } = await releaseWithWrongToken({ LANG: 'en_US.UTF-8' });
    expect(code).toBe(1);
    expect(stdout).toContain('HTTP 401');
    expect(stdout).toContain('KooDrive rejected the access token (tokens expire after 20 minutes without use)');
  });

  it('prints it in Chinese with LANG=zh_CN.UTF-8, the rest of the line unchanged', async () => {
    const { code, stdout } = await releaseWithWrongToken({ LANG: 'zh_CN.UTF-8' });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAILED .*\(HTTP 401.*\) — KooDrive 拒绝了访问令牌（令牌闲置 20 分钟后过期）/);
    expect(stdout).not.toContain('rejected the access token');
  });

  it('words an input check in Chinese too', async () => {
    const args = ['release', '--data-dir', await tempDir(), '--base-url', sandbox.url];
    args.push('--user-id', sandbox.credentials.userId, '--auth', 'bearer', 'ab\u00a0c@102');
    const { code, stdout, stderr } = await runCli(args, { env: { KOODRIVE_TOKEN: 't0ken-x', LANG: 'zh_CN.UTF-8' } });
    expect(code).toBe(2);
    expect(stdout + stderr).toContain('锁 ID 只包含可打印的 ASCII 字符');
    expect(stdout + stderr).toContain('第 3 个字符是 U+00A0 NO-BREAK SPACE：请删除它。');
  });

  it("words profile add's and profile update's field checks in Chinese, after the flag; English without LANG", async () => {
    const dataDir = await tempDir();
    const add = (env: Record<string, string>, ...extra: string[]) =>
      runCli(['profile', 'add', '--data-dir', dataDir, '--name', 'p1', '--auth', 'app', ...extra], { env });

    const plainHttp = await add({ LANG: 'zh_CN.UTF-8' }, '--base-url', 'http://koodrive.example', '--app-id', 'a1');
    expect(plainHttp.code).toBe(2);
    expect(plainHttp.stderr).toContain('--base-url: 明文 http:// 只允许用于本机');
    const english = await add({ LANG: 'C' }, '--base-url', 'http://koodrive.example', '--app-id', 'a1');
    expect(english.stderr).toContain('--base-url: Plain http:// is only allowed for this computer');

    const noAppId = await add({ LANG: 'zh_CN.UTF-8' }, '--base-url', sandbox.url);
    expect(noAppId.code).toBe(2);
    expect(noAppId.stderr).toContain('应用认证需要 KooDrive 控制台中的 App ID（AppId）。请用 --app-id 提供。');

    const longName = await runCli(
      ['profile', 'add', '--data-dir', dataDir, '--name', 'x'.repeat(65), '--auth', 'app', '--base-url', sandbox.url],
      { env: { LANG: 'zh_CN.UTF-8' } },
    );
    expect(longName.stderr).toMatch(/最多 64 个字符/);

    expect((await add({ LANG: 'zh_CN.UTF-8' }, '--base-url', sandbox.url, '--app-id', 'a1')).code).toBe(0);
    const update = await runCli(['profile', 'update', 'p1', '--data-dir', dataDir, '--auth', 'bearer'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(update.code).toBe(2);
    expect(update.stderr).toContain(
      '访问令牌属于一个用户：请输入该用户的 ID（令牌不能代表其他用户）。请用 --user-id 提供。未做任何更改。',
    );
  });

  it("words a lock ID file's invalid rows in Chinese, and in English without LANG", async () => {
    const dir = await tempDir();
    const file = join(dir, 'locks.txt');
    await writeFile(file, `${sandbox.addLock()}\n1505084218764547200\n`);
    const args = ['release', '--data-dir', dir, '--base-url', sandbox.url, '--user-id', sandbox.credentials.userId];
    args.push('--auth', 'bearer', '--file', file);
    const chinese = await runCli(args, { env: { KOODRIVE_TOKEN: 't0ken-x', LANG: 'zh_CN.UTF-8' } });
    expect(chinese.code).toBe(2);
    expect(chinese.stdout + chinese.stderr).toContain('单独的数字不是锁 ID（它看起来像用户 ID）');
    expect(chinese.stdout + chinese.stderr).not.toContain('A number alone');
    const english = await runCli(args, { env: { KOODRIVE_TOKEN: 't0ken-x', LANG: 'C.UTF-8' } });
    expect(english.code).toBe(2);
    expect(english.stdout + english.stderr).toContain('A number alone is not a lock ID (it looks like a user ID)');
  });
});
