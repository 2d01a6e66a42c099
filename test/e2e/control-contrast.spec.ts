/**
 * Non-text contrast (WCAG 1.4.11), read from the computed colours: every visible input, select and
 * textarea border is at least 3:1 against the background it sits on, and the current tab carries an
 * accent underline of at least 3:1 that the other tabs do not have — in the light and the dark theme.
 */
import type { Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

const MINIMUM = 3;

interface Measured {
  what: string;
  ratio: number;
}

/** Runs in the page: contrast of each control's border, and of each tab's underline, with its background. */
const MEASURE = `(() => {
  const parse = (text) => {
    const m = text.match(/rgba?\\(([\\d.]+),? ([\\d.]+),? ([\\d.]+)(?:,? \\/? ?([\\d.]+))?\\)/);
    if (!m) throw new Error('unreadable colour ' + text);
    return { r: +m[1], g: +m[2], b: +m[3], a: m[4] === undefined ? 1 : +m[4] };
  };
  const channel = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backgroundBehind = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c.a > 0) return c;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor);
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label') + ']' : '');
  const controls = [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea')]
    .filter((el) => el.getClientRects().length > 0);
  const borders = controls.map((el) => ({ what: name(el), ratio: ratio(parse(getComputedStyle(el).borderBottomColor), backgroundBehind(el)) }));
  const tabs = [...document.querySelectorAll('nav button')].map((el) => {
    const line = parse(getComputedStyle(el).borderBottomColor);
    const width = parseFloat(getComputedStyle(el).borderBottomWidth);
    const own = parse(getComputedStyle(el).backgroundColor);
    const behind = own.a > 0 ? own : backgroundBehind(el);
    return { what: el.textContent, current: el.getAttribute('aria-current') === 'page', visible: line.a > 0 && width >= 2, ratio: ratio(line, behind) };
  });
  return { borders, tabs };
})()`;

interface Measurement {
  borders: Measured[];
  tabs: Array<Measured & { current: boolean; visible: boolean }>;
}

async function measure(page: Page, colorScheme: 'light' | 'dark'): Promise<Measurement> {
  await page.emulateMedia({ colorScheme });
  return (await page.evaluate(MEASURE)) as Measurement;
}

test('control borders and the current tab are at least 3:1 in both themes', async ({
  app,
  handlers,
  startKooDrive,
}) => {
  const { page } = app;
  await saveSandboxProfile(handlers, await startKooDrive());
  await page.reload();
  await app.ready();
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

  for (const screen of [en['nav.locks'], en['nav.profiles'], en['nav.batch'], en['nav.diagnostics']]) {
    await nav(screen).click();
    await expect(nav(screen)).toHaveAttribute('aria-current', 'page');
    // Screens after the first load lazily: measure once the screen's own controls are there.
    await expect(
      page.locator('main').locator('input:not([type=checkbox]):not([type=radio]), select, textarea').first(),
    ).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      const { borders, tabs } = await measure(page, colorScheme);
      expect(borders.length, `${screen}: controls found`).toBeGreaterThan(0);
      const weak = borders.filter((border) => border.ratio < MINIMUM);
      expect(weak, `${screen}, ${colorScheme}: control borders under ${MINIMUM}:1`).toEqual([]);

      const current = tabs.filter((tab) => tab.current);
      expect(current.map((tab) => tab.what)).toEqual([screen]);
      expect(current[0].visible, `${colorScheme}: the current tab has an underline`).toBe(true);
      expect(current[0].ratio, `${colorScheme}: the underline's contrast`).toBeGreaterThanOrEqual(MINIMUM);
      expect(
        tabs.filter((tab) => !tab.current && tab.visible).map((tab) => tab.what),
        `${colorScheme}: other tabs have no underline`,
      ).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await app.screenshot('tabs-and-controls-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('tabs-and-controls-dark');
});
