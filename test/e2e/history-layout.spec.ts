/**
 * History at full window width: resizable columns (keyboard and mouse; their widths kept across a reload, stored
 * values checked when read), the details beside the list that follow the arrow keys, the outcome, operation and
 * quick-range filters; screenshots in light and dark and in zh-CN; axe on the screen with the details open.
 */
import type { Locator, Page } from '@playwright/test';
import type { AppServices } from '../../electron/app/services';
import type { RunningSandbox, SandboxOptions } from '../../electron/sandbox/server';
import type { Handlers } from '../../shared/contract';
import type { LockOperation, ResultKind } from '../../shared/result';
import { expect, test } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';
import { blockingAxeFindings } from './support/axe';

// Local time in a zone 8 hours east of UTC: the quick ranges write From in it, as a typed date.
test.use({ timezoneId: 'Asia/Shanghai' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface SeededOperation {
  id: string;
  operation: LockOperation;
  agoMs: number;
  /** null: only the pending entry (no result recorded). */
  kind: ResultKind | null;
}

/** Newest first, as the list shows them. */
const OPERATIONS: readonly SeededOperation[] = [
  { id: 'op-released', operation: 'release', agoMs: 10 * MINUTE, kind: 'success' },
  { id: 'op-cut-off', operation: 'release', agoMs: 20 * MINUTE, kind: null },
  { id: 'op-renew-refused', operation: 'renew', agoMs: 2 * HOUR, kind: 'auth' },
  { id: 'op-created', operation: 'create', agoMs: 30 * HOUR, kind: 'success' },
  { id: 'op-gone', operation: 'release', agoMs: 3 * 24 * HOUR, kind: 'not-found' },
  { id: 'op-renewed', operation: 'renew', agoMs: 10 * 24 * HOUR, kind: 'success' },
];

function lockIdOf(index: number): string {
  return `${String(index).repeat(8)}-0000-4000-8000-00000000000${index}@102`;
}

async function seed(services: AppServices, profileId: string): Promise<void> {
  const now = Date.now();
  for (const [index, seeded] of [...OPERATIONS].reverse().entries()) {
    const base = {
      operationId: seeded.id,
      source: 'gui' as const,
      osUser: 'ana',
      profile: profileId,
      host: 'intl.myhuaweicloud-koodrive.com',
      operation: seeded.operation,
      lockId: seeded.operation === 'create' ? null : lockIdOf(index),
    };
    const sent = now - seeded.agoMs;
    await services.audit.append({ ...base, time: new Date(sent).toISOString(), phase: 'pending' });
    if (seeded.kind === null) continue;
    const ok = seeded.kind === 'success';
    await services.audit.append({
      ...base,
      time: new Date(sent + 120).toISOString(),
      phase: 'result',
      ok,
      kind: seeded.kind,
      httpStatus: ok ? 200 : seeded.kind === 'auth' ? 401 : 400,
      code: ok ? '0' : '13000309',
      msg: ok ? 'success' : 'refused',
      requestId: `req-${seeded.id}`,
      durationMs: 42,
    });
  }
}

function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Lock operations, newest first' });
}

async function openHistory(page: Page, name = 'History'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box.width;
}

async function valueNow(separator: Locator): Promise<number> {
  return Number(await separator.getAttribute('aria-valuenow'));
}

/** Whether a cell's text is cut (its content is wider than the cell). */
function isCut(cell: Locator): Promise<boolean> {
  return cell.evaluate((element) => element.scrollWidth > element.clientWidth);
}

const STORED_WIDTHS_KEY = 'koodrive-lock-admin.historyColumns.v1';

/** The column widths History keeps in the page's local storage (null: none kept). */
async function storedWidths(page: Page): Promise<unknown> {
  const text = await page.evaluate(`localStorage.getItem(${JSON.stringify(STORED_WIDTHS_KEY)})`);
  return typeof text === 'string' ? JSON.parse(text) : text;
}

async function storeWidths(page: Page, text: string): Promise<void> {
  await page.evaluate(`localStorage.setItem(${JSON.stringify(STORED_WIDTHS_KEY)}, ${JSON.stringify(text)})`);
}

/** A 1,600 × 1,000 window and a sandbox profile named `name` whose audit log holds OPERATIONS. */
async function seededWide(
  page: Page,
  fixtures: {
    handlers: Handlers;
    services: AppServices;
    startKooDrive: (options?: SandboxOptions) => Promise<RunningSandbox>;
  },
  name = 'Production (intl)',
): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  const sandbox = await fixtures.startKooDrive();
  const profile = await saveSandboxProfile(fixtures.handlers, sandbox, { name });
  await seed(fixtures.services, profile.id);
}

