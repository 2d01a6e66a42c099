/**
 * axe-core on every screen, in light and dark, in English and in Simplified Chinese (the app follows
 * the browser's language). Serious and critical violations fail the test; they are collected over all
 * screens first, so one run reports every one of them in full.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { en } from '../../renderer/src/i18n/en';
import type { Messages } from '../../renderer/src/i18n/locale';
import { zhCN } from '../../renderer/src/i18n/zhCN';
import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

const LANGUAGES: ReadonlyArray<{ locale: string; text: Messages }> = [
  { locale: 'en-US', text: en },
  { locale: 'zh-CN', text: zhCN },
];
const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  screen: string;
  colorScheme: 'light' | 'dark';
  id: string;
  impact: string | null | undefined;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown; html: string; failureSummary: string | undefined }>;
}

function blocking(violations: Result[], screen: string, colorScheme: 'light' | 'dark'): Finding[] {
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      screen,
      colorScheme,
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        html: node.html,
        failureSummary: node.failureSummary,
      })),
    }));
}

async function audit(page: Page, screen: string, findings: Finding[]): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    findings.push(...blocking(results.violations, screen, colorScheme));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const { locale, text } of LANGUAGES) {
  test.describe(`accessibility in ${locale}`, () => {
    test.use({ locale });

    test('no serious or critical axe violations on any screen, light or dark', async ({
      app,
      handlers,
      startKooDrive,
    }) => {
      // Fifteen screens, each audited in light and dark, on a machine shared with other jobs.
      test.setTimeout(360_000);
      const { page } = app;
      const findings: Finding[] = [];
      const nav = (
        key: 'nav.locks' | 'nav.profiles' | 'nav.batch' | 'nav.history' | 'nav.diagnostics' | 'nav.settings',
      ) => page.getByRole('navigation').getByRole('button', { name: text[key], exact: true });
      const expectTitle = async (title: string) =>
        expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(title);

      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'en-US' ? 'en' : 'zh-CN');
      await expectTitle(text['firstRun.title']);
      await audit(page, 'first run', findings);

      const sandbox = await startKooDrive();
      await saveSandboxProfile(handlers, sandbox);
      // A second profile tagged Production, so both environment colours are audited.
      const live = await handlers.saveProfile({
        name: 'Live',
        baseUrl: sandbox.url,
        userId: sandbox.credentials.userId,
        authMode: 'bearer',
        moduleCode: '102',
        environment: 'production',
      });
      await handlers.setSecret({ profileId: live.id, secret: sandbox.credentials.token });
      await page.reload();
      await app.ready();
      const lockInput = page.getByLabel(text['lockForm.lockId'], { exact: true });
      await lockInput.fill(sandbox.seededLockIds[0]);
      await audit(page, 'locks', findings);

      await lockInput.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('heading')).toHaveText(text['confirm.release.title']);
      await audit(page, 'confirmation dialog', findings);

      await dialog.getByRole('button', { name: text['confirm.release.action'] }).click();
      await expect(app.resultHeading()).toHaveText(text['resultTitle.success.release']);
      await lockInput.fill('not a lock id');
      await audit(page, 'result (with recent lock IDs and a field problem)', findings);

      await nav('nav.profiles').click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await audit(page, 'profiles and editor', findings);

      // Switching profile with the keyboard shows a visible notice; the Production band and confirmation follow.
      await page.keyboard.press('ControlOrMeta+2');
      await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
      await audit(page, 'locks after a keyboard profile switch (Production)', findings);
      await lockInput.fill(sandbox.seededLockIds[1]);
      await lockInput.press('Enter');
      await expect(dialog.getByRole('button', { name: text['common.cancel'] })).toBeFocused();
      await audit(page, 'Production confirmation', findings);
      await page.keyboard.press('Escape');

      await nav('nav.batch').click();
      await expect(nav('nav.batch')).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await audit(page, 'batch', findings);

      await page.getByLabel(text['batch.ids'], { exact: true }).fill(sandbox.seededLockIds.slice(1).join('\n'));
      await page.getByRole('button', { name: text['batch.start.other'].replace('{count}', '2') }).click();
      await dialog.getByRole('button', { name: text['batch.confirm.action.other'].replace('{count}', '2') }).click();
      await expect(page.getByRole('group', { name: text['batch.outcome.label'] })).toBeVisible();
      await expect(page.getByRole('table', { name: text['batch.results.tableLabel'] }).getByRole('row')).toHaveCount(3);
      await audit(page, 'batch results with the outcome breakdown', findings);

      await nav('nav.history').click();
      await expect(nav('nav.history')).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await audit(page, 'history', findings);

      await nav('nav.diagnostics').click();
      await expect(nav('nav.diagnostics')).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await audit(page, 'diagnostics', findings);

      await nav('nav.settings').click();
      await expectTitle(text['settings.title']);
      await audit(page, 'settings', findings);

      await page.keyboard.press('F1');
      await expect(page.getByRole('dialog', { name: text['shortcuts.title'] })).toBeVisible();
      await audit(page, 'shortcuts overlay', findings);

      expect(findings, `axe found serious or critical violations:\n${JSON.stringify(findings, null, 2)}`).toEqual([]);
    });
  });
}
