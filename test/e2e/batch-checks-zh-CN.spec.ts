/**
 * The batch's input checks in the window's language (docs/renderer.md#messages-from-main-keys-and-parameters):
 * in a Chinese window the invalid rows say what is wrong in Chinese, with no English sentence left.
 */
import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the invalid rows of a batch say what is wrong in Chinese; screenshots light and dark', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const sandbox = await startKooDrive({ seedLocks: 0 });
    await saveSandboxProfile(handlers, sandbox);
    const lockId = sandbox.addLock('102');
    const { page } = app;
    await page.reload();
    await app.ready();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '批量' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '批量释放锁' })).toBeVisible();

    await app.field('用户和锁 ID').fill([lockId, '78e41c7e\u2013db02@102', '1505084218764547200'].join('\n'));
    const invalid = page.getByRole('region', { name: '2 行无效' });
    const rows = invalid.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('锁 ID 只包含可打印的 ASCII 字符');
    await expect(rows.nth(1)).toContainText('第 9 个字符是 U+2013 EN DASH：请改为输入 "-"。');
    await expect(rows.nth(2)).toContainText('单独的数字不是锁 ID（它看起来像用户 ID）');
    await expect(invalid).not.toContainText('printable ASCII');
    await expect(invalid).not.toContainText('A number alone');
    await invalid.scrollIntoViewIfNeeded();
    await app.screenshot('batch-invalid-rows-zh-CN');
  });
});