test('uses the full width at 1,600 px, resizes columns by keyboard and by mouse, and keeps them across a restart', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const { page } = app;
  await seededWide(page, { handlers, services, startKooDrive });
  await openHistory(page);
  await expect(page.getByRole('heading', { name: '6 operations' })).toBeVisible();

  const list = grid(page);
  expect(await width(list)).toBeGreaterThan(1040);
  const refused = list.getByRole('row').nth(3);
  await expect(refused).toContainText('Authentication failed');
  // The profile by its name, and neither it nor the outcome cut.
  const profileCell = refused.getByRole('gridcell').nth(7);
  const outcomeCell = refused.getByRole('gridcell').nth(4);
  await expect(profileCell).toHaveText('Production (intl)');
  expect(await isCut(profileCell)).toBe(false);
  expect(await isCut(outcomeCell.locator('span'))).toBe(false);

  // Keyboard: the Outcome column's edge, two steps wider, then back with Enter.
  const outcomeHeader = list.getByRole('columnheader', { name: 'Outcome' });
  const outcomeEdge = list.getByRole('separator', { name: 'Resize the Outcome column' });
  await expect(outcomeEdge).toHaveAttribute('aria-orientation', 'vertical');
  // The separator tells the drawn width (once the page has settled: rows, badge, scroll bars).
  await expect(page.getByText(/^Audit log verified/)).toBeVisible();
  await expect
    .poll(async () => Math.abs((await valueNow(outcomeEdge)) - (await width(outcomeHeader))))
    .toBeLessThanOrEqual(1);
  const outcomeBefore = await valueNow(outcomeEdge);
  await outcomeEdge.focus();
  await outcomeEdge.press('ArrowRight');
  await outcomeEdge.press('ArrowRight');
  await expect(outcomeEdge).toHaveAttribute('aria-valuenow', String(Math.round(outcomeBefore + 32)));
  await expect.poll(() => width(outcomeHeader)).toBeCloseTo(Math.round(outcomeBefore + 32), 0);
  // The arrow keys resized the column; they did not move the list's selection.
  await expect(list.locator('[aria-selected="true"]')).toHaveCount(0);
  await outcomeEdge.press('Shift+ArrowLeft');
  await expect(outcomeEdge).toHaveAttribute('aria-valuenow', String(Math.round(outcomeBefore + 32 - 64)));
  await outcomeEdge.press('Home');
  await expect(outcomeEdge).toHaveAttribute('aria-valuenow', '170');
  await outcomeEdge.press('Enter');
  await expect.poll(() => valueNow(outcomeEdge)).toBeCloseTo(outcomeBefore, 0);

  // Mouse: drag the Time column's edge 80 px to the right.
  const timeHeader = list.getByRole('columnheader', { name: 'Time' });
  const timeEdge = list.getByRole('separator', { name: 'Resize the Time column' });
  const timeBefore = await valueNow(timeEdge);
  const edge = await timeEdge.boundingBox();
  if (!edge) throw new Error('the Time column edge is not drawn');
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 40, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.move(edge.x + edge.width / 2 + 80, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(timeEdge).toHaveAttribute('aria-valuenow', String(timeBefore + 80));
  await expect.poll(() => width(timeHeader)).toBeCloseTo(timeBefore + 80, 0);
  await app.screenshot('history-layout-resized-1600');

  // Another screen and back: the widths stay.
  await page.getByRole('navigation').getByRole('button', { name: 'Locks', exact: true }).click();
  await openHistory(page);
  await expect(timeEdge).toHaveAttribute('aria-valuenow', String(timeBefore + 80));
  // And the next time the app starts: the widths are kept in the page's local storage.
  await app.page.reload();
  await app.ready();
  await openHistory(page);
  await expect(timeEdge).toHaveAttribute('aria-valuenow', String(timeBefore + 80));
  await expect.poll(() => width(timeHeader)).toBeCloseTo(timeBefore + 80, 0);
  // Enter gave the Outcome column its default track back before, so only the Time column is kept.
  expect(await storedWidths(page)).toEqual({ time: timeBefore + 80 });

  // A double-click on the edge gives the column its default width back, after a restart too.
  await timeEdge.dblclick();
  await expect(timeEdge).toHaveAttribute('aria-valuenow', String(timeBefore));
  expect(await storedWidths(page)).toBeNull();
  await app.page.reload();
  await app.ready();
  await openHistory(page);
  await expect(timeEdge).toHaveAttribute('aria-valuenow', String(timeBefore));
});

