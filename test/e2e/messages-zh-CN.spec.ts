/**
 * Main's messages in the window's language (docs/renderer.md#messages-from-main-keys-and-parameters): in a
 * Chinese window the remedy of a refused release, the lock ID check, a failed diagnostics step (its remedy,
 * every step's detail and the clock check's message) and the profile editor's field checks read in Chinese, in
 * both themes.
 */
import { zhCN } from '../../renderer/src/i18n/zhCN';
import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a release refused with 401 shows the Chinese remedy; screenshots light and dark', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const sandbox = await startKooDrive({ seedLocks: 0 });
    await saveSandboxProfile(handlers, sandbox, { token: 'expired-token-9b2e' });
    const lockId = sandbox.addLock('102');
    const { page } = app;
    await page.reload();
    await app.ready();

    const lockField = app.field('锁 ID');
    await lockField.fill(lockId);
    await lockField.press('Enter');
    await app.dialog.getByRole('button', { name: '释放锁' }).click();
    await expect(app.dialog).toBeHidden();
    await expect(app.result.getByText('HTTP 状态')).toBeVisible();
    const remedy = app.result.locator('.result-remedy');
    await expect(remedy).toHaveText(
      'KooDrive 拒绝了访问令牌（令牌闲置 20 分钟后过期）：请为此配置保存新的令牌，并检查用户 ID 和 Authorization 前缀。',
    );
    await expect(app.result).not.toContainText('rejected the access token');
    expect(sandbox.activeLockIds()).toContain(lockId);
    await app.screenshot('result-remedy-zh-CN');
  });

  test('the lock ID check names the look-alike character in Chinese', async ({ app, handlers, startKooDrive }) => {
    const sandbox = await startKooDrive({ seedLocks: 0 });
    await saveSandboxProfile(handlers, sandbox);
    const { page } = app;
    await page.reload();
    await app.ready();

    const lockField = app.field('锁 ID');
    await lockField.fill('78e41c7e\u2013db02@102');
    await lockField.press('Enter');
    await expect(page.getByText('锁 ID 只包含可打印的 ASCII 字符')).toBeVisible();
    await expect(page.getByText('第 9 个字符是 U+2013 EN DASH：请改为输入 "-"。')).toBeVisible();
    await expect(app.dialog).toBeHidden();
    await app.screenshot('lock-id-check-zh-CN');
  });

  test('a refused authenticated call in Diagnostics gives its remedy, the step details and the clock message in Chinese', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const sandbox = await startKooDrive({ seedLocks: 0 });
    await saveSandboxProfile(handlers, sandbox, { token: 'expired-token-4c1d' });
    const { page } = app;
    await page.reload();
    await app.ready();
    await page.getByRole('navigation').getByRole('button', { name: zhCN['nav.diagnostics'], exact: true }).click();
    await page.getByRole('button', { name: zhCN['diagnostics.runAll'], exact: true }).click();
    const remedy = page.locator('.diag-step-remedy');
    await expect(remedy).toHaveCount(1);
    await expect(remedy).toHaveText(
      `${zhCN['diagnostics.step.remedy']} KooDrive 拒绝了访问令牌（令牌闲置 20 分钟后过期）：请为此配置保存新的令牌，并检查用户 ID 和 Authorization 前缀。`,
    );

    // The step details and the clock's message are Chinese too; the only English left is the server's own msg.
    const details = page.locator('.diag-step-detail');
    await expect(details).toHaveCount(5);
    await expect(details.nth(0)).toHaveText(/^127\.0\.0\.1 是 IP 地址：无需查询。路由：直连，不经代理（直连/);
    await expect(details.nth(1)).toHaveText(/^已连接到 127\.0\.0\.1:\d+。$/);
    await expect(details.nth(2)).toHaveText('已跳过：到本地沙箱的连接是明文 HTTP，没有 TLS 可检查。');
    await expect(details.nth(3)).toHaveText(/^服务器对 GET \/koodrive\/ose\/v1\/backup\/lock 应答了 HTTP \d{3}（/);
    await expect(details.nth(4)).toHaveText(
      /^KooDrive 拒绝了经过认证的调用 GET \/koodrive\/ose\/v1\/backup\/record\?\S+：HTTP 401，代码 APIGW\.0301：/,
    );
    const serverSaid = /：HTTP 401，代码 APIGW\.0301：(.*)（请求 ID [\w-]+）。$/.exec(
      await details.nth(4).innerText(),
    )?.[1];
    expect(serverSaid).toBeTruthy();
    const stepList = (await page.locator('.diag-steps').innerText()).replace(serverSaid ?? '', '');
    expect(stepList).not.toMatch(
      /\b(Skipped|resolves|Route|direct|Connected|connection|refused|answered|accepted|rejected|server|the)\b/,
    );
    // The clock's section is folded when it passed: open it so that its message shows in the screenshots.
    await page.getByRole('button', { name: zhCN['diagnostics.clock.title'], exact: true }).click();
    await expect(page.locator('.diag-verdict p')).toBeVisible();
    await expect(page.locator('.diag-verdict p')).toHaveText(
      /^本机时钟与服务器一致：相差不到 2 秒（测量精度约为 ±\d+ 秒/,
    );
    await app.screenshot('diagnostics-remedy-zh-CN');
  });

  test("the profile editor's field checks are in Chinese, with the field's label before a short one", async ({
    app,
    services,
  }) => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: zhCN['nav.profiles'], exact: true }).click();
    await page.getByRole('button', { name: zhCN['profile.save'], exact: true }).click();
    await expect(page.getByText('名称：必填', { exact: true })).toBeVisible();
    await expect(page.getByText('请输入基础 URL，例如 https://intl.myhuaweicloud-koodrive.com。')).toBeVisible();
    await expect(page.getByText('访问令牌属于一个用户：请输入该用户的 ID（令牌不能代表其他用户）。')).toBeVisible();

    await app.field('基础 URL').fill('http://koodrive.example.com');
    await expect(page.getByText(/^明文 http:\/\/ 只允许用于本机/)).toBeVisible();
    await app.field('用户 ID').fill('12ab');
    await expect(page.getByText(/^用户 ID 只能是数字（最多 32 位）/)).toBeVisible();
    await page.getByRole('radio', { name: /应用 ID 和应用密钥/ }).check();
    await expect(page.getByText('应用认证需要 KooDrive 控制台中的 App ID（AppId）。')).toBeVisible();

    const form = page.locator('main');
    for (const english of [
      'is required',
      'Enter the base URL',
      'Plain http://',
      'digits only',
      'App authentication needs',
    ])
      await expect(form).not.toContainText(english);
    await app.screenshot('profile-validation-zh-CN');
    expect(await services.profiles.list()).toEqual([]);
  });
});
