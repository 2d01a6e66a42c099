import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { type Locator, type Page, expect } from '@playwright/test';

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', '..', 'test-results', 'screenshots');

export interface ProfileFields {
  name: string;
  baseUrl: string;
  userId: string;
  secret?: string;
}

/** The system clipboard as the user has it, reached without any permission of the app's page. */
export interface ClipboardAccess {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

/** The app as a user sees it: roles and labels only, no CSS selectors. */
export class LockAdminPage {
  constructor(
    readonly page: Page,
    private readonly clipboard: ClipboardAccess,
  ) {}

  async ready(): Promise<void> {
    await expect(this.page.getByRole('main')).toBeVisible();
    await expect(this.page.getByText('Loading profiles…')).toHaveCount(0);
  }

  /** Saves the current screen, in light and in dark, as test-results/screenshots/<name>-<scheme>.png. */
  async screenshot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    // A full-page shot of a scrolled page would draw the sticky header in mid-page.
    await this.page.evaluate('window.scrollTo(0, 0)');
    for (const colorScheme of ['light', 'dark'] as const) {
      await this.page.emulateMedia({ colorScheme });
      await this.page.screenshot({
        path: path.join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`),
        fullPage: true,
        animations: 'disabled',
        caret: 'hide',
      });
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
  }

  /** What is on the clipboard, read as another program would (the page itself may not read it). */
  async readClipboard(): Promise<string> {
    return this.clipboard.readText();
  }

  /** Puts text on the clipboard as if the user had copied it in another program. */
  async writeClipboard(text: string): Promise<void> {
    await this.clipboard.writeText(text);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get lockIdInput(): Locator {
    return this.field('Lock ID');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get result(): Locator {
    return this.page.getByRole('article');
  }

  resultHeading(): Locator {
    return this.result.getByRole('heading', { level: 2 });
  }

  /** The value next to a label in the result's details. */
  resultDetail(label: string): Locator {
    return this.result
      .locator('div', { has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
      .locator('dd');
  }

  async navigate(to: 'Locks' | 'Profiles'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: to }).click();
  }

  /** Types a lock ID and presses Enter, which asks for confirmation. */
  async askToRelease(lockId: string): Promise<void> {
    await this.lockIdInput.fill(lockId);
    await this.lockIdInput.press('Enter');
    await expect(this.dialog).toBeVisible();
  }

  async release(lockId: string): Promise<void> {
    await this.askToRelease(lockId);
    await this.dialog.getByRole('button', { name: 'Release lock' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.resultHeading()).toBeVisible();
  }

  async fillProfile(fields: ProfileFields): Promise<void> {
    await this.field('Name').fill(fields.name);
    await this.field('Base URL').fill(fields.baseUrl);
    await this.field('User ID').fill(fields.userId);
    if (fields.secret !== undefined) await this.field('Access token').fill(fields.secret);
  }
}