test('ignores stored widths that are corrupt, of unknown columns or of the wrong type, and clamps the others', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const { page } = app;
  await seededWide(page, { handlers, services, startKooDrive });
  const list = grid(page);
  const timeEdge = list.getByRole('separator', { name: 'Resize the Time column' });
  const outcomeEdge = list.getByRole('separator', { name: 'Resize the Outcome column' });
  const httpEdge = list.getByRole('separator', { name: 'Resize the HTTP column' });

  // Not JSON at all: History opens with its default widths, and a resize writes a clean entry over it.
  await storeWidths(page, '{"time": 300,');
  await app.page.reload();
  await app.ready();
  await openHistory(page);
  await expect(page.getByRole('heading', { name: '6 operations' })).toBeVisible();
  await expect(timeEdge).toHaveAttribute('aria-valuenow', '212');
  await expect(httpEdge).toHaveAttribute('aria-valuenow', '64');
  await httpEdge.focus();
  await httpEdge.press('ArrowRight');
  await expect(httpEdge).toHaveAttribute('aria-valuenow', '80');
  expect(await storedWidths(page)).toEqual({ http: 80 });

  // A width of the wrong type and an unknown column are ignored; a width past the widest is clamped.
  await storeWidths(page, JSON.stringify({ time: 'wide', outcome: 99_999, nope: 300, http: 72 }));
  await app.page.reload();
  await app.ready();
  await openHistory(page);
  await expect(page.getByRole('heading', { name: '6 operations' })).toBeVisible();
  await expect(timeEdge).toHaveAttribute('aria-valuenow', '212');
  await expect(outcomeEdge).toHaveAttribute('aria-valuenow', '640');
  await expect(httpEdge).toHaveAttribute('aria-valuenow', '72');
  await expect.poll(() => width(list.getByRole('columnheader', { name: 'Outcome' }))).toBeCloseTo(640, 0);
});

test('shows the details beside the list, following the arrow keys; below the list in a narrow window', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const { page } = app;
  await seededWide(page, { handlers, services, startKooDrive });
  await openHistory(page);
  const list = grid(page);
  const rows = list.getByRole('row');
  await expect(rows).toHaveCount(7);

  const details = page.getByRole('dialog', { name: 'Operation details' });
  await rows.nth(3).click();
  await expect(details).toContainText('req-op-renew-refused');
  await expect(list).toBeFocused();
  // Beside the list: to its right, overlapping it vertically.
  const listBox = await list.boundingBox();
  const detailsBox = await details.boundingBox();
  if (!listBox || !detailsBox) throw new Error('not drawn');
  expect(detailsBox.x).toBeGreaterThanOrEqual(listBox.x + listBox.width);
  expect(detailsBox.y).toBeLessThan(listBox.y + listBox.height);
  // With the details open, the outcome is still whole.
  expect(await isCut(rows.nth(3).getByRole('gridcell').nth(4).locator('span'))).toBe(false);
  await app.screenshot('history-layout-details-1600');
  expect(await blockingAxeFindings(page)).toEqual([]);

  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(4)).toHaveAttribute('aria-selected', 'true');
  await expect(details).toContainText('Create');
  await expect(details).not.toContainText('req-op-renew-refused');
  await page.keyboard.press('ArrowDown');
  await expect(details).toContainText('req-op-gone');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(details).toContainText('no result was recorded');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(details).toContainText('no result was recorded');

  // A narrow window: the details go below the list.
  await page.setViewportSize({ width: 860, height: 1000 });
  await expect
    .poll(async () => {
      const [below, above] = await Promise.all([details.boundingBox(), list.boundingBox()]);
      return below && above ? below.y - (above.y + above.height) : -1;
    })
    .toBeGreaterThanOrEqual(0);
});

