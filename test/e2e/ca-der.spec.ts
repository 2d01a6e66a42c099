/**
 * The profile editor's "Load from file…" takes a DER certificate (the default export on Windows) as well as
 * PEM: it is kept as PEM, and a lock is then released against an HTTPS sandbox whose certificate that CA signed.
 *   npm run build && node test/support/with-keyring.mjs npx playwright test test/e2e/ca-der.spec.ts
 */
import { X509Certificate } from 'node:crypto';
import type { LockResult } from '../../shared/result';
import { dispatch } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { createTestCa } from '../support/testCa';
import { expect, test } from './support/fixtures';

test('a DER CA certificate loaded from a file is saved as PEM and trusted', async ({
  app,
  services,
  startKooDrive,
}) => {
  const ca = await createTestCa('Corp DER CA');
  const sandbox = await startKooDrive({ seedLocks: 0, certificate: await ca.issue() });
  expect(sandbox.url).toMatch(/^https:/);

  await app.button('Add a KooDrive profile').click();
  await app.fillProfile({
    name: 'DER CA',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    secret: sandbox.credentials.token,
  });
  await app.page.getByText('Proxy and CA certificate').click();
  await app.page.getByLabel('Load from file…').setInputFiles({
    name: 'corp-ca.cer',
    mimeType: 'application/x-x509-ca-cert',
    buffer: new X509Certificate(ca.certPem).raw,
  });
  await expect(app.page.getByText('Loaded corp-ca.cer. Save the profile to keep it.')).toBeVisible();
  await expect(app.page.getByText('1 extra CA certificate')).toBeVisible();
  await app.button('Save profile').click();
  await expect(app.page.getByText('Profile “DER CA” saved.')).toBeVisible();

  const saved = (await services.profiles.list()).find((profile) => profile.name === 'DER CA');
  expect(saved?.caPem).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----$/);
  expect(new X509Certificate(saved?.caPem ?? '').fingerprint256).toBe(new X509Certificate(ca.certPem).fingerprint256);

  const lockId = sandbox.addLock();
  const released = await dispatch(createHandlers(services), 'releaseLock', { profileId: saved?.id, lockId });
  expect(released.ok && (released.value as LockResult)).toMatchObject({ ok: true, kind: 'success' });
  expect(sandbox.activeLockIds()).not.toContain(lockId);
});
