/**
 * A refused app signature read in the result panel when the gateway says what it signed (the sandbox's
 * signatureDetail; docs/koodrive-protocol.md#open-questions, question 23): a request changed on the way (a reverse
 * proxy that rewrites Host) shows both hashes and points at the proxy; a wrong secret, in a Chinese window, says so
 * in Chinese. The secret is never on the page.
 */
import { hostRewritingProxy } from '../support/hostRewritingProxy';
import { expect, test } from './support/fixtures';
import type { LockAdminPage } from './support/lockAdminPage';
import { saveSandboxAppProfile } from './support/profiles';

const HASH = /[0-9a-f]{64}/g;

async function releaseFromForm(app: LockAdminPage, lockId: string, lockLabel: string, confirm: string) {
  await app.page.reload();
  await app.ready();
  const lockField = app.field(lockLabel);
  await lockField.fill(lockId);
  await lockField.press('Enter');
  await app.dialog.getByRole('button', { name: confirm }).click();
  await expect(app.dialog).toBeHidden();
}

test('a request changed on the way: both hashes, the proxy named, the secret nowhere', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive({ signatureDetail: true });
  const proxy = await hostRewritingProxy(sandbox.url);
  try {
    await saveSandboxAppProfile(handlers, sandbox, { name: 'Tenant', baseUrl: proxy.url });
    const lockId = sandbox.seededLockIds[0];
    await releaseFromForm(app, lockId, 'Lock ID', 'Release lock');

    await expect(app.resultHeading()).toHaveText('Authentication failed');
    const remedy = app.result.getByText(/so the request was changed on the way or canonicalised differently/);
    await expect(remedy).toBeVisible();
    await expect(remedy).toContainText('check proxies that rewrite headers or paths');
    const hashes = new Set((await remedy.textContent())?.match(HASH));
    expect(hashes.size).toBe(2);
    await expect(app.result).not.toContainText(sandbox.credentials.appSecret);
    await expect(app.result.getByRole('group', { name: 'Next steps' }).getByRole('button')).toContainText([
      'Open in Diagnostics',
    ]);
    expect(sandbox.activeLockIds()).toContain(lockId);
    await app.screenshot('result-signature-differs');
  } finally {
    await proxy.close();
  }
});

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('a wrong App secret: the request arrived as signed, said in Chinese', async ({
    app,
    handlers,
    startKooDrive,
  }) => {
    const sandbox = await startKooDrive({ signatureDetail: true });
    await saveSandboxAppProfile(handlers, sandbox, { name: 'Tenant', secret: 'an-old-app-secret' });
    await releaseFromForm(app, sandbox.seededLockIds[0], '锁 ID', '释放锁');

    await expect(app.result.getByText(/说明请求按签名原样到达，是应用密钥（或 App ID）不对/)).toBeVisible();
    await expect(app.result).not.toContainText('arrived as signed');
    await expect(app.result).not.toContainText('an-old-app-secret');
    await app.screenshot('result-signature-matches-zh-CN');
  });
});