test('filters by operation, by outcome and reason, and by a quick range', async ({
  app,
  handlers,
  services,
  startKooDrive,
}) => {
  const { page } = app;
  await seededWide(page, { handlers, services, startKooDrive });
  await openHistory(page);
  const count = (text: string) => page.getByRole('heading', { level: 2, name: text, exact: true });
  const rows = grid(page).getByRole('row');
  await expect(count('6 operations')).toBeVisible();

  await page.getByRole('combobox', { name: 'Operation' }).selectOption({ label: 'Renew' });
  await expect(count('2 operations')).toBeVisible();
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Authentication failed' });
  await expect(count('1 operation')).toBeVisible();
  await expect(rows.nth(1)).toContainText('Authentication failed');
  await page.getByRole('combobox', { name: 'Operation' }).selectOption({ label: 'Any operation' });
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Lock not found' });
  await expect(count('1 operation')).toBeVisible();
  await expect(rows.nth(1)).toContainText(lockIdOf(1));
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'No result recorded' });
  await expect(count('1 operation')).toBeVisible();
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Any outcome' });
  await expect(count('6 operations')).toBeVisible();

  const from = page.getByLabel(/^From /);
  const quick = page.getByRole('group', { name: 'Quick range' });
  await quick.getByRole('button', { name: 'Last hour' }).click();
  await expect(from).toHaveValue(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  await expect(count('2 operations')).toBeVisible();
  await quick.getByRole('button', { name: 'Last 24 hours' }).click();
  await expect(count('3 operations')).toBeVisible();
  await quick.getByRole('button', { name: 'Last 7 days' }).click();
  await expect(count('5 operations')).toBeVisible();
  await expect(grid(page)).not.toContainText(lockIdOf(0));
  // The quick range is written in the zone the list shows (here GMT+8): eight hours ahead of UTC.
  const fromText = await from.inputValue();
  const sevenDaysAgo = Date.parse(`${fromText}Z`) - 8 * HOUR;
  expect(Math.abs(Date.now() - 7 * 24 * HOUR - sevenDaysAgo)).toBeLessThan(10 * MINUTE);
  await page.getByRole('combobox', { name: 'Operation' }).selectOption({ label: 'Release' });
  await expect(count('3 operations')).toBeVisible();
  await app.screenshot('history-layout-filters');
});

test.describe('in Simplified Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('History with its filters, resizable columns and details, axe clean', async ({
    app,
    handlers,
    services,
    startKooDrive,
  }) => {
    const { page } = app;
    await seededWide(page, { handlers, services, startKooDrive }, '生产环境（国际）');
    await openHistory(page, '历史');
    await expect(page.getByRole('heading', { level: 2, name: '6 项操作' })).toBeVisible();
    const list = page.getByRole('grid', { name: '锁操作，最新的在前' });
    await expect(list.getByRole('separator', { name: '调整“结果”列的宽度' })).toBeVisible();
    await expect(
      page.getByRole('group', { name: '快速范围' }).getByRole('button', { name: '最近 7 天' }),
    ).toBeVisible();
    await list.getByRole('row').nth(3).click();
    const details = page.getByRole('dialog', { name: '操作详情' });
    await expect(details).toContainText('生产环境（国际）');
    await expect(list.getByRole('row').nth(3)).toContainText('认证失败');
    await app.screenshot('history-layout-zh-CN');
    expect(await blockingAxeFindings(page)).toEqual([]);
  });
});
